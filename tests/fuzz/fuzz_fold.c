/* libFuzzer target: the search key (text_fold) and the other UTF-8 helpers
 * every name passes through: NFC, display width, fitting to a column,
 * validation, Latin-1 conversion and the file decoder. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *f, *g, *u, *d, out[64], err[256];
	size_t bad, len;
	enum text_encoding enc;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if ((f = text_fold(s))) {
		/* folding is idempotent: the key of a key is itself */
		if ((g = text_fold(f)) && strcmp(f, g) != 0)
			abort();
		free(g);
		free(f);
	}
	free(text_nfc(s));
	text_width(s);
	for (int cols = 0; cols < 12; cols += 3) {
		text_fit(s, cols, out, sizeof out);
		if (text_width(out) > (cols > 0 ? cols : 1))
			abort();
	}
	text_fit(s, 3, out, 4);
	text_is_utf8(s, size, &bad);
	if ((u = text_latin1_to_utf8(s, size, &len)))
		free(u);
	if (text_load_mem("fuzz", (const char *)data, size, &d, &len, &enc, err, sizeof err) == 0)
		free(d);
	free(s);
	return 0;
}
