/* Social districts (ambiti territoriali sociali) from a CSV file:
 * codice_ambito;denominazione;codice_istat;capofila. The file is the full
 * membership of the ambiti it names: their members are replaced, ambiti not
 * in the file are left alone. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "campaign_internal.h"
#include "import_internal.h"
#include "registry_internal.h"
#include "centralino/csv.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

enum { A_CODE, A_NAME, A_ISTAT, A_CAPOFILA, A_NCOLS };
static const char *const header[A_NCOLS] = {"codice_ambito", "denominazione", "codice_istat", "capofila"};

struct member {
	char istat[7];
	int capofila;
	long line;
	size_t ambito;   /* index into ambiti */
};

struct amb {
	char *code, *name;
	long line;       /* first line */
	long capofila_line;
	size_t nmembers;
	int exists, changed;
};

struct afile {
	const char *file;
	struct member *m;
	size_t nm, mcap;
	struct amb *a;
	size_t na, acap;
	int *line_of;    /* by ISTAT code as a number: member index + 1 */
};

static void afile_free(struct afile *f)
{
	for (size_t i = 0; i < f->na; i++) {
		free(f->a[i].code);
		free(f->a[i].name);
	}
	free(f->a);
	free(f->m);
	free(f->line_of);
}

static int err_at(struct cn_ctx *ctx, const struct afile *f, long line, int col, const char *what)
{
	return cn_set_error(ctx, CN_EDATA, "%s:%ld: %s: %s", f->file, line, header[col], what);
}

static int check_header(struct cn_ctx *ctx, const struct afile *f, const struct csv_record *rec)
{
	int ok = rec->nfields == A_NCOLS;
	for (size_t i = 0; ok && i < A_NCOLS; i++)
		ok = strcasecmp(csv_trim(rec->fields[i]), header[i]) == 0;
	if (!ok)
		return cn_set_error(ctx, CN_EDATA,
			_("%s:%ld: header: expected \"codice_ambito;denominazione;codice_istat;capofila\""),
			f->file, rec->line);
	return CN_OK;
}

/* Spreadsheets drop leading zeros: "1272" is 001272. */
static int norm_istat(const char *s, char out[7])
{
	size_t n = strlen(s);
	if (n < 4 || n > 6 || strspn(s, "0123456789") != n)
		return -1;
	memset(out, '0', 6 - n);
	memcpy(out + 6 - n, s, n + 1);
	return 0;
}

static int find_ambito(const struct afile *f, const char *code)
{
	for (size_t i = 0; i < f->na; i++)
		if (strcmp(f->a[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int take_member(struct cn_ctx *ctx, struct afile *f, const struct csv_record *rec,
		       char *v[A_NCOLS], const char *name);

static int take_row(struct cn_ctx *ctx, struct afile *f, const struct csv_record *rec)
{
	char *v[A_NCOLS], what[256], *clean;
	int rc;

	if (rec->nfields != A_NCOLS) {
		snprintf(what, sizeof what, _("%zu fields where the header has %d"), rec->nfields, A_NCOLS);
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: columns: %s", f->file, rec->line, what);
	}
	for (int i = 0; i < A_NCOLS; i++)
		v[i] = csv_trim(rec->fields[i]);
	if (!text_clean(v[A_CODE], strlen(v[A_CODE]), TEXT_LABEL, &clean, what, sizeof what))
		free(clean);
	else
		return err_at(ctx, f, rec->line, A_CODE, what);
	if (text_clean(v[A_NAME], strlen(v[A_NAME]), TEXT_PLACE, &clean, what, sizeof what))
		return err_at(ctx, f, rec->line, A_NAME, what);
	rc = take_member(ctx, f, rec, v, clean ? clean : "");
	free(clean);
	return rc;
}

/* The rest of take_row, the ambito's name already clean. */
static int take_member(struct cn_ctx *ctx, struct afile *f, const struct csv_record *rec,
		       char *v[A_NCOLS], const char *name)
{
	char what[512];
	struct member *m;
	int ai;

	if (!*v[A_CODE])
		return err_at(ctx, f, rec->line, A_CODE, _("empty"));
	if (!*name)
		return err_at(ctx, f, rec->line, A_NAME, _("empty"));
	if (strcmp(v[A_CAPOFILA], "1") != 0 && strcmp(v[A_CAPOFILA], "0") != 0) {
		snprintf(what, sizeof what, _("'%s' is neither 1 nor 0"), v[A_CAPOFILA]);
		return err_at(ctx, f, rec->line, A_CAPOFILA, what);
	}
	if (f->nm == f->mcap) {
		f->mcap = f->mcap ? f->mcap * 2 : 256;
		f->m = xrealloc(f->m, f->mcap * sizeof *f->m);
	}
	m = &f->m[f->nm];
	if (norm_istat(v[A_ISTAT], m->istat)) {
		snprintf(what, sizeof what, _("'%s' is not an ISTAT code (6 digits)"), v[A_ISTAT]);
		return err_at(ctx, f, rec->line, A_ISTAT, what);
	}
	m->capofila = v[A_CAPOFILA][0] == '1';
	m->line = rec->line;
	if ((ai = find_ambito(f, v[A_CODE])) < 0) {
		if (f->na == f->acap) {
			f->acap = f->acap ? f->acap * 2 : 16;
			f->a = xrealloc(f->a, f->acap * sizeof *f->a);
		}
		struct amb *a = &f->a[f->na];
		memset(a, 0, sizeof *a);
		a->code = xstrdup(v[A_CODE]);
		a->name = xstrdup(name);
		a->line = rec->line;
		ai = (int)f->na++;
	} else if (strcmp(f->a[ai].name, name) != 0) {
		snprintf(what, sizeof what, _("ambito %s is called '%s' on line %ld"),
			 f->a[ai].code, f->a[ai].name, f->a[ai].line);
		return err_at(ctx, f, rec->line, A_NAME, what);
	}
	/* a comune in two ambiti, or twice in one */
	int *seen = &f->line_of[atoi(m->istat)];
	if (*seen) {
		const struct member *o = &f->m[*seen - 1];
		snprintf(what, sizeof what, _("%s is already on line %ld (ambito %s)"),
			 m->istat, o->line, f->a[o->ambito].code);
		return err_at(ctx, f, rec->line, A_ISTAT, what);
	}
	*seen = (int)f->nm + 1;
	if (m->capofila) {
		if (f->a[ai].capofila_line) {
			snprintf(what, sizeof what, _("ambito %s already has its capofila on line %ld"),
				 f->a[ai].code, f->a[ai].capofila_line);
			return err_at(ctx, f, rec->line, A_CAPOFILA, what);
		}
		f->a[ai].capofila_line = rec->line;
	}
	m->ambito = (size_t)ai;
	f->a[ai].nmembers++;
	f->nm++;
	return CN_OK;
}

static int parse(struct cn_ctx *ctx, struct afile *f, const char *data, size_t len)
{
	struct csv_reader *rd;
	struct csv_record rec;
	int got, rc = CN_OK, have_header = 0;
	long last = 1;

	if (len == 0)
		return cn_set_error(ctx, CN_EDATA, _("%s:1: header: the file is empty"), f->file);
	f->line_of = xcalloc(1000000, sizeof *f->line_of);
	rd = csv_open(data, len, 0);
	while ((got = csv_next(rd, &rec)) == 1) {
		last = rec.line;
		if (rec.nfields == 1 && !*csv_trim(rec.fields[0]))
			continue;
		if (!have_header) {
			rc = check_header(ctx, f, &rec);
			have_header = 1;
		} else {
			rc = take_row(ctx, f, &rec);
		}
		if (rc)
			break;
	}
	if (got < 0 && !rc)
		rc = import_csv_error(ctx, f->file, rd);
	csv_close(rd);
	if (rc)
		return rc;
	if (!have_header)
		return cn_set_error(ctx, CN_EDATA, _("%s:1: header: the file is empty"), f->file);
	if (f->nm == 0)
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: rows: no ambiti after the header"), f->file, last);
	for (size_t i = 0; i < f->na; i++)
		if (!f->a[i].capofila_line) {
			char what[256];
			snprintf(what, sizeof what, _("ambito %s has no capofila (one member must have 1)"), f->a[i].code);
			return err_at(ctx, f, f->a[i].line, A_CAPOFILA, what);
		}
	return CN_OK;
}

/* Every member is an active comune and not in an ambito outside the file. */
static int check_members(struct cn_ctx *ctx, struct afile *f)
{
	sqlite3_stmt *st;
	char what[512];
	int rc;

	if ((rc = db_prepare(ctx, &st,
		"SELECT c.name, c.suppressed_on, m.ambito_code, m.capofila FROM comune c"
		" LEFT JOIN ambito_member m ON m.istat = c.istat WHERE c.istat = ?")))
		return rc;
	for (size_t i = 0; i < f->nm && !rc; i++) {
		struct member *m = &f->m[i];
		struct amb *a = &f->a[m->ambito];
		sqlite3_bind_text(st, 1, m->istat, -1, SQLITE_STATIC);
		int s = sqlite3_step(st);
		if (s == SQLITE_DONE) {
			snprintf(what, sizeof what, _("no comune with ISTAT code %s"), m->istat);
			rc = err_at(ctx, f, m->line, A_ISTAT, what);
		} else if (s != SQLITE_ROW) {
			rc = db_fail(ctx, _("reading the registry"));
		} else if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			snprintf(what, sizeof what, _("%s (%s) was suppressed on %s"),
				 m->istat, db_col(st, 0), db_col(st, 1));
			rc = err_at(ctx, f, m->line, A_ISTAT, what);
		} else if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
			a->changed = 1; /* joins */
		} else if (find_ambito(f, db_col(st, 2)) < 0) {
			snprintf(what, sizeof what,
				 _("%s (%s) belongs to ambito %s, which is not in this file"),
				 m->istat, db_col(st, 0), db_col(st, 2));
			rc = err_at(ctx, f, m->line, A_ISTAT, what);
		} else if (strcmp(db_col(st, 2), a->code) != 0 || sqlite3_column_int(st, 3) != m->capofila) {
			a->changed = 1; /* moves between ambiti of the file, or capofila changes */
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int apply(struct cn_ctx *ctx, struct afile *f, struct registry_ambiti_summary *out)
{
	sqlite3_stmt *old = NULL, *cnt = NULL, *ins = NULL, *del = NULL, *mem = NULL;
	int rc;

	if ((rc = db_prepare(ctx, &old, "SELECT name FROM ambito WHERE code = ?")) ||
	    (rc = db_prepare(ctx, &cnt, "SELECT count(*) FROM ambito_member WHERE ambito_code = ?")) ||
	    (rc = db_prepare(ctx, &ins,
		"INSERT INTO ambito (code, name, folded) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (code) DO UPDATE SET name = ?2, folded = ?3 WHERE name IS NOT ?2")) ||
	    (rc = db_prepare(ctx, &del, "DELETE FROM ambito_member WHERE ambito_code = ?")) ||
	    (rc = db_prepare(ctx, &mem, "INSERT INTO ambito_member (istat, ambito_code, capofila) VALUES (?, ?, ?)")))
		goto out;
	/* which ambiti are new, renamed, or lose members */
	for (size_t i = 0; i < f->na && !rc; i++) {
		struct amb *a = &f->a[i];
		sqlite3_bind_text(old, 1, a->code, -1, SQLITE_STATIC);
		if (sqlite3_step(old) == SQLITE_ROW) {
			a->exists = 1;
			if (strcmp(db_col(old, 0), a->name) != 0)
				a->changed = 1;
		}
		sqlite3_reset(old);
		sqlite3_bind_text(cnt, 1, a->code, -1, SQLITE_STATIC);
		if (sqlite3_step(cnt) == SQLITE_ROW && (size_t)sqlite3_column_int64(cnt, 0) != a->nmembers)
			a->changed = 1;
		sqlite3_reset(cnt);
	}
	/* members leave first, so a comune can move between ambiti of the file */
	for (size_t i = 0; i < f->na && !rc; i++) {
		sqlite3_bind_text(del, 1, f->a[i].code, -1, SQLITE_STATIC);
		if (sqlite3_step(del) != SQLITE_DONE)
			rc = db_fail(ctx, _("saving the ambiti"));
		sqlite3_reset(del);
	}
	for (size_t i = 0; i < f->na && !rc; i++) {
		struct amb *a = &f->a[i];
		char *folded = text_fold(a->name);
		if (!folded) {
			rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
			break;
		}
		sqlite3_bind_text(ins, 1, a->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, a->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, folded, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = db_fail(ctx, _("saving the ambiti"));
		sqlite3_reset(ins);
		free(folded);
		if (!a->exists)
			out->added++;
		else if (a->changed)
			out->updated++;
		else
			out->unchanged++;
	}
	for (size_t i = 0; i < f->nm && !rc; i++) {
		sqlite3_bind_text(mem, 1, f->m[i].istat, -1, SQLITE_STATIC);
		sqlite3_bind_text(mem, 2, f->a[f->m[i].ambito].code, -1, SQLITE_STATIC);
		sqlite3_bind_int(mem, 3, f->m[i].capofila);
		if (sqlite3_step(mem) != SQLITE_DONE)
			rc = db_fail(ctx, _("saving the ambiti"));
		sqlite3_reset(mem);
	}
	out->ambiti = (long)f->na;
	out->members = (long)f->nm;
out:
	sqlite3_finalize(old);
	sqlite3_finalize(cnt);
	sqlite3_finalize(ins);
	sqlite3_finalize(del);
	sqlite3_finalize(mem);
	return rc;
}

/* From the file at path, or from mem (n bytes) when mem is not NULL. */
static int import_ambiti(struct cn_ctx *ctx, const char *path, const char *mem, size_t n,
			 struct registry_ambiti_summary *out)
{
	struct afile f = {.file = path};
	struct audit_details details = {0};
	char *data = NULL;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("import ambiti"))))
		return rc;
	if ((rc = import_load(ctx, path, mem, n, IMPORT_MAX_AMBITI, &data, &len)))
		return rc;
	if ((rc = parse(ctx, &f, data, len)))
		goto out;
	out->read = (long)f.nm;
	if ((rc = db_begin(ctx)))
		goto out;
	if ((rc = check_members(ctx, &f)) || (rc = apply(ctx, &f, out)) || (rc = registry_bump(ctx)) ||
	    (rc = campaign_sync_in_tx(ctx, &out->joined)))
		goto fail;
	audit_kv_long(&details, "read", out->read);
	audit_kv_long(&details, "ambiti", out->ambiti);
	audit_kv_long(&details, "members", out->members);
	audit_kv_long(&details, "added", out->added);
	audit_kv_long(&details, "updated", out->updated);
	audit_kv_long(&details, "unchanged", out->unchanged);
	audit_kv_long(&details, "joined", out->joined);
	if ((rc = audit_write(ctx, "import_ambiti", "registry", path, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	registry_invalidate(ctx);
	goto out;
fail:
	db_rollback(ctx);
	memset(out, 0, sizeof *out);
out:
	audit_details_free(&details);
	afile_free(&f);
	free(data);
	return rc;
}

int registry_import_ambiti(struct cn_ctx *ctx, const char *path,
			   struct registry_ambiti_summary *out)
{
	return import_ambiti(ctx, path, NULL, 0, out);
}

int registry_import_ambiti_mem(struct cn_ctx *ctx, const char *name, const char *bytes,
			       size_t n, struct registry_ambiti_summary *out)
{
	return import_ambiti(ctx, name, bytes ? bytes : "", n, out);
}
