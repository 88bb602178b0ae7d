/* UTF-8 text: folding (utf8proc), display widths, Latin-1, buffers. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "centralino/ctx.h"
#include "centralino/desk.h"
#include "centralino/i18n.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

/* text_fold for plain ASCII, most of Italy's names: the same result
 * without utf8proc's decomposition. */
static char *fold_ascii(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t o = 0;
	int pending_space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (pending_space && o > 0)
				out[o++] = ' ';
			pending_space = 0;
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else {
			pending_space = 1;
		}
	}
	out[o] = '\0';
	return out;
}

char *text_fold(const char *s)
{
	size_t ascii = 0;
	while (s[ascii] && !((unsigned char)s[ascii] & 0x80))
		ascii++;
	if (!s[ascii])
		return fold_ascii(s, ascii);

	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
		UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	if (n < 0)
		return NULL;
	/* Letters and digits stay; every run of anything else is one space. */
	char *out = (char *)mapped;
	size_t o = 0;
	int pending_space = 0;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(mapped + i, n - i, &cp);
		if (len <= 0)
			break;
		utf8proc_category_t cat = utf8proc_category(cp);
		int keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
			   (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
			   (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
		if (keep) {
			if (pending_space && o > 0)
				out[o++] = ' ';
			pending_space = 0;
			memmove(out + o, mapped + i, (size_t)len);
			o += (size_t)len;
		} else {
			pending_space = 1;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}

char *text_fold_lossy(const char *s)
{
	char *f = text_fold(s), *copy;
	size_t n = strlen(s);

	if (f || text_is_utf8(s, n, NULL))
		return f; /* folded, or utf8proc out of memory */
	copy = xmalloc(n + 1);
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							(utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			copy[i++] = ' ';
		} else {
			memcpy(copy + i, s + i, (size_t)len);
			i += (size_t)len;
		}
	}
	copy[n] = '\0';
	f = text_fold(copy);
	free(copy);
	return f;
}

char *text_nfc(const char *s)
{
	return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

int text_width(const char *s)
{
	int w = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			w++; /* shown as a replacement character */
			p++;
			continue;
		}
		w += utf8proc_charwidth(cp);
		p += len;
	}
	return w;
}

int text_fit(const char *s, int cols, char *out, size_t outsz)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t o = 0, need = 0;
	int w = 0, whole, room;

	if (outsz == 0)
		return 0;
	/* The whole text fits when its width and its bytes (each byte that is
	 * not UTF-8 becomes the 3 bytes of U+FFFD) do; else one column is
	 * kept for the "…". */
	for (const utf8proc_uint8_t *q = p; *q;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(q, -1, &cp);
		need += len <= 0 ? 3 : (size_t)len;
		q += len <= 0 ? 1 : len;
	}
	whole = text_width(s) <= cols && need < outsz;
	room = whole ? cols : cols - 1;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		/* a byte that is not UTF-8 (a name edited by hand in the
		 * database) is shown as U+FFFD, never sent raw to the terminal */
		int bad = len <= 0, cw = bad ? 1 : utf8proc_charwidth(cp);
		size_t olen = bad ? 3 : (size_t)len;
		if (w + cw > room || o + olen + (whole ? 1 : 4) > outsz)
			break;
		memcpy(out + o, bad ? "\xef\xbf\xbd" : (const char *)p, olen);
		o += olen;
		w += cw;
		p += bad ? 1 : len;
	}
	if (*p && cols >= 1 && o + 4 <= outsz) {
		memcpy(out + o, "\xe2\x80\xa6", 3); /* … */
		o += 3;
		w++;
	}
	out[o] = '\0';
	return w;
}

int text_is_utf8(const char *s, size_t n, size_t *bad_at)
{
	size_t i = 0;
	while (i < n) {
		/* plain ASCII, the bulk of any list, 8 bytes at a time */
		if (n - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		if (!((unsigned char)s[i] & 0x80)) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							(utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			if (bad_at)
				*bad_at = i;
			return 0;
		}
		i += (size_t)len;
	}
	return 1;
}

/* Windows-1252, the superset of Latin-1 that ISTAT actually writes: its
 * list has "Števerjan" and "Nabrežina" with bytes 0x8A and 0x9E, which are
 * C1 controls in ISO-8859-1 proper. A table, not iconv: 7x faster on the
 * whole list. 0 marks the five bytes the encoding leaves undefined. */
static const unsigned short cp1252_80_9f[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char *text_latin1_to_utf8(const char *s, size_t n, size_t *outlen)
{
	char *out = xmalloc(n * 3 + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c < 0x80) {
			*o++ = (char)c;
			continue;
		}
		if (c < 0xA0 && !(c = cp1252_80_9f[c - 0x80])) {
			free(out);
			return NULL;
		}
		if (c < 0x800) {
			*o++ = (char)(0xC0 | c >> 6);
		} else {
			*o++ = (char)(0xE0 | c >> 12);
			*o++ = (char)(0x80 | ((c >> 6) & 0x3F));
		}
		*o++ = (char)(0x80 | (c & 0x3F));
	}
	*o = '\0';
	if (outlen)
		*outlen = (size_t)(o - out);
	return out;
}

static long line_of(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
			line++;
	return line;
}

/* Opens path for text_read_file: never blocks (a FIFO without a writer),
 * never follows into a loop, only regular files. fd or -1 with err set
 * and *status. */
static int open_regular(const char *path, size_t max, struct stat *sb, char *err, size_t errlen,
			int *status)
{
	/* files to import and drafts are the person's: opened with her own ids */
	int fd = desk_user_open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0);

	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		*status = e == ENOENT || e == ENOTDIR || e == ELOOP || e == ENXIO ? CN_ENOINPUT : CN_EIO;
		return -1;
	}
	if (fstat(fd, sb) || !S_ISREG(sb->st_mode)) {
		snprintf(err, errlen, _("%s: not a regular file (%s): give the file itself"), path,
			 S_ISDIR(sb->st_mode) ? _("a folder") : S_ISFIFO(sb->st_mode) ? _("a pipe")
			 : S_ISSOCK(sb->st_mode) ? _("a socket") : _("a device"));
		close(fd);
		*status = CN_ENOINPUT;
		return -1;
	}
	if (max && (unsigned long long)sb->st_size > max) {
		snprintf(err, errlen, _("%s: %lld MiB, more than the %zu MiB such a file may have"),
			 path, (long long)(sb->st_size >> 20), max >> 20);
		close(fd);
		*status = CN_EDATA;
		return -1;
	}
	return fd;
}

int text_write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Opens path for text_save_file: fd, or -1 with err set. */
static int open_own(const char *path, int secret, char *err, size_t errlen)
{
	/* no O_TRUNC: a file found not to be hers must stay as it was */
	int fd = desk_user_open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY,
				secret ? 0600 : 0666);
	struct stat sb;

	if (fd < 0) {
		if (errno == ELOOP)
			snprintf(err, errlen, _("%s: a symbolic link: nothing is written through a link,"
						" give the file itself"), path);
		else
			snprintf(err, errlen, _("%s: cannot create: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) || !S_ISREG(sb.st_mode) || sb.st_uid != getuid()) {
		snprintf(err, errlen, _("%s: not a file of yours: give a new name"), path);
		close(fd);
		return -1;
	}
	return fd;
}

int text_save_file(const char *path, const char *p, size_t n, int secret, char *err, size_t errlen)
{
	int fd = open_own(path, secret, err, errlen), bad;

	if (fd < 0)
		return CN_ECANTCREAT;
	bad = (secret && fchmod(fd, 0600)) || ftruncate(fd, 0) || text_write_all(fd, p, n) || fsync(fd);
	if (bad)
		snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
	if (close(fd) && !bad) {
		snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
		bad = 1;
	}
	return bad ? CN_EIO : CN_OK;
}

int text_read_file(const char *path, size_t max, char **raw, size_t *len, char *err, size_t errlen)
{
	struct stat sb;
	char *buf;
	size_t n = 0, cap;
	int fd, status = CN_OK;

	*raw = NULL;
	*len = 0;
	if ((fd = open_regular(path, max, &sb, err, errlen, &status)) < 0)
		return status;
	/* the size it has now, plus room to notice one that grows past max */
	cap = (size_t)sb.st_size + 65536;
	if (max && cap > max + 1)
		cap = max + 1;
	buf = xmalloc(cap + 1);
	for (;;) {
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			status = CN_EIO;
			break;
		}
		n += (size_t)got;
		if (got == 0)
			break;
		if (n == cap) {
			/* as big as max allows, or it grew by 64 KiB while read */
			if (max && n > max)
				snprintf(err, errlen, _("%s: more than the %zu MiB such a file may have"), path, max >> 20);
			else
				snprintf(err, errlen, _("%s: the file changed while it was read"), path);
			status = max && n > max ? CN_EDATA : CN_EIO;
			break;
		}
	}
	close(fd);
	if (status) {
		free(buf);
		return status;
	}
	buf[n] = '\0';
	*raw = buf;
	*len = n;
	return CN_OK;
}

/* Valid UTF-8 multi-byte sequences inside text that is not UTF-8 as a
 * whole: Latin-1 text practically never has "Ã" followed by a byte in
 * 80-BF ("Ã¨"), nor "â" followed by two of them ("â€™"); UTF-8 "è" and
 * "’" always do. Such a file was damaged (a UTF-8 file edited as Latin-1,
 * or the reverse): reading it as Latin-1 would store "ForlÃ¬" or
 * "Santâ€™Agata". 2-, 3- and 4-byte sequences count. */
static int looks_mixed(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		utf8proc_int32_t cp;
		if (s[i] < 0xC2 || s[i] > 0xF4)
			continue;
		if (utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp) > 1)
			return 1;
	}
	return 0;
}

int text_decode(const char *name, char *raw, size_t n, char **data, size_t *len,
		enum text_encoding *enc, char *err, size_t errlen)
{
	size_t bad;
	const char *nul = memchr(raw, '\0', n);

	*data = NULL;
	*len = 0;
	if (nul) {
		snprintf(err, errlen, _("%s:%ld: encoding: NUL byte in the file (not a text file?)"),
			 name, line_of(raw, (size_t)(nul - raw)));
		return CN_EDATA;
	}
	/* A byte order mark anywhere but at the start: files joined with
	 * `cat`, or an editor's stray mark inside a value. */
	/* b stays within raw .. raw + n: memchr finds before raw + n */
	// cppcheck-suppress invalidFunctionArg
	for (const char *b = raw + (n > 0); (b = memchr(b, '\xef', n - (size_t)(b - raw))) != NULL; b++)
		if ((size_t)(b - raw) + 3 <= n && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
			snprintf(err, errlen, _("%s:%ld: encoding: a byte order mark (BOM) inside the file (two files joined?)"),
				 name, line_of(raw, (size_t)(b - raw)));
			return CN_EDATA;
		}
	if (n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
		if (!text_is_utf8(raw + 3, n - 3, &bad)) {
			snprintf(err, errlen, _("%s:%ld: encoding: invalid UTF-8 byte 0x%02X in a file marked UTF-8 (BOM)"),
				 name, line_of(raw, bad + 3), (unsigned char)raw[bad + 3]);
			return CN_EDATA;
		}
		memmove(raw, raw + 3, n - 3);
		n -= 3;
		raw[n] = '\0';
		*enc = TEXT_UTF8_BOM;
		*data = raw;
		*len = n;
		return CN_OK;
	}
	if (text_is_utf8(raw, n, &bad)) {
		*enc = TEXT_UTF8;
		*data = raw;
		*len = n;
		return CN_OK;
	}
	if (looks_mixed((const unsigned char *)raw, n)) {
		snprintf(err, errlen, _("%s:%ld: encoding: invalid UTF-8 byte 0x%02X in a file that is otherwise UTF-8"),
			 name, line_of(raw, bad), (unsigned char)raw[bad]);
		return CN_EDATA;
	}
	/* The five bytes Windows-1252 leaves undefined mean a broken or
	 * differently encoded file (UTF-16, a binary). */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
			snprintf(err, errlen,
				 _("%s:%ld: encoding: byte 0x%02X is neither UTF-8 nor Latin-1 text"),
				 name, line_of(raw, i), c);
			return CN_EDATA;
		}
	}
	/* never NULL: the bytes it refuses were refused above */
	*data = text_latin1_to_utf8(raw, n, len);
	*enc = TEXT_LATIN1;
	return CN_OK;
}

int text_load_file(const char *path, size_t max, char **data, size_t *len,
		   enum text_encoding *enc, char *err, size_t errlen)
{
	char *raw;
	size_t n;
	int st = text_read_file(path, max, &raw, &n, err, errlen);

	*data = NULL;
	*len = 0;
	if (st)
		return st;
	st = text_decode(path, raw, n, data, len, enc, err, errlen);
	if (*data != raw)
		free(raw);
	return st;
}

int text_load_mem(const char *name, const char *bytes, size_t n, char **data, size_t *len,
		  enum text_encoding *enc, char *err, size_t errlen)
{
	char *raw = xmalloc(n + 1);
	int st;

	*data = NULL;
	*len = 0;
	memcpy(raw, bytes, n);
	raw[n] = '\0';
	st = text_decode(name, raw, n, data, len, enc, err, errlen);
	if (*data != raw)
		free(raw);
	return st;
}

void buf_add(struct cn_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 64;
		while (ncap < b->len + n + 1)
			ncap *= 2;
		b->p = xrealloc(b->p, ncap);
		b->cap = ncap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_puts(struct cn_buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

int buf_printf(struct cn_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return CN_EOSERR;
	if ((size_t)n < sizeof small) {
		buf_add(b, small, (size_t)n);
		return CN_OK;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, big, (size_t)n);
	free(big);
	return CN_OK;
}

void buf_free(struct cn_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

const char *buf_str(const struct cn_buf *b)
{
	return b->p ? b->p : "";
}

/* ---- The text policy ---- */

static const struct {
	unsigned max;
	int multiline;
} text_kinds[TEXT_KIND_MAX] = {
	[TEXT_PERSON] = {200, 0},  [TEXT_OFFICE] = {200, 0}, [TEXT_PLACE] = {200, 0},
	[TEXT_TITLE] = {200, 0},   [TEXT_LABEL] = {80, 0},   [TEXT_REASON] = {1000, 0},
	[TEXT_VALUE] = {254, 0},   [TEXT_OUTCOME] = {2000, 1}, [TEXT_NOTES] = {20000, 1},
};

size_t text_limit(enum text_kind kind)
{
	return kind >= 0 && kind < TEXT_KIND_MAX ? text_kinds[kind].max : 0;
}

int text_cp_unsafe(long cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	if (cp < 0xA0)
		return 0;
	if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
		return 1; /* non-characters */
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_CF: /* bidi controls, zero-width, soft hyphen, BOM */
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CN:
		return 1;
	default:
		return 0;
	}
}

/* How a refused character is named in a message: "\x1b" for C0/DEL,
 * "U+202E" for the rest. */
static void name_cp(long cp, char *out, size_t outsz)
{
	if (cp < 0x80)
		snprintf(out, outsz, "\\x%02lx", cp);
	else
		snprintf(out, outsz, "U+%04lX", cp);
}

/* Whitespace handling of text_clean: t holds NFC text without unsafe
 * characters other than \t \n \r. Rewrites it in place. */
static void clean_spaces(char *t, int multiline)
{
	size_t o = 0;
	for (size_t i = 0; t[i]; i++) {
		char c = t[i];
		if (c == '\r') {
			if (t[i + 1] == '\n')
				continue;
			c = '\n';
		}
		if ((c == '\t' || c == '\n') && !multiline)
			c = ' ';
		if (c == ' ' && !multiline && o > 0 && t[o - 1] == ' ')
			continue;
		t[o++] = c;
	}
	while (o && (t[o - 1] == ' ' || t[o - 1] == '\n'))
		o--;
	t[o] = '\0';
	if (multiline) {
		/* trailing blanks of each line, and blank lines at the start */
		size_t w = 0;
		for (size_t i = 0; i <= o; i++) {
			if (t[i] == '\n' || t[i] == '\0')
				while (w && t[w - 1] == ' ')
					w--;
			t[w++] = t[i];
		}
		o = w - 1;
	}
	size_t lead = strspn(t, multiline ? " \n" : " ");
	memmove(t, t + lead, o - lead + 1);
}

int text_clean(const char *in, size_t n, enum text_kind kind, char **out,
	       char *why, size_t whylen)
{
	size_t bad, chars = 0, max = text_limit(kind);
	const char *nul = memchr(in, '\0', n);
	char *t;

	*out = NULL;
	why[0] = '\0';
	if (nul) {
		snprintf(why, whylen, _("contains a NUL byte (character %zu)"), (size_t)(nul - in) + 1);
		return CN_EDATA;
	}
	if (!text_is_utf8(in, n, &bad)) {
		snprintf(why, whylen, _("not valid UTF-8 (byte %zu)"), bad + 1);
		return CN_EDATA;
	}
	/* A length far above the limit is refused before NFC (whose output
	 * is at most 3 times longer): no work on a 100 MB argument. */
	if (max && n > (size_t)max * 16) {
		snprintf(why, whylen, _("longer than %zu characters"), max);
		return CN_EDATA;
	}
	{
		char *copy = xstrndup(in, n);
		t = text_nfc(copy);
		free(copy);
		if (!t)
			return CN_EOSERR;
	}
	for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)t; *p; chars++) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0)
			break;
		if (text_cp_unsafe(cp) && cp != '\t' && cp != '\n' && cp != '\r') {
			char name[16];
			name_cp(cp, name, sizeof name);
			snprintf(why, whylen, cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)
				 ? _("contains the control character %s (character %zu)")
				 : _("contains the invisible or formatting character %s (character %zu)"),
				 name, chars + 1);
			free(t);
			return CN_EDATA;
		}
		p += len;
	}
	clean_spaces(t, text_kinds[kind].multiline);
	chars = 0;
	for (const char *p = t; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (max && chars > max) {
		snprintf(why, whylen, _("longer than %zu characters (%zu)"), max, chars);
		free(t);
		return CN_EDATA;
	}
	if (!*t) {
		free(t);
		return CN_OK;
	}
	*out = t;
	return CN_OK;
}

int text_clean_ctx(struct cn_ctx *ctx, const char *field, const char *in,
		   enum text_kind kind, char **out)
{
	char why[256];
	int rc;

	*out = NULL;
	if (!in)
		return CN_OK;
	rc = text_clean(in, strlen(in), kind, out, why, sizeof why);
	if (rc == CN_EOSERR)
		return cn_set_error(ctx, rc, _("out of memory"));
	if (rc)
		return cn_set_error(ctx, rc, "%s: %s", field, why);
	return CN_OK;
}

/* ---- The output escaper ---- */

/* What stands for one character the escaper does not copy (len <= 0: a
 * byte that is not UTF-8), into e; snprintf of these formats cannot fail. */
static void esc_one(char e[16], unsigned char c, utf8proc_int32_t cp, utf8proc_ssize_t len, int html,
		    unsigned flags)
{
	int ws = len > 0 && (cp == '\t' || cp == '\n' || cp == '\r');
	if (len <= 0)
		snprintf(e, 16, "\\x%02x", c);
	else if (html)
		snprintf(e, 16, "&#%u;", (unsigned)c);
	else if (c == '\\')
		snprintf(e, 16, "\\\\");
	else if (ws && (flags & TEXT_ESC_TSV))
		snprintf(e, 16, "%s", c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
	else if (ws && (flags & TEXT_ESC_SPACES))
		snprintf(e, 16, " ");
	else if (ws && ((c == '\n' && (flags & TEXT_ESC_KEEP_NL)) || (c == '\t' && (flags & TEXT_ESC_KEEP_TAB))))
		snprintf(e, 16, "%c", c);
	else if (cp < 0x80)
		snprintf(e, 16, "\\x%02x", (unsigned)cp);
	else
		snprintf(e, 16, cp > 0xFFFF ? "\\U%08x" : "\\u%04x", (unsigned)cp);
}

void text_escape(struct cn_buf *out, const char *s, size_t n, unsigned flags)
{
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp = c;
		utf8proc_ssize_t len = 1;
		if (c >= 0x80)
			len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
		int html = (flags & TEXT_ESC_HTML) && c && strchr("&<>\"'", c);
		int safe = len > 0 && !text_cp_unsafe(cp) && !html && !(c == '\\' && (flags & TEXT_ESC_TSV));
		if (safe) {
			i += (size_t)len;
			run += (size_t)len;
			continue;
		}
		char e[16];
		if (run)
			buf_add(out, s + i - run, run);
		run = 0;
		esc_one(e, c, cp, len, html, flags);
		buf_puts(out, e);
		i += len <= 0 ? 1 : (size_t)len;
	}
	if (run)
		buf_add(out, s + i - run, run);
	if (!out->p)
		buf_add(out, "", 0);
}

char *text_escaped(const char *s, unsigned flags)
{
	struct cn_buf b = {0};
	text_escape(&b, s ? s : "", s ? strlen(s) : 0, flags);
	return b.p;
}

/* ---- ASCII for terminals that are not UTF-8 ---- */

/* One ASCII character for a code point that has no plain letter inside,
 * 0 when there is none. */
static char ascii_of(utf8proc_int32_t cp)
{
	static const struct { unsigned short cp; char c; } map[] = {
		{0x00A0, ' '}, {0x00AB, '"'}, {0x00BB, '"'}, {0x00B0, 'o'}, {0x00B7, '.'},
		{0x00D7, 'x'}, {0x00D8, 'O'}, {0x00F8, 'o'}, {0x0110, 'D'}, {0x0111, 'd'},
		{0x0141, 'L'}, {0x0142, 'l'}, {0x2010, '-'}, {0x2011, '-'}, {0x2012, '-'},
		{0x2013, '-'}, {0x2014, '-'}, {0x2015, '-'}, {0x2018, '\''}, {0x2019, '\''},
		{0x201A, '\''}, {0x201C, '"'}, {0x201D, '"'}, {0x201E, '"'}, {0x2022, '*'},
		{0x2026, '.'}, {0x2032, '\''}, {0x2039, '<'}, {0x203A, '>'}, {0x20AC, 'E'},
		{0x2190, '<'}, {0x2191, '^'}, {0x2192, '>'}, {0x2193, 'v'}, {0x2212, '-'},
		{0x25B2, '^'}, {0x25BC, 'v'}, {0x25B6, '>'}, {0x25C0, '<'}, {0x2713, 'v'},
	};
	if (cp >= 0x2500 && cp <= 0x257F) {
		/* box drawing: straight lines, everything else is a corner or a tee */
		if (cp == 0x2500 || cp == 0x2501 || cp == 0x2504 || cp == 0x2505 || cp == 0x2508 ||
		    cp == 0x2509 || cp == 0x254C || cp == 0x254D || cp == 0x2550)
			return '-';
		if (cp == 0x2502 || cp == 0x2503 || cp == 0x2506 || cp == 0x2507 || cp == 0x250A ||
		    cp == 0x250B || cp == 0x254E || cp == 0x254F || cp == 0x2551)
			return '|';
		return '+';
	}
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';
	if (cp >= 0x2800 && cp <= 0x28FF)
		return '.';
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].cp == cp)
			return map[i].c;
	return 0;
}

/* The ASCII letters of one code point's decomposition (è -> e, ß -> ss
 * is not one column: ß -> s), written at o; returns the count (0: none). */
static size_t ascii_letters(utf8proc_int32_t cp, char *o)
{
	utf8proc_int32_t dec[8];
	int opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, dec, 8, (utf8proc_option_t)opts, NULL);
	size_t k = 0;
	if (n == 1 && dec[0] < 0x80 && dec[0] >= 0x20)
		o[k++] = (char)dec[0];
	else if (cp == 0xDF)
		o[k++] = 's';
	else if (cp == 0xC6 || cp == 0xE6 || cp == 0x152 || cp == 0x153)
		o[k++] = cp == 0xC6 ? 'A' : cp == 0xE6 ? 'a' : cp == 0x152 ? 'O' : 'o';
	return k;
}

char *text_ascii(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = xmalloc(n * 2 + 1);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			out[o++] = '?';
			p++;
			continue;
		}
		p += len;
		if (cp < 0x80) {
			out[o++] = (char)cp;
			continue;
		}
		int w = utf8proc_charwidth(cp);
		char c = ascii_of(cp);
		if (w <= 0)
			continue; /* a combining accent: its letter is already out */
		if (c)
			out[o++] = c;
		else if (!ascii_letters(cp, out + o))
			out[o++] = '?';
		else
			o++;
		if (w == 2)
			out[o++] = c ? c : '?';
	}
	out[o] = '\0';
	return out;
}

/* What spreadsheets read as the start of a formula (OWASP's list), also
 * after leading blanks: LibreOffice and Excel skip them (" =1+1"). */
static int formula_like(const char *s)
{
	if (*s == '\t' || *s == '\r')
		return 1;
	s += strspn(s, " \t\r\n");
	return *s == '=' || *s == '+' || *s == '-' || *s == '@';
}

void text_cell(struct cn_buf *out, const char *s, int tsv)
{
	int quote;
	struct cn_buf e = {0};

	if (!s)
		s = "";
	if (tsv) {
		if (formula_like(s))
			buf_add(out, "'", 1);
		text_escape(out, s, strlen(s), TEXT_ESC_TSV);
		return;
	}
	quote = formula_like(s) || strpbrk(s, ",\"\r\n;") != NULL;
	text_escape(&e, s, strlen(s), TEXT_ESC_KEEP_NL | TEXT_ESC_KEEP_TAB);
	if (quote)
		buf_add(out, "\"", 1);
	if (formula_like(s))
		buf_add(out, "'", 1);
	for (const char *p = buf_str(&e); *p; p++) {
		if (*p == '"')
			buf_add(out, "\"", 1);
		buf_add(out, p, 1);
	}
	if (quote)
		buf_add(out, "\"", 1);
	buf_free(&e);
}

int text_file_replace(struct cn_ctx *ctx, const char *path, const char *p, size_t n)
{
	char err[4400];
	int rc = text_save_file(path, p, n, 1, err, sizeof err);

	if (rc)
		cn_set_error(ctx, rc, "%s", err);
	return rc;
}
