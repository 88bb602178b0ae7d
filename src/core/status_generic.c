/* Statuses from any form's responses (campaigns without codes, seed 004's
 * open online form): a column names the respondent, another may give the
 * submission time. Names are matched, never guessed. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "import_internal.h"
#include "progress_internal.h"
#include "centralino/clock.h"
#include "centralino/csv.h"

/* Header cell -> column index, comparing trimmed and case-insensitively,
 * then folded ("Codice ISTAT" = "codice_istat"). -1 when missing. */
/* The column named `name` (exactly, any case; else as search folds it);
 * -1 when none, -2 when two columns have that name. */
static int find_column(const struct csv_record *h, const char *name)
{
	char *want = text_fold(name);
	int found = -1;
	for (size_t i = 0; i < h->nfields && found != -2; i++) {
		char cell[256];
		snprintf(cell, sizeof cell, "%s", h->fields[i]);
		csv_trim(cell);
		if (strcasecmp(cell, name) == 0)
			found = found >= 0 ? -2 : (int)i;
	}
	for (size_t i = 0; i < h->nfields && found == -1 && want; i++) {
		char *f = text_fold(h->fields[i]);
		if (f && strcmp(f, want) == 0)
			found = (int)i;
		free(f);
	}
	free(want);
	return found;
}

static char *header_list(const struct csv_record *h)
{
	struct cn_buf b = {0};
	for (size_t i = 0; i < h->nfields && i < 30; i++)
		buf_printf(&b, "%s'%s'", i ? ", " : "", h->fields[i]);
	return b.p ? b.p : strdup("");
}

static int add_unresolved(struct progress_import_summary *s, long line, const char *value, char *why)
{
	struct progress_unresolved *p = realloc(s->unresolved, (s->nunresolved + 1) * sizeof *p);
	if (!p || !why) {
		free(why);
		return -1;
	}
	s->unresolved = p;
	p[s->nunresolved].line = line;
	p[s->nunresolved].value = strdup(value);
	p[s->nunresolved].why = why;
	s->nunresolved++;
	return 0;
}

void progress_import_summary_free(struct progress_import_summary *s)
{
	for (size_t i = 0; i < s->nunresolved; i++) {
		free(s->unresolved[i].value);
		free(s->unresolved[i].why);
	}
	free(s->unresolved);
	memset(s, 0, sizeof *s);
}

struct import {
	struct cn_ctx *ctx;
	const char *path;
	struct progress_campaign c;
	struct resp_index ix;
	time_t *when;          /* per index entry: earliest submission, 0 = not in the file */
	const char *id_name, *time_name;
	struct progress_import_summary *out;
};

static int read_rows(struct import *im, struct csv_reader *r, int idcol, int timecol,
		     size_t ncols)
{
	struct cn_ctx *ctx = im->ctx;
	struct csv_record rec;
	time_t now = cn_now(ctx);
	int got;

	while ((got = csv_next(r, &rec)) == 1) {
		size_t found[8], n;
		time_t t = now;
		char value[512];

		if (rec.nfields == 1 && !rec.fields[0][0])
			continue; /* an empty line */
		im->out->rows++;
		if (rec.nfields <= (size_t)idcol || (timecol >= 0 && rec.nfields <= (size_t)timecol))
			return cn_set_error(ctx, CN_EDATA,
				_("%s:%ld: %s: missing (the row has %zu fields, the header %zu)"),
				im->path, rec.line, rec.nfields <= (size_t)idcol ? im->id_name : im->time_name,
				rec.nfields, ncols);
		snprintf(value, sizeof value, "%s", rec.fields[idcol]);
		csv_trim(value);
		if (!value[0]) {
			im->out->blank++;
			continue;
		}
		if (timecol >= 0) {
			char cell[128];
			snprintf(cell, sizeof cell, "%s", rec.fields[timecol]);
			csv_trim(cell);
			if (cell[0] && cn_parse_form_time(cell, &t))
				return cn_set_error(ctx, CN_EDATA,
					_("%s:%ld: %s: '%s' is not a time (YYYY-MM-DD HH:MM, DD/MM/YYYY HH:MM:SS ...)"),
					im->path, rec.line, im->time_name, cell);
			if (t > now)
				return cn_set_error(ctx, CN_EDATA, _("%s:%ld: %s: '%s' is in the future"),
						    im->path, rec.line, im->time_name, cell);
		}
		n = progress_resp_match(&im->ix, value, found, sizeof found / sizeof *found);
		if (n == 1) {
			im->out->matched++;
			if (!im->when[found[0]] || t < im->when[found[0]])
				im->when[found[0]] = t;
			continue;
		}
		struct cn_buf why = {0};
		if (n == 0) {
			buf_printf(&why, _("no respondent of campaign %s has this code or name"), im->c.key);
		} else {
			char *list = progress_resp_describe(&im->ix, found, n < 8 ? n : 8);
			buf_printf(&why, _("ambiguous: %s%s"), list ? list : "", n > 8 ? ", ..." : "");
			free(list);
		}
		if (add_unresolved(im->out, rec.line, value, why.p))
			return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	}
	return got < 0 ? import_csv_error(ctx, im->path, r) : CN_OK;
}

static int apply(struct import *im)
{
	static const char sql[] =
		"UPDATE campaign_respondent SET status = 'inviato', status_at = ?1, submitted_at = ?1,"
		" status_source = 'generico', status_reason = NULL"
		" WHERE campaign_id = ?2 AND respondent_id = ?3 AND status <> 'inviato'";
	struct cn_ctx *ctx = im->ctx;
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	for (size_t i = 0; i < im->ix.n; i++) {
		char iso[21];
		if (!im->when[i])
			continue;
		im->out->respondents++;
		cn_fmt_iso(im->when[i], iso);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, iso, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, im->c.id);
		sqlite3_bind_text(st, 3, im->ix.v[i].id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = db_fail(ctx, _("recording the submission"));
			break;
		}
		if (sqlite3_changes(ctx->db))
			im->out->updated++;
		else
			im->out->unchanged++;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The campaign's respondents and the file's rows matched to them, in a
 * read transaction of its own (unless inside a caller's change: a dry
 * run). */
static int match_rows(struct import *im, const char *campaign_key, struct csv_reader *r, int idcol,
		      int timecol, size_t ncols)
{
	struct cn_ctx *ctx = im->ctx;
	int rc, snapshot = 0;

	if (sqlite3_get_autocommit(ctx->db))
		snapshot = sqlite3_exec(ctx->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	if (!(rc = progress_campaign_get(ctx, campaign_key, &im->c)) &&
	    !(rc = progress_resp_load(ctx, im->c.id, &im->ix))) {
		if (!(im->when = calloc(im->ix.n ? im->ix.n : 1, sizeof *im->when)))
			rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
		else
			rc = read_rows(im, r, idcol, timecol, ncols);
	}
	if (snapshot)
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int progress_import_generic(struct cn_ctx *ctx, const char *campaign_key,
			    const char *path, const struct progress_import_opts *opts,
			    struct progress_import_summary *out)
{
	struct import im = {.ctx = ctx, .path = path, .out = out,
			    .id_name = opts ? opts->id_column : NULL,
			    .time_name = opts ? opts->time_column : NULL};
	struct csv_reader *r = NULL;
	struct csv_record head;
	char *data = NULL;
	size_t len, ncols;
	int rc, idcol, timecol = -1;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("import statuses"))))
		return rc;
	if (!opts || !opts->id_column || !*opts->id_column)
		return cn_set_error(ctx, CN_EUSAGE, _("which column names the respondent? (--id-column NAME)"));
	if ((rc = import_load(ctx, path, NULL, 0, IMPORT_MAX_GENERIC, &data, &len)))
		return rc;
	if ((rc = import_header(ctx, path, data, len, &r, &head)))
		goto done;
	ncols = head.nfields;
	idcol = find_column(&head, opts->id_column);
	if (opts->time_column && *opts->time_column)
		timecol = find_column(&head, opts->time_column);
	if (idcol == -2 || timecol == -2) {
		rc = cn_set_error(ctx, CN_EDATA, _("%s:1: header: column '%s' twice"), path,
				  idcol == -2 ? opts->id_column : opts->time_column);
		goto done;
	}
	if (idcol < 0 || (opts->time_column && *opts->time_column && timecol < 0)) {
		char *cols = header_list(&head);
		rc = cn_set_error(ctx, CN_EUSAGE, _("%s:1: no column '%s' (the columns are: %s)"), path,
				  idcol < 0 ? opts->id_column : opts->time_column, cols ? cols : "");
		free(cols);
		goto done;
	}
	/* the rows are matched on one read snapshot, without the write lock
	 * (respondents are never deleted: what matched stays valid); the
	 * write transaction then only applies */
	if ((rc = match_rows(&im, campaign_key, r, idcol, timecol, ncols)))
		goto done;
	if ((rc = db_begin(ctx)))
		goto done;
	if ((rc = progress_campaign_get(ctx, campaign_key, &im.c)) || (rc = apply(&im)))
		goto rollback;
	if (out->updated == 0) {
		db_rollback(ctx);
		goto done;
	}
	{
		struct cn_buf details = {0};
		char num[4][24];
		snprintf(num[0], sizeof num[0], "%ld", out->rows);
		snprintf(num[1], sizeof num[1], "%ld", out->updated);
		snprintf(num[2], sizeof num[2], "%ld", out->unchanged);
		snprintf(num[3], sizeof num[3], "%zu", out->nunresolved);
		if (progress_audit_kv(&details, "format", "generico") || progress_audit_kv(&details, "file", path) ||
		    progress_audit_kv(&details, "rows", num[0]) || progress_audit_kv(&details, "submitted", num[1]) ||
		    progress_audit_kv(&details, "unchanged", num[2]) || progress_audit_kv(&details, "unresolved", num[3]))
			rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
		if (!rc)
			rc = audit_write(ctx, "status.import", "campaign", im.c.key, buf_str(&details));
		buf_free(&details);
	}
	if (rc || (rc = db_commit(ctx)))
		goto rollback;
	goto done;
rollback:
	db_rollback(ctx);
done:
	if (rc)
		progress_import_summary_free(out);
	free(im.when);
	progress_resp_free(&im.ix);
	csv_close(r);
	free(data);
	return rc;
}
