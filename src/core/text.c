/* UTF-8 text: folding (utf8proc), display widths, Latin-1 (iconv), buffers. */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "centralino/ctx.h"
#include "centralino/i18n.h"
#include "centralino/text.h"

char *text_fold(const char *s)
{
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
	size_t o = 0;
	int w = 0;

	if (outsz == 0)
		return 0;
	if (text_width(s) <= cols && strlen(s) < outsz) {
		memcpy(out, s, strlen(s) + 1);
		return text_width(s);
	}
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		int cw;
		if (len <= 0) {
			len = 1;
			cp = '?';
		}
		cw = utf8proc_charwidth(cp);
		if (w + cw > cols - 1 || o + (size_t)len + 4 > outsz)
			break;
		if (cp == '?' && len == 1 && *p != '?')
			out[o] = '?';
		else
			memcpy(out + o, p, (size_t)len);
		o += (size_t)len;
		w += cw;
		p += len;
	}
	if (cols >= 1 && o + 4 <= outsz) {
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

char *text_latin1_to_utf8(const char *s, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "ISO-8859-1");
	size_t cap = n * 2 + 1, inleft = n, outleft = cap - 1;
	char *out, *in = (char *)s, *op;

	if (cd == (iconv_t)-1)
		return NULL;
	out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	op = out;
	if (iconv(cd, &in, &inleft, &op, &outleft) == (size_t)-1) {
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	if (outlen)
		*outlen = (size_t)(op - out);
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

int text_load_file(const char *path, char **data, size_t *len,
		   enum text_encoding *enc, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *raw = NULL;
	size_t n = 0, cap = 0, bad;
	int st = CN_OK;

	*data = NULL;
	*len = 0;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return errno == ENOENT || errno == ENOTDIR ? CN_ENOINPUT : CN_EIO;
	}
	for (;;) {
		if (n + 65536 + 1 > cap) {
			size_t ncap = cap ? cap * 2 : 1 << 20;
			char *p = realloc(raw, ncap);
			if (!p) {
				snprintf(err, errlen, "%s: %s", path, _("file too large for memory"));
				st = CN_EOSERR;
				goto out;
			}
			raw = p;
			cap = ncap;
		}
		size_t got = fread(raw + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		st = CN_EIO;
		goto out;
	}
	raw[n] = '\0';
	{
		const char *nul = memchr(raw, '\0', n);
		if (nul) {
			snprintf(err, errlen, _("%s:%ld: encoding: NUL byte in the file (not a text file?)"),
				 path, line_of(raw, (size_t)(nul - raw)));
			st = CN_EDATA;
			goto out;
		}
	}
	if (n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
		if (!text_is_utf8(raw + 3, n - 3, &bad)) {
			snprintf(err, errlen, _("%s:%ld: encoding: invalid UTF-8 byte 0x%02X in a file marked UTF-8 (BOM)"),
				 path, line_of(raw, bad + 3), (unsigned char)raw[bad + 3]);
			st = CN_EDATA;
			goto out;
		}
		memmove(raw, raw + 3, n - 3 + 1);
		n -= 3;
		*enc = TEXT_UTF8_BOM;
	} else if (text_is_utf8(raw, n, &bad)) {
		*enc = TEXT_UTF8;
	} else {
		/* Latin-1 never has C1 controls in text: those bytes mean a broken
		 * or differently encoded file (e.g. Windows-1252 quotes, UTF-16). */
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)raw[i];
			if (c >= 0x80 && c < 0xA0) {
				snprintf(err, errlen,
					 _("%s:%ld: encoding: byte 0x%02X is neither UTF-8 nor Latin-1 text"),
					 path, line_of(raw, i), c);
				st = CN_EDATA;
				goto out;
			}
		}
		char *u = text_latin1_to_utf8(raw, n, &n);
		if (!u) {
			snprintf(err, errlen, _("%s: encoding: cannot convert from Latin-1"), path);
			st = CN_EDATA;
			goto out;
		}
		free(raw);
		raw = u;
		*enc = TEXT_LATIN1;
	}
	*data = raw;
	*len = n;
	raw = NULL;
out:
	free(raw);
	fclose(f);
	return st;
}

int buf_add(struct cn_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 64;
		while (ncap < b->len + n + 1)
			ncap *= 2;
		char *p = realloc(b->p, ncap);
		if (!p)
			return CN_EOSERR;
		b->p = p;
		b->cap = ncap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return CN_OK;
}

int buf_puts(struct cn_buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
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
	if ((size_t)n < sizeof small)
		return buf_add(b, small, (size_t)n);
	char *big = malloc((size_t)n + 1);
	if (!big)
		return CN_EOSERR;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int rc = buf_add(b, big, (size_t)n);
	free(big);
	return rc;
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
