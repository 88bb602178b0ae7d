/* Statuses from any form's responses (campaigns without codes, such as an
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
#include "centralino/xalloc.h"

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
	return b.p ? b.p : xstrdup("");
}

static int add_unresolved(struct progress_import_summary *s, long line, const char *value, char *why)
{
	struct progress_unresolved *p;
	if (!why)
		return -1; /* buf_printf could not render the message */
	p = s->unresolved = xrealloc(s->unresolved, (s->nunresolved + 1) * sizeof *p);
	p[s->nunresolved].line = line;
	p[s->nunresolved].value = xstrdup(value);
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
	struct campaign c;
	struct resp_index ix;
	time_t *when;          /* per index entry: earliest submission, 0 = not in the file */
	const char *id_name, *time_name, *time_format;
	struct progress_import_summary *out;
	struct pending *pend;  /* the time cells, read once the file's order is known */
	size_t npend, cappend;
};

/* A row's time cell, kept until the whole file has said how it writes
 * dates. entry: the respondent matched, or NO_ENTRY. */
#define NO_ENTRY ((size_t)-1)
struct pending {
	size_t entry;
	long line;
	char cell[128];
};

static void keep_time(struct import *im, size_t entry, long line, const char *cell)
{
	if (im->npend == im->cappend) {
		im->cappend = im->cappend ? im->cappend * 2 : 64;
		im->pend = xrealloc(im->pend, im->cappend * sizeof *im->pend);
	}
	im->pend[im->npend].entry = entry;
	im->pend[im->npend].line = line;
	snprintf(im->pend[im->npend].cell, sizeof im->pend[im->npend].cell, "%s", cell);
	im->npend++;
}

static int read_rows(struct import *im, struct csv_reader *r, int idcol, int timecol,
		     size_t ncols)
{
	struct cn_ctx *ctx = im->ctx;
	struct csv_record rec;
	time_t now = cn_now(ctx);
	int got;

	while ((got = csv_next(r, &rec)) == 1) {
		size_t found[8], n;
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
		n = progress_resp_match(&im->ix, value, found, sizeof found / sizeof *found);
		if (timecol >= 0) {
			char cell[128];
			snprintf(cell, sizeof cell, "%s", rec.fields[timecol]);
			csv_trim(cell);
			if (cell[0])
				keep_time(im, n == 1 ? found[0] : NO_ENTRY, rec.line, cell);
			if (cell[0] && n == 1) {
				im->out->matched++;
				continue;
			}
		}
		if (n == 1) {
			im->out->matched++;
			if (!im->when[found[0]] || now < im->when[found[0]])
				im->when[found[0]] = now;
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

/* How the file writes day and month: what its cells settle, the same for
 * all; *line gets the first cell that settles it. CN_EDATA when two cells
 * disagree. */
static int file_order(struct import *im, enum cn_dm_order *order)
{
	size_t first = 0;
	*order = CN_DM_UNSETTLED;
	for (size_t i = 0; i < im->npend; i++) {
		enum cn_dm_order o = cn_form_time_order(im->pend[i].cell);
		if (o != CN_DM_DAY_FIRST && o != CN_DM_MONTH_FIRST)
			continue;
		if (*order == CN_DM_UNSETTLED) {
			*order = o;
			first = i;
		} else if (o != *order) {
			return cn_set_error_field(im->ctx, CN_EDATA, im->time_name,
				o == CN_DM_DAY_FIRST
				? _("%s:%ld: %s: '%s' puts the day first, but line %ld ('%s') the month: give --time-format")
				: _("%s:%ld: %s: '%s' puts the month first, but line %ld ('%s') the day: give --time-format"),
				im->path, im->pend[i].line, im->time_name, im->pend[i].cell,
				im->pend[first].line, im->pend[first].cell);
		}
	}
	return CN_OK;
}

/* One time cell: with --time-format, else in the file's order. */
static int cell_time(struct import *im, const struct pending *p, enum cn_dm_order order, time_t *t)
{
	int rc;
	if (im->time_format) {
		if (cn_parse_time_format(p->cell, im->time_format, t))
			return cn_set_error_field(im->ctx, CN_EDATA, im->time_name,
				_("%s:%ld: %s: '%s' does not match --time-format '%s'"),
				im->path, p->line, im->time_name, p->cell, im->time_format);
		return CN_OK;
	}
	rc = cn_parse_form_time(p->cell, order, t);
	if (rc == CN_EDATA)
		return cn_set_error_field(im->ctx, CN_EDATA, im->time_name,
			_("%s:%ld: %s: '%s': day and month could be either way round and no row of the file settles it (a day over 12): give --time-format, e.g. '%%d/%%m/%%Y %%H:%%M:%%S'"),
			im->path, p->line, im->time_name, p->cell);
	if (rc)
		return cn_set_error_field(im->ctx, CN_EDATA, im->time_name,
			_("%s:%ld: %s: '%s' is not a time (YYYY-MM-DD HH:MM, DD/MM/YYYY HH:MM:SS ...)"),
			im->path, p->line, im->time_name, p->cell);
	return CN_OK;
}

/* The time cells, now that the whole file is read: each respondent gets
 * the earliest of its rows. */
static int settle_times(struct import *im)
{
	enum cn_dm_order order = CN_DM_UNSETTLED;
	time_t now = cn_now(im->ctx);
	int rc;

	if (!im->time_format && (rc = file_order(im, &order)))
		return rc;
	for (size_t i = 0; i < im->npend; i++) {
		const struct pending *p = &im->pend[i];
		time_t t;
		if ((rc = cell_time(im, p, order, &t)))
			return rc;
		if (t > now)
			return cn_set_error_field(im->ctx, CN_EDATA, im->time_name,
				_("%s:%ld: %s: '%s' is in the future"), im->path, p->line, im->time_name, p->cell);
		if (p->entry != NO_ENTRY && (!im->when[p->entry] || t < im->when[p->entry]))
			im->when[p->entry] = t;
	}
	return CN_OK;
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
	if (!(rc = campaign_load(ctx, campaign_key, &im->c)) &&
	    !(rc = progress_resp_load(ctx, im->c.id, &im->ix))) {
		im->when = xcalloc(im->ix.n ? im->ix.n : 1, sizeof *im->when);
		if (!(rc = read_rows(im, r, idcol, timecol, ncols)))
			rc = settle_times(im);
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
			    .time_name = opts ? opts->time_column : NULL,
			    .time_format = opts && opts->time_format && *opts->time_format ? opts->time_format : NULL};
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
	if ((rc = campaign_load(ctx, campaign_key, &im.c)) || (rc = apply(&im)))
		goto rollback;
	if (out->updated == 0) {
		db_rollback(ctx);
		goto done;
	}
	{
		struct audit_details details = {0};
		audit_kv(&details, "format", "generico");
		audit_kv(&details, "file", path);
		audit_kv_long(&details, "rows", out->rows);
		audit_kv_long(&details, "submitted", out->updated);
		audit_kv_long(&details, "unchanged", out->unchanged);
		audit_kv_long(&details, "unresolved", (long long)out->nunresolved);
		rc = audit_write(ctx, "status.import", "campaign", im.c.key, &details);
		audit_details_free(&details);
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
	free(im.pend);
	progress_resp_free(&im.ix);
	csv_close(r);
	free(data);
	return rc;
}
