/* CSV reader: RFC 4180 quoting plus what real exports do (CR-only line
 * ends, ';' separators, multi-line quoted headers). */
#include <stdlib.h>
#include <string.h>

#include "centralino/csv.h"
#include "centralino/i18n.h"
#include "centralino/xalloc.h"

/* Bounds no real table comes near: a 1 MB "field" or 100,000 columns is a
 * broken or hostile file, refused before it costs memory and time. */
#define CSV_FIELD_MAX (64 * 1024)
#define CSV_FIELDS_MAX 10000

struct csv_reader {
	const char *p, *end;
	char sep;
	long line;
	char *buf;          /* field bytes, each NUL-terminated */
	size_t buflen, bufcap;
	size_t *offs;       /* field start offsets into buf */
	char **fields;
	size_t nfields, fcap;
	const char *err;
	long err_line;
};

static char detect_sep(const char *p, const char *end)
{
	size_t counts[3] = {0, 0, 0};
	int inq = 0;
	/* The first record, which may span lines inside quotes. */
	for (; p < end; p++) {
		if (*p == '"')
			inq = !inq;
		else if (!inq && (*p == '\n' || *p == '\r'))
			break;
		else if (!inq && *p == ',')
			counts[0]++;
		else if (!inq && *p == ';')
			counts[1]++;
		else if (!inq && *p == '\t')
			counts[2]++;
	}
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		return ';';
	if (counts[2] > counts[0] && counts[2] > counts[1])
		return '\t';
	return ',';
}

struct csv_reader *csv_open(const char *data, size_t len, char sep)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->p = data;
	r->end = data + len;
	r->sep = sep ? sep : detect_sep(data, data + len);
	r->line = 1;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->offs);
	free(r->fields);
	free(r);
}

char csv_separator(const struct csv_reader *r) { return r->sep; }

const char *csv_error(const struct csv_reader *r, long *line)
{
	if (line)
		*line = r->err_line;
	return r->err;
}

static void put(struct csv_reader *r, char c)
{
	if (r->buflen + 1 >= r->bufcap) {
		r->bufcap = r->bufcap ? r->bufcap * 2 : 256;
		r->buf = xrealloc(r->buf, r->bufcap);
	}
	r->buf[r->buflen++] = c;
}

/* A run of plain bytes: the common case, copied at once. */
static void put_run(struct csv_reader *r, const char *s, size_t n)
{
	if (r->buflen + n + 1 > r->bufcap) {
		size_t ncap = r->bufcap ? r->bufcap : 256;
		while (ncap < r->buflen + n + 1)
			ncap *= 2;
		r->buf = xrealloc(r->buf, ncap);
		r->bufcap = ncap;
	}
	memcpy(r->buf + r->buflen, s, n);
	r->buflen += n;
}

/* The field being read has grown past CSV_FIELD_MAX. */
static int field_too_long(const struct csv_reader *r)
{
	return r->buflen - r->offs[r->nfields] > CSV_FIELD_MAX;
}

static void ensure_fields(struct csv_reader *r)
{
	if (r->nfields == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 32;
		r->offs = xrealloc(r->offs, r->fcap * sizeof *r->offs);
		r->fields = xrealloc(r->fields, r->fcap * sizeof *r->fields);
	}
}

static int refuse(struct csv_reader *r, const char *msg, long line)
{
	r->err = msg;
	r->err_line = line;
	r->p = r->end;
	return -1;
}

/* Consumes one line end at p (CRLF, LF or CR); returns its length. */
static size_t eol_len(const char *p, const char *end)
{
	if (p < end && *p == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (p < end && *p == '\n')
		return 1;
	return 0;
}

int csv_next(struct csv_reader *r, struct csv_record *rec)
{
	const char *p = r->p, *end = r->end;
	size_t e;

	if (r->err)
		return -1;
	if (p >= end)
		return 0;
	r->buflen = 0;
	r->nfields = 0;
	rec->line = r->line;
	for (;;) {
		/* start of a field */
		if (r->nfields >= CSV_FIELDS_MAX)
			return refuse(r, N_("more than 10000 fields in a row"), rec->line);
		ensure_fields(r);
		r->offs[r->nfields] = r->buflen;
		if (p < end && *p == '"') {
			long qline = r->line;
			p++;
			for (;;) {
				if (field_too_long(r))
					return refuse(r, N_("a quoted field longer than 64 KiB (a quote never closed?)"), qline);
				if (p >= end) {
					r->err = N_("quote opened here is never closed");
					r->err_line = qline;
					r->p = end;
					return -1;
				}
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						put(r, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if ((e = eol_len(p, end))) {
					r->line++;
					put_run(r, p, e);
					p += e;
					continue;
				}
				const char *q = p;
				while (q < end && *q != '"' && *q != '\r' && *q != '\n')
					q++;
				put_run(r, p, (size_t)(q - p));
				p = q;
			}
		}
		/* unquoted part (or text after a closing quote, kept as is) */
		{
			const char *q = p;
			while (q < end && *q != r->sep && *q != '\r' && *q != '\n')
				q++;
			put_run(r, p, (size_t)(q - p));
			p = q;
			if (field_too_long(r))
				return refuse(r, N_("a field longer than 64 KiB"), rec->line);
		}
		put(r, '\0');
		r->nfields++;
		if (p < end && *p == r->sep) {
			p++;
			continue;
		}
		e = eol_len(p, end);
		p += e;
		if (e)
			r->line++;
		break;
	}
	r->p = p;
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->buf + r->offs[i];
	rec->nfields = r->nfields;
	rec->fields = r->fields;
	return 1;
}

char *csv_trim(char *s)
{
	size_t n;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}
