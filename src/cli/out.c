/* Tables, TSV and CSV for the CLI. */
#include <stdlib.h>
#include <string.h>

#include "centralino/text.h"
#include "out.h"
#include "centralino/xalloc.h"

struct out_table {
	enum out_format fmt;
	int ncols;
	char **cells; /* rows * ncols, row 0 = headers */
	size_t nrows, cap;
	unsigned char *right;
};

static char *table_text(const char *s);

int out_parse_format(const char *s, unsigned allowed, enum out_format *out)
{
	static const char *const names[] = {"table", "tsv", "csv"};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0 && (allowed & (1u << i))) {
			*out = (enum out_format)i;
			return 0;
		}
	return -1;
}

struct out_table *out_new(enum out_format fmt, int ncols, const char *const *headers)
{
	struct out_table *t = xcalloc(1, sizeof *t);
	t->fmt = fmt;
	t->ncols = ncols;
	t->right = xcalloc((size_t)ncols, 1);
	out_row(t, headers);
	return t;
}

void out_align_right(struct out_table *t, int col)
{
	if (col >= 0 && col < t->ncols)
		t->right[col] = 1;
}

void out_row(struct out_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	for (int c = 0; c < t->ncols; c++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)c] =
			t->fmt == OUT_TABLE ? table_text(cells[c]) : xstrdup(cells[c] ? cells[c] : "");
	t->nrows++;
}

/* A table shows one line per cell: line breaks and tabs become spaces so
 * they cannot misalign it, other control characters are shown escaped
 * (\x1b) so they cannot drive the terminal. */
static char *table_text(const char *s)
{
	return text_escaped(s ? s : "", TEXT_ESC_SPACES);
}

void out_cell(FILE *f, enum out_format fmt, const char *s)
{
	struct cn_buf b = {0};
	char *e;

	if (fmt == OUT_TSV || fmt == OUT_CSV) {
		text_cell(&b, s, fmt == OUT_TSV);
		fputs(buf_str(&b), f);
		buf_free(&b);
		return;
	}
	e = table_text(s);
	fputs(e, f);
	free(e);
}

static void pad(FILE *f, int n)
{
	while (n-- > 0)
		fputc(' ', f);
}

void out_print(struct out_table *t, FILE *f)
{
	if (t->fmt != OUT_TABLE) {
		char sep = t->fmt == OUT_TSV ? '\t' : ',';
		for (size_t r = 0; r < t->nrows; r++) {
			for (int c = 0; c < t->ncols; c++) {
				if (c)
					fputc(sep, f);
				out_cell(f, t->fmt, t->cells[r * (size_t)t->ncols + (size_t)c]);
			}
			fputc('\n', f);
		}
		return;
	}
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			int cw = text_width(t->cells[r * (size_t)t->ncols + (size_t)c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * (size_t)t->ncols + (size_t)c];
			int gap = w[c] - text_width(s);
			int last = c == t->ncols - 1;
			if (c)
				fputs("  ", f);
			if (t->right[c] && r > 0)
				pad(f, gap);
			out_cell(f, OUT_TABLE, s);
			if (!(t->right[c] && r > 0) && !last)
				pad(f, gap);
		}
		fputc('\n', f);
	}
	free(w);
}

void out_free(struct out_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
	free(t);
}
