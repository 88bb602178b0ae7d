/* LimeSurvey's participant export read back: who submitted, who was
 * screened out, whose code LimeSurvey e-mailed. See limesurvey.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "import_internal.h"
#include "centralino/clock.h"
#include "centralino/csv.h"
#include "centralino/limesurvey.h"
#include "centralino/xalloc.h"

void limesurvey_import_summary_free(struct limesurvey_import_summary *s)
{
	for (size_t i = 0; i < s->nunknown; i++) {
		free(s->unknown[i].token);
		free(s->unknown[i].note);
	}
	free(s->unknown);
	s->unknown = NULL;
	s->nunknown = 0;
}

/* What the file says about one respondent, merged over its tokens. */
struct seen {
	char id[RESPONDENT_ID_BUFSZ];
	int rank;                 /* 0 nothing, 1 issued, 3 submitted */
	int screened;
	char submitted_at[21];    /* earliest time given, UTC ISO; "" none */
};

struct seen_set {
	size_t n, cap;
	struct seen *v;
};

/* One entry per token row; merged per respondent after sorting. */
static struct seen *seen_add(struct seen_set *s, const char *id)
{
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, ncap * sizeof *s->v);
		s->cap = ncap;
	}
	memset(&s->v[s->n], 0, sizeof s->v[0]);
	snprintf(s->v[s->n].id, sizeof s->v[0].id, "%s", id);
	return &s->v[s->n++];
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->id, ((const struct seen *)b)->id);
}

/* Sorts and folds the entries of a respondent with several tokens into
 * one: the furthest status, screened if any, the earliest time. */
static void seen_merge(struct seen_set *s)
{
	size_t o = 0;
	if (s->n == 0)
		return; /* no known token: s->v is NULL, which qsort may not take */
	qsort(s->v, s->n, sizeof s->v[0], by_id);
	for (size_t i = 0; i < s->n; i++) {
		struct seen *m = &s->v[o], *e = &s->v[i];
		if (i == 0 || strcmp(m->id, e->id) != 0) {
			if (i)
				m = &s->v[++o];
			if (m != e)
				*m = *e;
			continue;
		}
		if (e->rank > m->rank)
			m->rank = e->rank;
		m->screened |= e->screened;
		if (e->submitted_at[0] && (!m->submitted_at[0] || strcmp(e->submitted_at, m->submitted_at) < 0))
			memcpy(m->submitted_at, e->submitted_at, sizeof m->submitted_at);
	}
	s->n = s->n ? o + 1 : 0;
}

static void add_unknown(struct limesurvey_import_summary *out, long line, const char *token, const char *note)
{
	struct limesurvey_unknown *v = out->unknown = xrealloc(out->unknown, (out->nunknown + 1) * sizeof *v);
	v[out->nunknown].line = line;
	v[out->nunknown].token = xstrdup(token);
	v[out->nunknown].note = xstrdup(note);
	out->nunknown++;
}

/* The header's column name: " attribute_1 <Codice>" -> "attribute_1". */
static void column_name(const char *h, char *out, size_t outsz)
{
	size_t o = 0;
	while (*h == ' ' || *h == '\t')
		h++;
	for (; *h && *h != ' ' && *h != '\t' && o + 1 < outsz; h++)
		out[o++] = (char)(*h >= 'A' && *h <= 'Z' ? *h + 32 : *h);
	out[o] = '\0';
}

enum completed { DONE_NO, DONE_YES, DONE_QUOTA };

/* N, Y, Q or "YYYY-MM-DD HH:MM[:SS]" (LimeSurvey's local time). */
static int parse_completed(const char *s, enum completed *c, char iso[21])
{
	time_t t;
	iso[0] = '\0';
	if (strcmp(s, "N") == 0 || strcmp(s, "") == 0) {
		*c = DONE_NO;
		return 0;
	}
	if (strcmp(s, "Y") == 0) {
		*c = DONE_YES;
		return 0;
	}
	if (strcmp(s, "Q") == 0) {
		*c = DONE_QUOTA;
		return 0;
	}
	if (strlen(s) >= 16 && s[10] == ' ' && cn_parse_time(s, &t) == CN_OK) {
		*c = DONE_YES;
		cn_fmt_iso(t, iso);
		return 0;
	}
	return -1;
}

struct token_row {
	int found;
	long long campaign_id;
	char campaign_key[41];
	char respondent_id[RESPONDENT_ID_BUFSZ];
	int active, given;
};

static int token_lookup(struct cn_ctx *ctx, sqlite3_stmt *st, const char *token, struct token_row *t)
{
	int rc;
	memset(t, 0, sizeof *t);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, token, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->found = 1;
		t->campaign_id = sqlite3_column_int64(st, 0);
		snprintf(t->campaign_key, sizeof t->campaign_key, "%s", db_col(st, 1));
		snprintf(t->respondent_id, sizeof t->respondent_id, "%s", db_col(st, 2));
		t->active = sqlite3_column_int(st, 3);
		t->given = sqlite3_column_int(st, 4);
	} else if (rc != SQLITE_DONE) {
		return db_fail(ctx, _("looking up the tokens"));
	}
	return CN_OK;
}

static int rank_of(const char *status)
{
	if (strcmp(status, "codice_emesso") == 0)
		return 1;
	if (strcmp(status, "in_compilazione") == 0)
		return 2;
	if (strcmp(status, "inviato") == 0)
		return 3;
	return 0;
}

/* Applies what the file says to one respondent. */
static int apply(struct cn_ctx *ctx, long long campaign_id, const struct seen *s,
		 struct limesurvey_import_summary *out)
{
	static const char *const by_rank[4] = {"nessun_codice", "codice_emesso", "in_compilazione", "inviato"};
	sqlite3_stmt *st;
	char status[16], source[16], submitted[21], now[21];
	int screened, rc, rank, new_rank, new_screened;
	const char *new_submitted;

	if ((rc = db_prepare(ctx, &st,
		"SELECT status, coalesce(status_source, ''), coalesce(submitted_at, ''), screened_out"
		"  FROM campaign_respondent WHERE campaign_id = ? AND respondent_id = ?")))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	db_bind_text(st, 2, s->id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the statuses"));
	}
	snprintf(status, sizeof status, "%s", db_col(st, 0));
	snprintf(source, sizeof source, "%s", db_col(st, 1));
	snprintf(submitted, sizeof submitted, "%s", db_col(st, 2));
	screened = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);

	rank = rank_of(status);
	new_rank = s->rank > rank ? s->rank : rank;
	if (s->screened && new_rank < 1)
		new_rank = 1;
	new_screened = screened || s->screened;
	/* LimeSurvey's time of submission is a fact: it replaces the stand-in
	 * the schema puts in when a "Y" came without one. */
	new_submitted = submitted;
	if (new_rank == 3 && s->submitted_at[0] &&
	    (rank < 3 || (strcmp(source, "manuale") && strcmp(source, "generico"))))
		new_submitted = s->submitted_at;
	if (new_rank == rank && new_screened == screened && strcmp(new_submitted, submitted) == 0) {
		out->unchanged++;
		return CN_OK;
	}
	/* A person's decision stands (the schema skips such updates, see
	 * 004_progress.sql) — except a submission, which is a fact. */
	if ((strcmp(status, "esonerato") == 0 || strcmp(status, "inviato") == 0) &&
	    (strcmp(source, "manuale") == 0 || strcmp(source, "generico") == 0) &&
	    !(new_rank == 3 && rank < 3)) {
		out->kept++;
		return CN_OK;
	}
	if (strcmp(status, "esonerato") == 0 && new_rank < 3) {
		/* excused: only a submission moves it */
		out->kept++;
		return CN_OK;
	}
	if (new_rank == 3 && rank < 3)
		out->submitted++;
	else if (strcmp(new_submitted, submitted) != 0)
		out->times++;
	if (new_rank == 1 && rank < 1)
		out->issued++;
	if (new_screened && !screened)
		out->screened++;
	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"UPDATE campaign_respondent SET status = ?, status_at = ?, status_source = 'limesurvey',"
		" submitted_at = ?, screened_out = ? WHERE campaign_id = ? AND respondent_id = ?")))
		return rc;
	db_bind_text(st, 1, by_rank[new_rank]);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, new_submitted);
	sqlite3_bind_int(st, 4, new_screened);
	sqlite3_bind_int64(st, 5, campaign_id);
	db_bind_text(st, 6, s->id);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("updating the statuses"));
	sqlite3_finalize(st);
	return rc;
}

/* The header's columns: token and completed required, invited optional,
 * none twice. */
static int find_columns(struct cn_ctx *ctx, const char *path, const struct csv_record *rec, int col[3])
{
	static const char *const names[3] = {"token", "completed", "invited"};

	col[0] = col[1] = col[2] = -1;
	for (size_t i = 0; i < rec->nfields; i++) {
		char name[64];
		column_name(rec->fields[i], name, sizeof name);
		for (int k = 0; k < 3; k++) {
			if (strcmp(name, names[k]) != 0)
				continue;
			if (col[k] >= 0)
				return cn_set_error(ctx, CN_EDATA, _("%s:%ld: header: column '%s' twice"),
						    path, rec->line, names[k]);
			col[k] = (int)i;
		}
	}
	if (col[0] < 0 || col[1] < 0)
		return cn_set_error(ctx, CN_EDATA,
			_("%s:%ld: header: no '%s' column: is this LimeSurvey's participant export"
			  " (Survey participants > Export)?"), path, rec->line, col[0] < 0 ? "token" : "completed");
	return CN_OK;
}

/* A completion time LimeSurvey cannot have written: after now, or before
 * the campaign opened (a clock or a file gone wrong). */
static int check_when(struct cn_ctx *ctx, const struct campaign *c, const char *path, long line,
		      const char *completed, const char *when)
{
	char now[21], opened[21];
	time_t t;

	cn_now_iso(ctx, now);
	if (strcmp(when, now) > 0)
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: completed: '%s' is in the future"), path, line, completed);
	if (cn_parse_time(c->opens_on, &t) == CN_OK) {
		cn_fmt_iso(t, opened);
		if (strcmp(when, opened) < 0)
			return cn_set_error(ctx, CN_EDATA, _("%s:%ld: completed: '%s' is before the campaign opened (%s)"),
					    path, line, completed, c->opens_on);
	}
	return CN_OK;
}

/* One data row: its token looked up, what it says added to seen. */
static int take_row(struct cn_ctx *ctx, const struct campaign *c, sqlite3_stmt *look, const char *path,
		    const struct csv_record *rec, const int col[3], struct seen_set *seen,
		    struct limesurvey_import_summary *out)
{
	const char *token = csv_trim(rec->fields[col[0]]), *completed = csv_trim(rec->fields[col[1]]);
	const char *invited = col[2] >= 0 ? csv_trim(rec->fields[col[2]]) : "";
	struct token_row t;
	struct seen *s;
	enum completed done;
	char when[21];
	int rc;

	out->rows++;
	if (parse_completed(completed, &done, when))
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: completed: '%s' is not N, Y, Q or a time YYYY-MM-DD HH:MM"),
				    path, rec->line, completed);
	if (when[0] && (rc = check_when(ctx, c, path, rec->line, completed, when)))
		return rc;
	if (!*token) {
		out->no_token++;
		return CN_OK;
	}
	if ((rc = token_lookup(ctx, look, token, &t)))
		return rc;
	if (!t.found || t.campaign_id != c->id) {
		char note[128];
		if (t.found)
			snprintf(note, sizeof note, _("a code of campaign %s"), t.campaign_key);
		else
			snprintf(note, sizeof note, "%s", _("not a code given by the desk"));
		add_unknown(out, rec->line, token, note);
		return CN_OK;
	}
	if (!t.active)
		out->revoked_used++;
	s = seen_add(seen, t.respondent_id);
	if (done == DONE_YES) {
		s->rank = 3;
		memcpy(s->submitted_at, when, sizeof when);
	} else if (done == DONE_QUOTA) {
		s->screened = 1;
	} else if (t.active && (t.given || (*invited && strcmp(invited, "N") != 0))) {
		/* LimeSurvey holds it and the respondent has it (told by
		 * phone, or e-mailed by LimeSurvey) */
		if (s->rank < 1)
			s->rank = 1;
	}
	return CN_OK;
}

/* The whole file read and every token looked up, without the write lock
 * (the lookups see one snapshot of the codes). */
static int read_file(struct cn_ctx *ctx, const struct campaign *c, const char *path, const char *data,
		     size_t len, struct seen_set *seen, struct limesurvey_import_summary *out)
{
	struct csv_reader *r = NULL;
	struct csv_record rec;
	sqlite3_stmt *look = NULL;
	size_t nheader;
	int col[3], rc, got = 0, snapshot = 0;

	if ((rc = import_header(ctx, path, data, len, &r, &rec)))
		return rc;
	nheader = rec.nfields;
	/* a read transaction of its own, unless inside a caller's change
	 * (a dry run) */
	if (!(rc = find_columns(ctx, path, &rec, col)) && sqlite3_get_autocommit(ctx->db))
		snapshot = sqlite3_exec(ctx->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	if (!rc && !(rc = db_prepare(ctx, &look,
		"SELECT a.campaign_id, c.key, a.respondent_id, a.state = 'active', a.given_at IS NOT NULL"
		"  FROM access_code a JOIN campaign c ON c.id = a.campaign_id WHERE a.code = ?")))
		while ((got = import_next(ctx, path, r, &rec, nheader)) > 0)
			if ((rc = take_row(ctx, c, look, path, &rec, col, seen, out)))
				break;
	if (!rc && got < 0)
		rc = got;
	sqlite3_finalize(look);
	if (snapshot)
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	csv_close(r);
	return rc;
}

/* What the file said, applied in one short write transaction. */
static int write_seen(struct cn_ctx *ctx, const char *campaign_key, const char *path, struct seen_set *seen,
		      struct limesurvey_import_summary *out)
{
	struct campaign c;
	struct audit_details details = {0};
	int rc;

	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = campaign_load(ctx, campaign_key, &c)))
		goto fail;
	for (size_t i = 0; i < seen->n; i++)
		if ((rc = apply(ctx, c.id, &seen->v[i], out)))
			goto fail;
	if (!(out->submitted + out->times + out->issued + out->screened)) {
		db_rollback(ctx); /* the same file again: nothing changes, no trace */
		return CN_OK;
	}
	audit_kv(&details, "campaign", c.key);
	audit_kv(&details, "file", import_base_name(path));
	audit_kv_long(&details, "rows", out->rows);
	audit_kv_long(&details, "submitted", out->submitted);
	audit_kv_long(&details, "screened", out->screened);
	audit_kv_long(&details, "issued", out->issued);
	audit_kv_long(&details, "unknown", (long long)out->nunknown);
	if ((rc = audit_write(ctx, "status.import", "campaign", c.key, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	audit_details_free(&details);
	return CN_OK;
fail:
	db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}

/* From the file at path, or from mem (n bytes) when mem is not NULL. */
static int import_file(struct cn_ctx *ctx, const char *campaign_key, const char *path,
		       const char *mem, size_t n, struct limesurvey_import_summary *out)
{
	struct campaign c;
	struct seen_set seen = {0};
	char *data = NULL;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("import statuses"))) ||
	    (rc = import_load(ctx, path, mem, n, IMPORT_MAX_LIMESURVEY, &data, &len)))
		return rc;
	if (!(rc = campaign_load(ctx, campaign_key, &c)) &&
	    !(rc = read_file(ctx, &c, path, data, len, &seen, out))) {
		seen_merge(&seen);
		rc = write_seen(ctx, campaign_key, path, &seen, out);
	}
	free(data);
	free(seen.v);
	if (rc) {
		long rows = out->rows;
		limesurvey_import_summary_free(out);
		memset(out, 0, sizeof *out);
		out->rows = rows;
	}
	return rc;
}

int limesurvey_import(struct cn_ctx *ctx, const char *campaign_key, const char *path,
		      struct limesurvey_import_summary *out)
{
	return import_file(ctx, campaign_key, path, NULL, 0, out);
}

int limesurvey_import_mem(struct cn_ctx *ctx, const char *campaign_key, const char *name,
			  const char *bytes, size_t n, struct limesurvey_import_summary *out)
{
	return import_file(ctx, campaign_key, name, bytes ? bytes : "", n, out);
}
