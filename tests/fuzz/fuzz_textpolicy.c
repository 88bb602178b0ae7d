/* libFuzzer target: the text policy (text_clean). The first byte picks the
 * field kind, the rest is the text. What it keeps holds no character the
 * policy refuses, is valid UTF-8, NFC, within the limit, and cleaning it
 * again changes nothing. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "centralino/ctx.h"
#include "centralino/text.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

static void check_clean(const char *s, enum text_kind kind)
{
	size_t chars = 0;
	for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s; *p; chars++) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0)
			abort();
		if (text_cp_unsafe(cp) && cp != '\n' && cp != '\t')
			abort();
		if ((cp == '\n' || cp == '\t') && kind != TEXT_NOTES && kind != TEXT_OUTCOME)
			abort();
		p += len;
	}
	if (chars > text_limit(kind) || s[0] == ' ' || s[strlen(s) - 1] == ' ')
		abort();
}

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	char *out = NULL, *again = NULL, why[256];
	enum text_kind kind;

	if (size < 1)
		return 0;
	kind = (enum text_kind)(data[0] % TEXT_KIND_MAX);
	if (text_clean((const char *)data + 1, size - 1, kind, &out, why, sizeof why) == CN_OK && out) {
		check_clean(out, kind);
		if (text_clean(out, strlen(out), kind, &again, why, sizeof why) != CN_OK || !again ||
		    strcmp(out, again) != 0)
			abort();
	}
	free(out);
	free(again);
	return 0;
}
