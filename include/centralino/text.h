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
int text_load_file(const char *path, size_t max, char **data, size_t *len,
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
 * UTF-8 with stray non-UTF-8 bytes is refused, not read as Latin-1.
 * text_read_file (and text_load_file) read only a regular file, at once:
 * a folder, FIFO, socket or device is refused with CN_ENOINPUT without
 * waiting for a writer; a file over max bytes (0: no limit) with CN_EDATA
 * before its bytes are read; a symbolic link loop is CN_ENOINPUT. */
int text_read_file(const char *path, size_t max, char **raw, size_t *len, char *err, size_t errlen);
/* All n bytes written to fd (a write cut short or interrupted goes on);
 * 0, or -1 with errno set. */
int text_write_all(int fd, const char *p, size_t n);
/* Writes n bytes as the file at path, for the person who asked (exports,
 * reports), with her own ids: a new file, or a regular file of hers whose
 * contents are replaced. A symbolic link, another person's file, a
 * folder, FIFO or device is refused, and nothing is written. `secret`:
 * mode 0600 whatever the umask, also for a file that existed (anything
 * holding access codes). 0, or CN_ECANTCREAT / CN_EIO with err set. */
int text_save_file(const char *path, const char *p, size_t n, int secret, char *err, size_t errlen);
int text_decode(const char *name, char *raw, size_t n, char **data, size_t *len,
		enum text_encoding *enc, char *err, size_t errlen);

struct cn_buf {
	char *p;
	size_t len, cap;
};
/* buf_printf: CN_OK, or CN_EOSERR when vsnprintf cannot render the
 * format. Appending cannot fail otherwise (xalloc.h). */
void buf_add(struct cn_buf *b, const char *s, size_t n);
void buf_puts(struct cn_buf *b, const char *s);
int buf_printf(struct cn_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_free(struct cn_buf *b);
/* Never NULL: "" when empty. */
const char *buf_str(const struct cn_buf *b);

/* ---- The text policy: every text that is stored passes text_clean. ----
 *
 * Kept as given: letters of any script, punctuation, symbols, NBSP.
 * Normalised silently (obviously right): NFC; blanks trimmed at both
 * ends; in one-line fields a line break (CRLF, LF, CR) or tab becomes a
 * space and runs of spaces become one (a name pasted from a quoted CSV
 * cell); in notes CRLF and CR become LF (tabs kept).
 * Refused (CN_EDATA, "FIELD: ..."): bytes that are not UTF-8, NUL, the
 * other C0 controls (ESC, BS, BEL...), DEL, the C1 controls U+0080-U+009F,
 * every format character (Unicode Cf: bidi controls U+202A-U+202E,
 * U+2066-U+2069, U+200E/F, zero-width space/joiners U+200B-U+200D, word
 * joiner, soft hyphen, BOM...), line/paragraph separators U+2028/U+2029,
 * private-use, unassigned and non-characters; text over the field's
 * length limit. No field allows ZWJ/ZWNJ: the names the desk meets
 * (Italian, German, French, Slovenian, Ladin, Friulian, Sardinian) are
 * Latin script and never need them. */
enum text_kind {
	TEXT_PERSON,   /* caller, staff member, contact name: 200 */
	TEXT_OFFICE,   /* caller's office, contact office and source: 200 */
	TEXT_PLACE,    /* comune, ambito, provincia, regione names: 200 */
	TEXT_TITLE,    /* campaign name: 200 */
	TEXT_LABEL,    /* call category label: 80 */
	TEXT_REASON,   /* revoke, re-issue, extension, status, removal reasons; altro: text: 1000 */
	TEXT_VALUE,    /* a contact's value (e-mail, phone, name): 254 */
	TEXT_OUTCOME,  /* a call's outcome, several lines: 2000 */
	TEXT_NOTES,    /* a call's notes, several lines: 20000 */
	TEXT_KIND_MAX
};

/* The length limit of a kind, in characters (code points after NFC). */
size_t text_limit(enum text_kind kind);

/* Cleans the n bytes at in (n may include NUL bytes, which are refused)
 * by the policy above. CN_OK: *out is the malloc'd clean text, or NULL
 * when nothing is left (the caller decides whether the field was
 * required). CN_EDATA: *out NULL and why holds the reason (translated,
 * without the field name; the character shown escaped, "U+202E").
 * CN_EOSERR: out of memory. */
int text_clean(const char *in, size_t n, enum text_kind kind, char **out,
	       char *why, size_t whylen);

/* text_clean of a NUL-terminated string, the error left in the context as
 * "FIELD: why" (field = the option or column name the person used). */
struct cn_ctx;
int text_clean_ctx(struct cn_ctx *ctx, const char *field, const char *in,
		   enum text_kind kind, char **out);

/* 1 when the code point may never be stored nor sent raw to a terminal
 * (the refused set above, whitespace controls included). */
int text_cp_unsafe(long cp);

/* ---- The output escaper: everything printed or written to a file. ----
 * Appends s to out with every unsafe character (text_cp_unsafe) and every
 * byte that is not UTF-8 written as a visible escape: \x1b for bytes and
 * C0/C1/DEL, \u202e for other code points. Flags choose what happens to
 * the whitespace controls: */
enum {
	TEXT_ESC_KEEP_NL = 1,  /* \n kept (text printed on several lines) */
	TEXT_ESC_KEEP_TAB = 2, /* \t kept */
	TEXT_ESC_SPACES = 4,   /* \n, \r and \t become one space (table cells, screen lines) */
	TEXT_ESC_TSV = 8,      /* \t \n \r \\ as TSV escapes */
	TEXT_ESC_HTML = 16,    /* & < > " ' as character references (HTML text and attributes) */
};
void text_escape(struct cn_buf *out, const char *s, size_t n, unsigned flags);
/* For a terminal that is not UTF-8: an ASCII copy (malloc'd) with one
 * column per column of s: accents dropped (Forlì -> Forli), box drawing
 * as - | +, dashes as -, typographic quotes as ' and ", blocks as #,
 * braille dots as ., anything else '?' (two for a wide character). */
char *text_ascii(const char *s);

/* text_escape into a malloc'd string (never NULL). */
char *text_escaped(const char *s, unsigned flags);

/* One cell of a CSV (tsv 0) or TSV (tsv 1) file appended to out, through
 * the escaper: TSV with \t \n \r \\ escaped; CSV quoted when it holds
 * , ; " or a line break, inner quotes doubled. A cell a spreadsheet would
 * read as a formula (= + - @, also after blanks; a leading tab or CR)
 * starts with ' so it stays text. */
void text_cell(struct cn_buf *out, const char *s, int tsv);

/* n bytes written as the whole of path for the person who asked, as
 * text_save_file does for a secret file (her own ids, 0600, never through
 * a link or into another's file), the message in the context:
 * CN_ECANTCREAT / CN_EIO with the path in the message. */
int text_file_replace(struct cn_ctx *ctx, const char *path, const char *p, size_t n);

#endif
