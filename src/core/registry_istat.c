/* ISTAT's "Elenco dei comuni italiani" as published, merged into the
 * registry: new comuni added, missing ones suppressed (never deleted),
 * renamed ones keep their former names. The whole file is read and checked
 * before the first write, so a bad line changes nothing. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "import_internal.h"
#include "registry_internal.h"
#include "centralino/csv.h"
#include "centralino/numfmt.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

/* The columns we keep, found by the start of their (folded) header text. */
enum col {
	C_REG, C_UTS, C_PROV, C_ISTAT, C_NAME, C_OTHER, C_RIPC, C_RIP,
	C_REGN, C_PROVN, C_CAP, C_SIGLA, C_CAD, C_POP, C_MAX
};

static const struct {
	const char *key;     /* folded prefix of ISTAT's header */
	const char *header;  /* ISTAT's header, for "column not found" */
	const char *label;   /* the field in row messages */
} cols[C_MAX] = {
	[C_REG]   = {"codice regione", "Codice Regione", N_("codice regione")},
	[C_UTS]   = {"codice dell unita territoriale sovracomunale",
		     "Codice dell'Unità territoriale sovracomunale", N_("codice UTS")},
	[C_PROV]  = {"codice provincia", "Codice Provincia (Storico)", N_("codice provincia")},
	[C_ISTAT] = {"codice comune formato alfanumerico",
		     "Codice Comune formato alfanumerico", N_("codice comune")},
	[C_NAME]  = {"denominazione in italiano", "Denominazione in italiano", N_("denominazione")},
	[C_OTHER] = {"denominazione altra lingua", "Denominazione altra lingua",
		     N_("denominazione altra lingua")},
	[C_RIPC]  = {"codice ripartizione geografica", "Codice Ripartizione Geografica",
		     N_("codice ripartizione")},
	[C_RIP]   = {"ripartizione geografica", "Ripartizione geografica", N_("ripartizione")},
	[C_REGN]  = {"denominazione regione", "Denominazione regione", N_("regione")},
	[C_PROVN] = {"denominazione dell unita territoriale sovracomunale",
		     "Denominazione dell'Unità territoriale sovracomunale", N_("provincia")},
	[C_CAP]   = {"flag comune capoluogo", "Flag Comune capoluogo di provincia", N_("capoluogo")},
	[C_SIGLA] = {"sigla automobilistica", "Sigla automobilistica", N_("sigla automobilistica")},
	[C_CAD]   = {"codice catastale", "Codice Catastale del comune", N_("codice catastale")},
	[C_POP]   = {"popolazione legale", "Popolazione legale", N_("popolazione legale")},
};

struct row {
	char istat[7], reg[3], uts[4], prov[4], ripc[2], sigla[3], cad[5];
	int capoluogo;
	long population;     /* -1 unknown */
	long line;
	const char *name, *other, *rip, *regn, *provn; /* in the arena; other may be "" */
};

struct parsed {
	const char *file;
	struct row *rows;
	size_t n, cap;
	char *arena;         /* never reallocated: rows point into it */
	size_t used, size;
	int col[C_MAX];
	size_t nfields;      /* of the header */
};

struct existing {
	char istat[7], reg[3], prov[4];
	char *name, *other, *cad;
	int capoluogo, suppressed;
	long population;
};

static int row_error(struct cn_ctx *ctx, const char *file, long line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int row_error(struct cn_ctx *ctx, const char *file, long line, int col, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return cn_set_error(ctx, CN_EDATA, "%s:%ld: %s: %s", file, line, _(cols[col].label), what);
}

static int all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* "2.644", "462", "1.640 " (trimmed before); "" = unknown. -2 when not a number. */
static long parse_population(const char *s)
{
	long v = 0;
	int digits = 0, group = -1; /* digits since the last '.', -1 before any '.' */
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (v > 100000000)
				return -2;
			v = v * 10 + (*s - '0');
			digits++;
			if (group >= 0)
				group++;
		} else if (*s == '.') {
			if (digits == 0 || (group >= 0 && group != 3))
				return -2;
			group = 0;
		} else {
			return -2;
		}
	}
	if (group >= 0 && group != 3)
		return -2;
	return v;
}

static const char *arena_put(struct parsed *p, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d;
	if (p->used + n > p->size)
		return NULL;
	d = p->arena + p->used;
	memcpy(d, s, n);
	p->used += n;
	return d;
}

/* A name by the text policy (text.h) into the arena; "FILE:LINE: column:
 * why" when refused. */
static int put_name(struct cn_ctx *ctx, struct parsed *p, long line, int col, const char *raw,
		    const char **dst)
{
	char why[256], *clean;
	int rc = text_clean(raw, strlen(raw), TEXT_PLACE, &clean, why, sizeof why);

	if (rc == CN_EOSERR)
		return cn_set_error(ctx, rc, _("out of memory"));
	if (rc)
		return row_error(ctx, p->file, line, col, "%s", why);
	*dst = arena_put(p, clean ? clean : "");
	free(clean);
	if (!*dst)
		return cn_set_error(ctx, CN_ESOFTWARE, _("%s: more text than the file holds"), p->file);
	return CN_OK;
}

static int find_columns(struct cn_ctx *ctx, struct parsed *p, const struct csv_record *rec)
{
	for (int c = 0; c < C_MAX; c++)
		p->col[c] = -1;
	for (size_t i = 0; i < rec->nfields; i++) {
		char *f = text_fold(rec->fields[i]);
		if (!f)
			return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
		for (int c = 0; c < C_MAX; c++) {
			size_t kl = strlen(cols[c].key);
			if (strncmp(f, cols[c].key, kl) != 0 || (f[kl] != '\0' && f[kl] != ' '))
				continue;
			if (p->col[c] >= 0) {
				free(f);
				return cn_set_error(ctx, CN_EDATA, _("%s:%ld: header: column \"%s\" twice"),
						    p->file, rec->line, cols[c].header);
			}
			p->col[c] = (int)i;
			break;
		}
		free(f);
	}
	for (int c = 0; c < C_MAX; c++)
		if (p->col[c] < 0)
			return cn_set_error(ctx, CN_EDATA,
				_("%s:%ld: header: no column \"%s\": this is not ISTAT's list of comuni (Elenco dei comuni italiani)"),
				p->file, rec->line, cols[c].header);
	p->nfields = rec->nfields;
	return CN_OK;
}

/* Checks one data row and appends it. */
static int take_row(struct cn_ctx *ctx, struct parsed *p, const struct csv_record *rec)
{
	const char *file = p->file;
	long line = rec->line;
	char *f[C_MAX];
	struct row *r;

	if (rec->nfields != p->nfields)
		return cn_set_error(ctx, CN_EDATA,
			_("%s:%ld: columns: %zu fields where the header has %zu"),
			file, line, rec->nfields, p->nfields);
	for (int c = 0; c < C_MAX; c++)
		f[c] = csv_trim(rec->fields[p->col[c]]);
	if (!all_digits(f[C_ISTAT], 6))
		return row_error(ctx, file, line, C_ISTAT, _("'%s' is not a 6-digit ISTAT code"), f[C_ISTAT]);
	if (!*f[C_NAME])
		return row_error(ctx, file, line, C_NAME, _("empty"));
	if (!all_digits(f[C_REG], 2))
		return row_error(ctx, file, line, C_REG, _("'%s' is not a 2-digit region code"), f[C_REG]);
	if (!all_digits(f[C_PROV], 3))
		return row_error(ctx, file, line, C_PROV, _("'%s' is not a 3-digit province code"), f[C_PROV]);
	if (!all_digits(f[C_UTS], 3))
		return row_error(ctx, file, line, C_UTS, _("'%s' is not a 3-digit code"), f[C_UTS]);
	if (!all_digits(f[C_RIPC], 1))
		return row_error(ctx, file, line, C_RIPC, _("'%s' is not a 1-digit code"), f[C_RIPC]);
	if (!*f[C_RIP])
		return row_error(ctx, file, line, C_RIP, _("empty"));
	if (!*f[C_REGN])
		return row_error(ctx, file, line, C_REGN, _("empty"));
	if (!*f[C_PROVN])
		return row_error(ctx, file, line, C_PROVN, _("empty"));
	if (strcmp(f[C_CAP], "0") != 0 && strcmp(f[C_CAP], "1") != 0)
		return row_error(ctx, file, line, C_CAP, _("'%s' is neither 0 nor 1"), f[C_CAP]);
	if (strlen(f[C_SIGLA]) != 2 || !isalpha((unsigned char)f[C_SIGLA][0]) ||
	    !isalpha((unsigned char)f[C_SIGLA][1]))
		return row_error(ctx, file, line, C_SIGLA, _("'%s' is not a 2-letter car-plate code"), f[C_SIGLA]);
	{
		/* "N.D." (not available) is what ISTAT writes for a missing code */
		const char *c = f[C_CAD];
		if (*c && strcmp(c, "N.D.") != 0 &&
		    (strlen(c) != 4 || !isalpha((unsigned char)c[0]) || !all_digits(c + 1, 3)))
			return row_error(ctx, file, line, C_CAD, _("'%s' is not a cadastral code (letter and 3 digits)"), c);
	}
	long pop = parse_population(f[C_POP]);
	if (pop == -2)
		return row_error(ctx, file, line, C_POP, _("'%s' is not a number"), f[C_POP]);

	if (p->n == p->cap) {
		size_t ncap = p->cap ? p->cap * 2 : 8192;
		struct row *nr = xrealloc(p->rows, ncap * sizeof *nr);
		p->rows = nr;
		p->cap = ncap;
	}
	r = &p->rows[p->n];
	memset(r, 0, sizeof *r);
	memcpy(r->istat, f[C_ISTAT], 7);
	memcpy(r->reg, f[C_REG], 3);
	memcpy(r->uts, f[C_UTS], 4);
	memcpy(r->prov, f[C_PROV], 4);
	memcpy(r->ripc, f[C_RIPC], 2);
	r->sigla[0] = (char)toupper((unsigned char)f[C_SIGLA][0]);
	r->sigla[1] = (char)toupper((unsigned char)f[C_SIGLA][1]);
	if (strlen(f[C_CAD]) == 4) {
		for (int i = 0; i < 4; i++)
			r->cad[i] = (char)toupper((unsigned char)f[C_CAD][i]);
	}
	r->capoluogo = f[C_CAP][0] == '1';
	r->population = pop;
	r->line = line;
	{
		int rc;
		if ((rc = put_name(ctx, p, line, C_NAME, f[C_NAME], &r->name)) ||
		    (rc = put_name(ctx, p, line, C_OTHER, f[C_OTHER], &r->other)) ||
		    (rc = put_name(ctx, p, line, C_RIP, f[C_RIP], &r->rip)) ||
		    (rc = put_name(ctx, p, line, C_REGN, f[C_REGN], &r->regn)) ||
		    (rc = put_name(ctx, p, line, C_PROVN, f[C_PROVN], &r->provn)))
			return rc;
	}
	p->n++;
	return CN_OK;
}

/* A region (province) code means the same region (province) on every row. */
static int check_consistency(struct cn_ctx *ctx, struct parsed *p)
{
	int *reg = xmalloc(100 * sizeof *reg), *prov = xmalloc(1000 * sizeof *prov);
	int rc = CN_OK;
	for (int i = 0; i < 100; i++)
		reg[i] = -1;
	for (int i = 0; i < 1000; i++)
		prov[i] = -1;
	for (size_t i = 0; i < p->n && !rc; i++) {
		const struct row *r = &p->rows[i], *o;
		int rk = atoi(r->reg), pk = atoi(r->prov);
		if (reg[rk] < 0) {
			reg[rk] = (int)i;
		} else {
			o = &p->rows[reg[rk]];
			if (strcmp(o->regn, r->regn) != 0)
				rc = row_error(ctx, p->file, r->line, C_REGN, _("region %s is '%s' here and '%s' on line %ld"),
					       r->reg, r->regn, o->regn, o->line);
			else if (strcmp(o->ripc, r->ripc) != 0 || strcmp(o->rip, r->rip) != 0)
				rc = row_error(ctx, p->file, r->line, C_RIP, _("region %s is in '%s' here and '%s' on line %ld"),
					       r->reg, r->rip, o->rip, o->line);
		}
		if (rc)
			break;
		if (prov[pk] < 0) {
			prov[pk] = (int)i;
		} else {
			o = &p->rows[prov[pk]];
			if (strcmp(o->provn, r->provn) != 0)
				rc = row_error(ctx, p->file, r->line, C_PROVN, _("province %s is '%s' here and '%s' on line %ld"),
					       r->prov, r->provn, o->provn, o->line);
			else if (strcmp(o->sigla, r->sigla) != 0)
				rc = row_error(ctx, p->file, r->line, C_SIGLA, _("province %s is '%s' here and '%s' on line %ld"),
					       r->prov, r->sigla, o->sigla, o->line);
			else if (strcmp(o->reg, r->reg) != 0)
				rc = row_error(ctx, p->file, r->line, C_REG, _("province %s is in region %s here and %s on line %ld"),
					       r->prov, r->reg, o->reg, o->line);
			else if (strcmp(o->uts, r->uts) != 0)
				rc = row_error(ctx, p->file, r->line, C_UTS, _("province %s has code %s here and %s on line %ld"),
					       r->prov, r->uts, o->uts, o->line);
		}
	}
	free(reg);
	free(prov);
	return rc;
}

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = strcmp(x->istat, y->istat);
	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int parse_list(struct cn_ctx *ctx, struct parsed *p, const char *data, size_t len)
{
	struct csv_reader *rd;
	struct csv_record rec;
	int got, rc = CN_OK, header = 0;
	long last_line = 1;

	if (len == 0)
		return cn_set_error(ctx, CN_EDATA, _("%s:1: header: the file is empty"), p->file);
	p->size = len + 64;
	p->arena = xmalloc(p->size);
	rd = csv_open(data, len, ';');
	while ((got = csv_next(rd, &rec)) == 1) {
		last_line = rec.line;
		/* blank lines (typically at the end) carry nothing */
		if (rec.nfields == 1 && !*csv_trim(rec.fields[0]))
			continue;
		if (!header) {
			if ((rc = find_columns(ctx, p, &rec)))
				break;
			header = 1;
		} else if ((rc = take_row(ctx, p, &rec))) {
			break;
		}
	}
	if (got < 0 && !rc)
		rc = import_csv_error(ctx, p->file, rd);
	csv_close(rd);
	if (rc)
		return rc;
	if (!header)
		return cn_set_error(ctx, CN_EDATA, _("%s:1: header: the file is empty"), p->file);
	if (p->n == 0)
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: rows: no comuni after the header"), p->file, last_line);
	if ((rc = check_consistency(ctx, p)))
		return rc;
	qsort(p->rows, p->n, sizeof *p->rows, cmp_row);
	for (size_t i = 1; i < p->n; i++)
		if (strcmp(p->rows[i].istat, p->rows[i - 1].istat) == 0)
			return row_error(ctx, p->file, p->rows[i].line, C_ISTAT, _("%s already on line %ld"),
					 p->rows[i].istat, p->rows[i - 1].line);
	return CN_OK;
}

static void parsed_free(struct parsed *p)
{
	free(p->rows);
	free(p->arena);
}

static void existing_free(struct existing *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].other);
		free(e[i].cad);
	}
	free(e);
}

static int load_existing(struct cn_ctx *ctx, struct existing **out, size_t *nout)
{
	sqlite3_stmt *st;
	struct existing *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((rc = db_prepare(ctx, &st,
		"SELECT istat, name, name_other, regione_code, provincia_code, cadastral,"
		" capoluogo, population, suppressed_on IS NOT NULL FROM comune ORDER BY istat")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8192;
			struct existing *nv = xrealloc(v, ncap * sizeof *nv);
			v = nv;
			cap = ncap;
		}
		struct existing *e = &v[n++];
		snprintf(e->istat, sizeof e->istat, "%s", db_col(st, 0));
		e->name = db_col_dup(st, 1);
		e->other = db_col_dup(st, 2);
		snprintf(e->reg, sizeof e->reg, "%s", db_col(st, 3));
		snprintf(e->prov, sizeof e->prov, "%s", db_col(st, 4));
		e->cad = db_col_dup(st, 5);
		e->capoluogo = sqlite3_column_int(st, 6);
		e->population = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 7);
		e->suppressed = sqlite3_column_int(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		existing_free(v, n);
		return db_fail(ctx, _("reading the registry"));
	}
	*out = v;
	*nout = n;
	return CN_OK;
}

static int same_str(const char *db, const char *file)
{
	return strcmp(db ? db : "", file ? file : "") == 0;
}

/* The search key stored beside the name: both languages. */
static char *fold_names(const char *name, const char *other)
{
	struct cn_buf b = {0};
	char *f;
	buf_puts(&b, name);
	if (other && *other) {
		buf_puts(&b, " ");
		buf_puts(&b, other);
	}
	f = text_fold(buf_str(&b));
	buf_free(&b);
	return f;
}

static int step_done(struct cn_ctx *ctx, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, what);
}

static int upsert_areas(struct cn_ctx *ctx, const struct parsed *p)
{
	sqlite3_stmt *sr = NULL, *sp = NULL;
	char seen_reg[100] = {0}, *seen_prov = xcalloc(1000, 1);
	int rc;

	if ((rc = db_prepare(ctx, &sr,
		"INSERT INTO regione (code, name, ripartizione_code, ripartizione) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (code) DO UPDATE SET name = ?2, ripartizione_code = ?3, ripartizione = ?4"
		" WHERE name IS NOT ?2 OR ripartizione_code IS NOT ?3 OR ripartizione IS NOT ?4")) ||
	    (rc = db_prepare(ctx, &sp,
		"INSERT INTO provincia (code, uts_code, name, sigla, regione_code) VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (code) DO UPDATE SET uts_code = ?2, name = ?3, sigla = ?4, regione_code = ?5"
		" WHERE uts_code IS NOT ?2 OR name IS NOT ?3 OR sigla IS NOT ?4 OR regione_code IS NOT ?5")))
		goto out;
	for (size_t i = 0; i < p->n && !rc; i++) {
		const struct row *r = &p->rows[i];
		int rk = atoi(r->reg), pk = atoi(r->prov);
		if (!seen_reg[rk]) {
			seen_reg[rk] = 1;
			sqlite3_bind_text(sr, 1, r->reg, -1, SQLITE_STATIC);
			sqlite3_bind_text(sr, 2, r->regn, -1, SQLITE_STATIC);
			sqlite3_bind_text(sr, 3, r->ripc, -1, SQLITE_STATIC);
			sqlite3_bind_text(sr, 4, r->rip, -1, SQLITE_STATIC);
			rc = step_done(ctx, sr, _("saving a region"));
		}
		if (!rc && !seen_prov[pk]) {
			seen_prov[pk] = 1;
			sqlite3_bind_text(sp, 1, r->prov, -1, SQLITE_STATIC);
			sqlite3_bind_text(sp, 2, r->uts, -1, SQLITE_STATIC);
			sqlite3_bind_text(sp, 3, r->provn, -1, SQLITE_STATIC);
			sqlite3_bind_text(sp, 4, r->sigla, -1, SQLITE_STATIC);
			sqlite3_bind_text(sp, 5, r->reg, -1, SQLITE_STATIC);
			rc = step_done(ctx, sp, _("saving a province"));
		}
	}
out:
	sqlite3_finalize(sr);
	sqlite3_finalize(sp);
	free(seen_prov);
	return rc;
}

/* Writing comuni one statement each costs a statement journal per row
 * (their triggers could abort half-way): three times slower than the whole
 * rest of the import. So new comuni go in by batches of rows per
 * statement, and the other changes are staged in a temp table that a few
 * set statements apply. */
#define ADD_BATCH 64
#define ADD_COLS 9

struct adder {
	sqlite3_stmt *full;          /* ADD_BATCH rows */
	const struct row *rows[ADD_BATCH];
	size_t n;
	const char *today;
};

/* INSERT of n comuni: ?1 today, then ADD_COLS parameters per row. */
static char *add_sql(size_t n)
{
	struct cn_buf b = {0};
	buf_puts(&b, "INSERT INTO comune (istat, name, name_other, folded, regione_code, provincia_code,"
		     " cadastral, capoluogo, population, added_on, updated_on) VALUES ");
	for (size_t k = 0; k < n; k++) {
		buf_puts(&b, k ? ",(" : "(");
		for (int c = 0; c < ADD_COLS; c++)
			buf_printf(&b, "?%zu,", 2 + k * ADD_COLS + (size_t)c);
		buf_puts(&b, "?1,?1)");
	}
	return b.p;
}

static int add_flush(struct cn_ctx *ctx, struct adder *a)
{
	sqlite3_stmt *st = a->full;
	char *folded[ADD_BATCH] = {0};
	int rc = CN_OK;

	if (a->n == 0)
		return CN_OK;
	if (a->n < ADD_BATCH || !st) {
		char *sql = add_sql(a->n);
		rc = db_prepare(ctx, &st, sql);
		free(sql);
		if (rc)
			return rc;
		if (a->n == ADD_BATCH)
			a->full = st;
	}
	sqlite3_bind_text(st, 1, a->today, -1, SQLITE_STATIC);
	for (size_t k = 0; k < a->n && !rc; k++) {
		const struct row *r = a->rows[k];
		int i = 2 + (int)(k * ADD_COLS);
		if (!(folded[k] = fold_names(r->name, r->other))) {
			rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
			break;
		}
		sqlite3_bind_text(st, i, r->istat, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i + 1, r->name, -1, SQLITE_STATIC);
		db_bind_text(st, i + 2, r->other);
		sqlite3_bind_text(st, i + 3, folded[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i + 4, r->reg, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i + 5, r->prov, -1, SQLITE_STATIC);
		db_bind_text(st, i + 6, r->cad);
		sqlite3_bind_int(st, i + 7, r->capoluogo);
		if (r->population >= 0)
			sqlite3_bind_int64(st, i + 8, r->population);
		else
			sqlite3_bind_null(st, i + 8);
	}
	if (!rc)
		rc = step_done(ctx, st, _("adding comuni"));
	for (size_t k = 0; k < a->n; k++)
		free(folded[k]);
	if (st != a->full)
		sqlite3_finalize(st);
	a->n = 0;
	return rc;
}

static int add_row(struct cn_ctx *ctx, struct adder *a, const struct row *r)
{
	a->rows[a->n++] = r;
	return a->n == ADD_BATCH ? add_flush(ctx, a) : CN_OK;
}

static const char stage_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS istat_stage ("
	" istat TEXT PRIMARY KEY, op TEXT NOT NULL, name TEXT, name_other TEXT, folded TEXT,"
	" regione_code TEXT, provincia_code TEXT, cadastral TEXT, capoluogo INTEGER,"
	" population INTEGER, old_name TEXT, old_folded TEXT) WITHOUT ROWID";

static const char stage_insert[] =
	"INSERT INTO temp.istat_stage (istat, op, name, name_other, folded, regione_code,"
	" provincia_code, cadastral, capoluogo, population, old_name, old_folded)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/* In this order; ?1 is today. */
static const char *const apply_sql[] = {
	"INSERT INTO comune_former_name (istat, name, folded, until)"
	" SELECT istat, old_name, old_folded, ?1 FROM temp.istat_stage WHERE op = 'rename'"
	" ON CONFLICT DO NOTHING",
	/* renamed back: the name is current again, not former */
	"DELETE FROM comune_former_name WHERE (istat, name) IN"
	" (SELECT istat, name FROM temp.istat_stage WHERE op = 'rename')",
	"UPDATE comune SET name = s.name, name_other = s.name_other, folded = s.folded,"
	" regione_code = s.regione_code, provincia_code = s.provincia_code, cadastral = s.cadastral,"
	" capoluogo = s.capoluogo, population = s.population, updated_on = ?1, suppressed_on = NULL"
	" FROM temp.istat_stage AS s WHERE s.istat = comune.istat AND s.op IN ('update', 'rename')",
	"UPDATE comune SET suppressed_on = ?1, updated_on = ?1"
	" WHERE istat IN (SELECT istat FROM temp.istat_stage WHERE op = 'suppress')",
	/* a merger: a comune added in the same province whose name contains
	 * the suppressed one's ("Conco" -> "Lusiana Conco") is its successor */
	"INSERT INTO comune_successor (istat, successor, since, source)"
	" SELECT o.istat, n.istat, ?1, 'import' FROM temp.istat_stage so JOIN comune o ON o.istat = so.istat"
	" JOIN temp.istat_stage sn ON sn.op = 'add' JOIN comune n ON n.istat = sn.istat"
	" WHERE so.op = 'suppress' AND n.provincia_code = o.provincia_code"
	" AND ' ' || n.folded || ' ' LIKE '% ' || o.folded || ' %'"
	" ON CONFLICT DO NOTHING",
	"DELETE FROM temp.istat_stage",
};

/* One staged row: a comune of the file (r) and, for a rename, its old name. */
static int stage(struct cn_ctx *ctx, sqlite3_stmt *st, const char *op, const char *istat,
		 const struct row *r, const char *old_name)
{
	char *folded = NULL, *old_folded = NULL;
	int rc;

	sqlite3_bind_text(st, 1, istat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, op, -1, SQLITE_STATIC);
	for (int i = 3; i <= 12; i++)
		sqlite3_bind_null(st, i);
	if (r) {
		if (!(folded = fold_names(r->name, r->other)))
			return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
		sqlite3_bind_text(st, 3, r->name, -1, SQLITE_STATIC);
		db_bind_text(st, 4, r->other);
		sqlite3_bind_text(st, 5, folded, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, r->reg, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, r->prov, -1, SQLITE_STATIC);
		db_bind_text(st, 8, r->cad);
		sqlite3_bind_int(st, 9, r->capoluogo);
		if (r->population >= 0)
			sqlite3_bind_int64(st, 10, r->population);
	}
	if (old_name) {
		if (!(old_folded = text_fold(old_name))) {
			free(folded);
			return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
		}
		sqlite3_bind_text(st, 11, old_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, old_folded, -1, SQLITE_STATIC);
	}
	rc = step_done(ctx, st, _("updating the registry"));
	free(folded);
	free(old_folded);
	return rc;
}

/* Walks the file and the registry, both by ISTAT code, deciding each
 * comune's fate. */
static int stage_rows(struct cn_ctx *ctx, sqlite3_stmt *st, struct adder *add, const struct parsed *p,
		      const struct existing *ex, size_t nex, struct registry_import_summary *out)
{
	size_t i = 0, j = 0;
	int rc = CN_OK;

	while (!rc && (i < p->n || j < nex)) {
		int c = i >= p->n ? 1 : j >= nex ? -1 : strcmp(p->rows[i].istat, ex[j].istat);
		if (c < 0) {
			/* added to a registry that had comuni: staged too, to learn mergers */
			if (nex)
				rc = stage(ctx, st, "add", p->rows[i].istat, NULL, NULL);
			if (!rc)
				rc = add_row(ctx, add, &p->rows[i++]);
			out->added++;
		} else if (c > 0) {
			if (!ex[j].suppressed) {
				rc = stage(ctx, st, "suppress", ex[j].istat, NULL, NULL);
				out->suppressed++;
			}
			j++;
		} else {
			const struct row *r = &p->rows[i++];
			const struct existing *e = &ex[j++];
			int renamed = strcmp(e->name, r->name) != 0;
			int changed = renamed || e->suppressed || !same_str(e->other, r->other) ||
				strcmp(e->reg, r->reg) != 0 || strcmp(e->prov, r->prov) != 0 ||
				!same_str(e->cad, r->cad) || e->capoluogo != r->capoluogo ||
				e->population != r->population;
			if (!changed) {
				out->unchanged++;
			} else if (renamed) {
				rc = stage(ctx, st, "rename", r->istat, r, e->name);
				out->renamed++;
			} else {
				rc = stage(ctx, st, "update", r->istat, r, NULL);
				out->updated++; /* includes a suppressed comune back on the list */
			}
		}
	}
	return rc ? rc : add_flush(ctx, add);
}

static int merge_rows(struct cn_ctx *ctx, const struct parsed *p, const struct existing *ex, size_t nex,
		      struct registry_import_summary *out)
{
	sqlite3_stmt *st = NULL;
	struct adder add = {0};
	char today[11];
	int rc;

	cn_today_ymd(ctx, today);
	add.today = today;
	if ((rc = db_exec(ctx, stage_create)) || (rc = db_exec(ctx, "DELETE FROM temp.istat_stage")) ||
	    (rc = db_prepare(ctx, &st, stage_insert)))
		return rc;
	rc = stage_rows(ctx, st, &add, p, ex, nex, out);
	sqlite3_finalize(st);
	sqlite3_finalize(add.full);
	for (size_t k = 0; !rc && k < sizeof apply_sql / sizeof apply_sql[0]; k++) {
		if ((rc = db_prepare(ctx, &st, apply_sql[k])))
			break;
		sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
		rc = step_done(ctx, st, _("updating the registry"));
		sqlite3_finalize(st);
	}
	return rc;
}

/* Lets every context's search index see that the registry changed. */
int registry_bump(struct cn_ctx *ctx)
{
	sqlite3_stmt *st;
	char id[37];
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"INSERT INTO meta (key, value) VALUES ('registry_gen', ?1)"
		" ON CONFLICT (key) DO UPDATE SET value = ?1")))
		return rc;
	cn_uuid(id);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = step_done(ctx, st, _("saving the registry version"));
	sqlite3_finalize(st);
	return rc;
}

static int merge_utf8(struct cn_ctx *ctx, const char *name, const char *data, size_t len,
		      struct registry_import_summary *out)
{
	struct parsed p = {.file = name};
	struct existing *ex = NULL;
	size_t nex = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = parse_list(ctx, &p, data, len)))
		goto out;
	out->read = (long)p.n;
	if ((rc = load_existing(ctx, &ex, &nex)) ||
	    (rc = upsert_areas(ctx, &p)) ||
	    (rc = merge_rows(ctx, &p, ex, nex, out)) ||
	    (rc = registry_bump(ctx)))
		goto out;
out:
	existing_free(ex, nex);
	parsed_free(&p);
	return rc;
}

int registry_merge_istat(struct cn_ctx *ctx, const char *name, const char *data,
			 size_t len, struct registry_import_summary *out)
{
	char *raw = xmalloc(len + 1), *text = NULL;
	size_t tlen;
	enum text_encoding enc;
	char err[512];
	int rc;

	memcpy(raw, data, len);
	raw[len] = '\0';
	rc = text_decode(name, raw, len, &text, &tlen, &enc, err, sizeof err);
	if (rc)
		cn_set_error(ctx, rc, "%s", err);
	else
		rc = merge_utf8(ctx, name, text, tlen, out);
	if (text != raw)
		free(text);
	free(raw);
	return rc;
}

/* A real yearly list suppresses a handful of comuni (mergers); a list
 * that would suppress more than this is far more likely a truncated
 * download or the wrong file, and needs --force. */
#define MASS_SUPPRESS_MIN 50
#define MASS_SUPPRESS_PERMILLE 50

static int import_text(struct cn_ctx *ctx, const char *name, const char *text, size_t len,
		       int force, struct registry_import_summary *out)
{
	struct audit_details details = {0};
	long long active = 0;
	int rc;

	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = db_scalar_int(ctx, &active, "SELECT count(*) FROM comune WHERE suppressed_on IS NULL",
				(char *)NULL)))
		goto fail;
	/* New comuni join the campaigns still open, in the same transaction. */
	if ((rc = merge_utf8(ctx, name, text, len, out)) ||
	    (rc = campaign_sync_in_tx(ctx, &out->joined)))
		goto fail;
	if (!force && out->suppressed > MASS_SUPPRESS_MIN &&
	    out->suppressed * 1000 > active * MASS_SUPPRESS_PERMILLE) {
		char lacks[NUMFMT_LEN], of[NUMFMT_LEN];
		rc = cn_set_error(ctx, CN_EDATA,
			_("%s: this list lacks %s of the %s active comuni: a truncated download or the wrong file? Nothing changed; if those comuni really are gone, import it again with --force"),
			name, numfmt_int(out->suppressed, lacks, sizeof lacks), numfmt_int(active, of, sizeof of));
		goto fail;
	}
	audit_kv_long(&details, "read", out->read);
	audit_kv_long(&details, "added", out->added);
	audit_kv_long(&details, "suppressed", out->suppressed);
	audit_kv_long(&details, "renamed", out->renamed);
	audit_kv_long(&details, "updated", out->updated);
	audit_kv_long(&details, "unchanged", out->unchanged);
	audit_kv_long(&details, "joined", out->joined);
	if ((rc = audit_write(ctx, "import_istat", "registry", name, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	registry_invalidate(ctx);
	return CN_OK;
fail:
	audit_details_free(&details);
	db_rollback(ctx);
	memset(out, 0, sizeof *out);
	return rc;
}

/* From the file at path, or from mem (n bytes) when mem is not NULL. */
static int import_istat(struct cn_ctx *ctx, const char *path, const char *mem, size_t n,
			int force, struct registry_import_summary *out)
{
	char *text;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("import the ISTAT list"))))
		return rc;
	if ((rc = import_load(ctx, path, mem, n, IMPORT_MAX_ISTAT, &text, &len)))
		return rc;
	rc = import_text(ctx, path, text, len, force, out);
	free(text);
	return rc;
}

int registry_import_istat(struct cn_ctx *ctx, const char *path,
			  struct registry_import_summary *out)
{
	return import_istat(ctx, path, NULL, 0, 0, out);
}

int registry_import_istat_force(struct cn_ctx *ctx, const char *path,
				struct registry_import_summary *out)
{
	return import_istat(ctx, path, NULL, 0, 1, out);
}

int registry_import_istat_mem(struct cn_ctx *ctx, const char *name,
			      const char *data, size_t len,
			      struct registry_import_summary *out)
{
	return import_istat(ctx, name, data ? data : "", len, 0, out);
}
