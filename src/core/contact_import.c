/* `import contacts FILE`: a CSV of contacts, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "contact_internal.h"
#include "import_internal.h"
#include "centralino/clock.h"
#include "centralino/csv.h"
#include "centralino/xalloc.h"

enum col { C_RESPONDENT, C_KIND, C_VALUE, C_NAME, C_OFFICE, C_SOURCE, C_DATE, C_N };

/* Accepted header names per column (English and Italian). */
static const char *const col_names[C_N][5] = {
	[C_RESPONDENT] = {"respondent", "istat", "codice", "codice_istat", "id"},
	[C_KIND] = {"kind", "tipo"},
	[C_VALUE] = {"value", "valore", "contatto"},
	[C_NAME] = {"name", "nome", "referente"},
	[C_OFFICE] = {"office", "ufficio"},
	[C_SOURCE] = {"source", "fonte"},
	[C_DATE] = {"date", "data"},
};

/* "Codice ISTAT" reads as codice_istat. */
static int header_col(char *h)
{
	for (char *p = h; *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
	for (int c = 0; c < C_N; c++)
		for (int i = 0; i < 5 && col_names[c][i]; i++)
			if (strcasecmp(h, col_names[c][i]) == 0)
				return c;
	return -1;
}

/* One row of the file, checked: what the write phase inserts. */
struct crow {
	char rid[RESPONDENT_ID_BUFSZ], date[11];
	enum contact_kind kind;
	char *value, *name, *office, *source; /* name, office, source: NULL when not given */
};

struct crows {
	struct crow *v;
	size_t n, cap;
	int cols[C_N];
	char source[300]; /* "import FILE" when the row names none */
};

static void crows_free(struct crows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		free(rows->v[i].value);
		free(rows->v[i].name);
		free(rows->v[i].office);
		free(rows->v[i].source);
	}
	free(rows->v);
}

/* A checked text field of the row into *dst (NULL when empty and not
 * required); the message "FILE:LINE: column: 'value': why" when refused. */
static int take_field(struct cn_ctx *ctx, const char *path, long line, const char *column,
		      enum contact_kind kind, int required, const char *in, char **dst)
{
	char buf[512], why[256];

	*dst = NULL;
	if (!*in && !required)
		return CN_OK;
	if (contact_value_check(kind, in, buf, sizeof buf, why, sizeof why))
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: %s: '%s': %s", path, line, column, in, why);
	*dst = xstrdup(buf);
	return CN_OK;
}

/* One record of the file checked into a new row (no write). */
static int take_row(struct cn_ctx *ctx, const char *path, const struct csv_record *rec, struct crows *rows)
{
	const char *f[C_N];
	struct crow *w;
	int rc;

	if (rows->n == rows->cap) {
		size_t ncap = rows->cap ? rows->cap * 2 : 256;
		rows->v = xrealloc(rows->v, ncap * sizeof *rows->v);
		rows->cap = ncap;
	}
	w = memset(&rows->v[rows->n], 0, sizeof *w);
	rows->n++;
	for (int c = 0; c < C_N; c++)
		f[c] = rows->cols[c] >= 0 ? csv_trim(rec->fields[rows->cols[c]]) : "";
	if (campaign_resolve_respondent(ctx, f[C_RESPONDENT], w->rid)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", cn_error(ctx));
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: respondent: %s", path, rec->line, msg);
	}
	if (contact_kind_parse(f[C_KIND], &w->kind))
		return cn_set_error(ctx, CN_EDATA,
			_("%s:%ld: kind: '%s' is not referente, ufficio, email, pec or telefono"),
			path, rec->line, f[C_KIND]);
	if ((rc = take_field(ctx, path, rec->line, "value", w->kind, 1, f[C_VALUE], &w->value)) ||
	    (rc = take_field(ctx, path, rec->line, "name", CONTACT_REFERENTE, 0, f[C_NAME], &w->name)) ||
	    (rc = take_field(ctx, path, rec->line, "office", CONTACT_UFFICIO, 0, f[C_OFFICE], &w->office)) ||
	    (rc = take_field(ctx, path, rec->line, "source", CONTACT_UFFICIO, 0, f[C_SOURCE], &w->source)))
		return rc;
	if (!*f[C_DATE])
		cn_today_ymd(ctx, w->date);
	else if (cn_parse_date(f[C_DATE], w->date))
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: date: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
				    path, rec->line, f[C_DATE]);
	return CN_OK;
}

/* The header's columns, then every row checked: the whole file is read
 * before the write lock is taken. */
static int read_rows(struct cn_ctx *ctx, const char *path, const char *data, size_t len,
		     struct crows *rows, struct contact_import_summary *out)
{
	struct csv_reader *r = NULL;
	struct csv_record rec;
	size_t nheader;
	int rc, got;

	if ((rc = import_header(ctx, path, data, len, &r, &rec)))
		return rc;
	for (int c = 0; c < C_N; c++)
		rows->cols[c] = -1;
	nheader = rec.nfields;
	for (size_t i = 0; i < rec.nfields; i++) {
		int c = header_col(csv_trim(rec.fields[i]));
		if (c >= 0 && rows->cols[c] >= 0) {
			rc = cn_set_error(ctx, CN_EDATA, _("%s:%ld: header: column '%s' twice"), path, rec.line,
					  col_names[c][0]);
			goto done;
		}
		if (c >= 0)
			rows->cols[c] = (int)i;
	}
	for (int c = 0; c <= C_VALUE; c++)
		if (rows->cols[c] < 0) {
			rc = cn_set_error(ctx, CN_EDATA, _("%s:%ld: header: no column '%s' (columns: %s, %s, %s"
				" and optionally name, office, source, date)"), path, rec.line, col_names[c][0],
				col_names[C_RESPONDENT][0], col_names[C_KIND][0], col_names[C_VALUE][0]);
			goto done;
		}
	while ((got = import_next(ctx, path, r, &rec, nheader)) > 0) {
		out->read++;
		if ((rc = take_row(ctx, path, &rec, rows)))
			goto done;
	}
	rc = got < 0 ? got : CN_OK;
done:
	csv_close(r);
	return rc;
}

/* The checked rows into a temporary table of this connection. It is
 * not the desk's database, so filling it takes no write lock: the desk
 * waits only for the one statement that copies it over. Inside a change
 * held open around the import (a dry run), it is part of that change. */
static int stage_rows(struct cn_ctx *ctx, const struct crows *rows)
{
	sqlite3_stmt *ins = NULL;
	int own = sqlite3_get_autocommit(ctx->db), rc;

	if ((rc = db_exec(ctx, "CREATE TEMP TABLE IF NOT EXISTS contact_stage (seq INTEGER PRIMARY KEY,"
			  " respondent_id, kind, value, name, office, source, noted_on);"
			  " DELETE FROM temp.contact_stage")) ||
	    (own && (rc = db_exec(ctx, "BEGIN"))) ||
	    (rc = db_prepare(ctx, &ins, "INSERT INTO temp.contact_stage (respondent_id, kind, value, name,"
			     " office, source, noted_on) VALUES (?, ?, ?, ?, ?, ?, ?)")))
		goto done;
	for (size_t i = 0; i < rows->n && !rc; i++) {
		const struct crow *w = &rows->v[i];
		sqlite3_reset(ins);
		db_bind_text(ins, 1, w->rid);
		db_bind_text(ins, 2, contact_kind_name(w->kind));
		db_bind_text(ins, 3, w->value);
		db_bind_text(ins, 4, w->name);
		db_bind_text(ins, 5, w->office);
		db_bind_text(ins, 6, w->source ? w->source : rows->source);
		db_bind_text(ins, 7, w->date);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = db_fail(ctx, _("reading the contacts"));
	}
	if (own && !rc)
		rc = db_exec(ctx, "COMMIT");
done:
	sqlite3_finalize(ins);
	if (own && rc && !sqlite3_get_autocommit(ctx->db))
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* The staged rows in one short transaction, in the file's order (the
 * first of two equal contacts is the one kept), with its audit row. */
static int write_rows(struct cn_ctx *ctx, const char *path, const struct crows *rows,
		      struct contact_import_summary *out)
{
	struct audit_details details = {0};
	char now[21];
	int rc;

	cn_now_iso(ctx, now);
	if ((rc = stage_rows(ctx, rows)) || (rc = db_begin(ctx)))
		return rc;
	if ((rc = db_exec_binds(ctx, _("saving the contacts"),
		"INSERT OR IGNORE INTO contact (respondent_id, kind, value, name, office, source, noted_on,"
		" added_at, added_by) SELECT respondent_id, kind, value, name, office, source, noted_on, ?1, ?2"
		" FROM temp.contact_stage ORDER BY seq", now, cn_login(ctx), (const char *)NULL)))
		goto fail;
	out->added = sqlite3_changes(ctx->db);
	out->unchanged = (long)rows->n - out->added;
	if (!out->added) {
		db_rollback(ctx); /* nothing new: no trace */
		return CN_OK;
	}
	audit_kv(&details, "file", import_base_name(path));
	audit_kv_long(&details, "read", out->read);
	audit_kv_long(&details, "added", out->added);
	if ((rc = audit_write(ctx, "contact.import", "contact", NULL, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	out->added = out->unchanged = 0;
	return rc;
}

/* write_rows with room for all the pages it changes in memory: under the
 * write lock none is spilled to the file half-way (80,000 rows: about
 * 1,050 -> 850 ms under the lock); the usual room afterwards, for a
 * long-lived interface. */
static int write_rows_roomy(struct cn_ctx *ctx, const char *path, const struct crows *rows,
			    struct contact_import_summary *out)
{
	long long was = 0;
	char sql[64];
	int rc;

	if ((rc = db_scalar_int(ctx, &was, "PRAGMA cache_size", (const char *)NULL)) ||
	    (rc = db_exec(ctx, "PRAGMA cache_size = -131072")))
		return rc;
	rc = write_rows(ctx, path, rows, out);
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", was);
	sqlite3_exec(ctx->db, sql, NULL, NULL, NULL);
	return rc;
}

/* From the file at path, or from mem (n bytes) when mem is not NULL. */
static int import_contacts(struct cn_ctx *ctx, const char *path, const char *mem, size_t n,
			   struct contact_import_summary *out)
{
	struct crows rows = {0};
	char *data = NULL;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("import contacts"))) ||
	    (rc = import_load(ctx, path, mem, n, IMPORT_MAX_CONTACTS, &data, &len)))
		return rc;
	snprintf(rows.source, sizeof rows.source, "import %s", import_base_name(path));
	if (!(rc = read_rows(ctx, path, data, len, &rows, out)))
		rc = write_rows_roomy(ctx, path, &rows, out);
	if (rc)
		out->added = out->unchanged = 0;
	crows_free(&rows);
	free(data);
	return rc;
}

int contact_import(struct cn_ctx *ctx, const char *path, struct contact_import_summary *out)
{
	return import_contacts(ctx, path, NULL, 0, out);
}

int contact_import_mem(struct cn_ctx *ctx, const char *name, const char *bytes, size_t n,
		       struct contact_import_summary *out)
{
	return import_contacts(ctx, name, bytes ? bytes : "", n, out);
}
