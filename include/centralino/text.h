/* UTF-8 text: folding for search, display widths, encodings, a growable buffer. */
#ifndef CENTRALINO_TEXT_H
#define CENTRALINO_TEXT_H

#include <stddef.h>

/* The search key: NFC, case-folded, accents stripped; apostrophes, hyphens,
 * slashes, dots and other punctuation become single spaces; trimmed.
 * "Sant'Agata li Battiati" -> "sant agata li battiati". Returns a malloc'd
 * string, or NULL when `s` is not valid UTF-8 (or out of memory). */
char *text_fold(const char *s);
/* text_fold for text read back from the database, which someone may have
 * edited by hand: a byte that is not UTF-8 counts as punctuation (a word
 * break) instead of failing. NULL only when out of memory. */
char *text_fold_lossy(const char *s);

/* NFC copy (malloc'd), NULL when not valid UTF-8. */
char *text_nfc(const char *s);

/* Display columns of a UTF-8 string (wide characters count 2, combining 0). */
int text_width(const char *s);

/* Copies the longest prefix of s that fits in `cols` columns into out,
 * ending it with "…" when cut. Returns the width written. */
int text_fit(const char *s, int cols, char *out, size_t outsz);

/* 1 when the n bytes are valid UTF-8; otherwise 0 and *bad_at the offset. */
int text_is_utf8(const char *s, size_t n, size_t *bad_at);

/* Latin-1 -> UTF-8; malloc'd, NUL-terminated. Read as
 * Windows-1252 (Latin-1 plus letters such as Š ž € in 0x80-0x9F, which
 * ISTAT's list uses); NULL on the five bytes that encoding leaves undefined. */
char *text_latin1_to_utf8(const char *s, size_t n, size_t *outlen);

enum text_encoding { TEXT_UTF8, TEXT_UTF8_BOM, TEXT_LATIN1 };

/* Reads a whole file as UTF-8: a UTF-8 BOM is dropped; valid UTF-8 is kept;
 * anything else is read as Latin-1 (ISTAT publishes Latin-1). A file with a
 * BOM that is not valid UTF-8, or with NUL bytes, is refused with
 * "FILE:LINE: encoding: ..." in err. Returns 0 or a CN_E* status. */
int text_load_file(const char *path, char **data, size_t *len,
		   enum text_encoding *enc, char *err, size_t errlen);
/* The same for bytes in memory (an importer's _mem entry point: tests,
 * fuzzing); `name` stands for the file in messages. *data is malloc'd. */
int text_load_mem(const char *name, const char *bytes, size_t n, char **data, size_t *len,
		  enum text_encoding *enc, char *err, size_t errlen);

/* The two halves of text_load_file. text_read_file: the raw bytes
 * (malloc'd, NUL-terminated). text_decode: the same rules on bytes in
 * memory, `name` standing for the file in messages; *data is either `raw`
 * itself (UTF-8, BOM dropped in place) or a new buffer (converted from
 * Latin-1) — the caller frees raw when *data != raw. A file that is mostly
 * UTF-8 with stray non-UTF-8 bytes is refused, not read as Latin-1. */
int text_read_file(const char *path, char **raw, size_t *len, char *err, size_t errlen);
int text_decode(const char *name, char *raw, size_t n, char **data, size_t *len,
		enum text_encoding *enc, char *err, size_t errlen);

struct cn_buf {
	char *p;
	size_t len, cap;
};
int buf_add(struct cn_buf *b, const char *s, size_t n);
int buf_puts(struct cn_buf *b, const char *s);
int buf_printf(struct cn_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_free(struct cn_buf *b);
/* Never NULL: "" when empty. */
const char *buf_str(const struct cn_buf *b);

#endif
