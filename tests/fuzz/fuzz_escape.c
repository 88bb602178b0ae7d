/* libFuzzer target: the output escaper (text_escape) and the ASCII form
 * for terminals that are not UTF-8 (text_ascii). The first byte picks the
 * escaper's flags. Whatever the bytes, the escaped text is valid UTF-8
 * with no character the policy refuses (tabs and line breaks only when
 * asked to keep them; none at all in TSV), and the ASCII form is ASCII
 * of the same display width. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "centralino/text.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

static void check_escaped(const char *s, size_t n, unsigned flags)
{
	size_t bad;
	if (!text_is_utf8(s, n, &bad) || memchr(s, '\0', n))
		abort();
	for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s; *p;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		int kept = (cp == '\n' && (flags & TEXT_ESC_KEEP_NL)) ||
			   (cp == '\t' && (flags & TEXT_ESC_KEEP_TAB));
		if (text_cp_unsafe(cp) && (!kept || (flags & (TEXT_ESC_TSV | TEXT_ESC_SPACES))))
			abort();
		p += len;
	}
}

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct cn_buf b = {0};
	unsigned flags;
	char *a;

	if (size < 1)
		return 0;
	flags = data[0] & 15;
	if (flags & TEXT_ESC_TSV)
		flags = TEXT_ESC_TSV;
	else if (flags & TEXT_ESC_SPACES)
		flags = TEXT_ESC_SPACES;
	text_escape(&b, (const char *)data + 1, size - 1, flags);
	check_escaped(buf_str(&b), b.len, flags);
	if (flags == TEXT_ESC_SPACES && (a = text_ascii(buf_str(&b)))) {
		for (const char *p = a; *p; p++)
			if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
				abort();
		if (text_width(a) != (int)strlen(a) || (int)strlen(a) != text_width(buf_str(&b)))
			abort();
		free(a);
	}
	buf_free(&b);
	return 0;
}
