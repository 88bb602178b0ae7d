/* libFuzzer target: a code as a person types it (code_typed_parse), the
 * candidates it may have been meant to be, and the pure formatting and
 * checking functions on them. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/code.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

static int code_fuzz_candidate(const char *code, enum code_repair how, size_t pos, void *arg)
{
	char g[CODE_GROUPED_BUFSZ], m[CODE_GROUPED_BUFSZ * 3];
	(void)pos;
	/* every candidate offered must be a valid code */
	if (!code_is_valid(code) || !code_repair_text(how))
		abort();
	code_group(code, g, sizeof g);
	code_mask(code, m, sizeof m);
	++*(long *)arg;
	return *(long *)arg > 100000;
}

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), g[CODE_GROUPED_BUFSZ], m[CODE_GROUPED_BUFSZ * 3];
	struct code_typed t;
	struct cn_buf spelled = {0};
	long n = 0;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	code_typed_parse(s, &t);
	if (t.state == CODE_TYPED_OK && !code_is_valid(t.norm))
		abort();
	code_candidates(&t, code_fuzz_candidate, &n);
	if (code_is_valid(s)) {
		code_group(s, g, sizeof g);
		code_mask(s, m, sizeof m);
		code_spell(s, &spelled);
		buf_free(&spelled);
	}
	for (size_t i = 0; i < size; i++)
		code_symbol_value(s[i]);
	free(s);
	return 0;
}
