/* The preview of an import (preview.h): run it held, read the differences,
 * roll everything back. The hold starts where the import starts writing:
 * the file is read and checked without the write lock, as in a real
 * import. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "campaign_internal.h"
#include "centralino/preview.h"
#include "centralino/progress.h"
#include "centralino/xalloc.h"

struct snapshot {
	const char *drop, *take;      /* before the import */
	const char *diff[PREVIEW_NLISTS]; /* after it: id, name, now, was; NULL: not for this subject */
};

static const struct snapshot snapshots[] = {
	[PREVIEW_REGISTRY] = {
		"DROP TABLE IF EXISTS temp.pv_comune",
		"CREATE TEMP TABLE pv_comune AS SELECT istat, name, suppressed_on FROM comune",
		{
		[PREVIEW_ADDED] = "SELECT c.istat, c.name, NULL, NULL FROM comune c"
			" WHERE c.istat NOT IN (SELECT istat FROM temp.pv_comune) ORDER BY c.istat",
		[PREVIEW_SUPPRESSED] = "SELECT c.istat, c.name, NULL, NULL FROM comune c JOIN temp.pv_comune p"
			" ON p.istat = c.istat WHERE p.suppressed_on IS NULL AND c.suppressed_on IS NOT NULL"
			" ORDER BY c.istat",
		[PREVIEW_RENAMED] = "SELECT c.istat, c.name, NULL, p.name FROM comune c JOIN temp.pv_comune p"
			" ON p.istat = c.istat WHERE c.name <> p.name ORDER BY c.istat",
		[PREVIEW_RESTORED] = "SELECT c.istat, c.name, NULL, NULL FROM comune c JOIN temp.pv_comune p"
			" ON p.istat = c.istat WHERE p.suppressed_on IS NOT NULL AND c.suppressed_on IS NULL"
			" ORDER BY c.istat",
		}},
	[PREVIEW_AMBITI] = {
		"DROP TABLE IF EXISTS temp.pv_member; DROP TABLE IF EXISTS temp.pv_ambito",
		"CREATE TEMP TABLE pv_member AS SELECT istat, ambito_code, capofila FROM ambito_member;"
		"CREATE TEMP TABLE pv_ambito AS SELECT code, name FROM ambito",
		{
		[PREVIEW_ADDED] = "SELECT 'AMB:' || a.code, a.name,"
			" (SELECT count(*) FROM ambito_member m WHERE m.ambito_code = a.code), NULL FROM ambito a"
			" WHERE a.code NOT IN (SELECT code FROM temp.pv_ambito) ORDER BY a.code",
		[PREVIEW_CHANGED] = "SELECT 'AMB:' || a.code, a.name,"
			" (SELECT count(*) FROM ambito_member m WHERE m.ambito_code = a.code),"
			" (SELECT count(*) FROM temp.pv_member p WHERE p.ambito_code = a.code)"
			" FROM ambito a JOIN temp.pv_ambito o ON o.code = a.code"
			" WHERE a.name <> o.name"
			" OR EXISTS (SELECT istat, capofila FROM ambito_member WHERE ambito_code = a.code"
			"            EXCEPT SELECT istat, capofila FROM temp.pv_member WHERE ambito_code = a.code)"
			" OR EXISTS (SELECT istat, capofila FROM temp.pv_member WHERE ambito_code = a.code"
			"            EXCEPT SELECT istat, capofila FROM ambito_member WHERE ambito_code = a.code)"
			" ORDER BY a.code",
		}},
	[PREVIEW_CONTACTS] = {
		"DROP TABLE IF EXISTS temp.pv_contact",
		"CREATE TEMP TABLE pv_contact AS SELECT coalesce(max(id), 0) AS top FROM contact",
		{
		[PREVIEW_ADDED] = "SELECT c.respondent_id, r.name, c.kind || ': ' || c.value, NULL"
			" FROM contact c JOIN respondent r ON r.id = c.respondent_id"
			" WHERE c.id > (SELECT top FROM temp.pv_contact) ORDER BY c.respondent_id, c.id",
		}},
	[PREVIEW_STATUSES] = {
		"DROP TABLE IF EXISTS temp.pv_status",
		"CREATE TEMP TABLE pv_status AS SELECT respondent_id, status, screened_out"
		" FROM campaign_respondent WHERE campaign_id = ?1",
		{
#define PV_STATUS(cond) "SELECT cr.respondent_id, r.name, NULL, p.status FROM campaign_respondent cr" \
			" JOIN temp.pv_status p ON p.respondent_id = cr.respondent_id" \
			" JOIN respondent r ON r.id = cr.respondent_id" \
			" WHERE cr.campaign_id = ?1 AND " cond " ORDER BY cr.respondent_id"
		[PREVIEW_INVIATO] = PV_STATUS("cr.status = 'inviato' AND p.status <> 'inviato'"),
		[PREVIEW_SCREENED] = PV_STATUS("cr.screened_out = 1 AND p.screened_out = 0"),
		[PREVIEW_ISSUED] = PV_STATUS("cr.status = 'codice_emesso' AND p.status <> 'codice_emesso'"),
#undef PV_STATUS
		}},
};

/* Runs one or more statements (the snapshots), ?1 bound to the campaign. */
static int exec_bound(struct cn_ctx *ctx, const char *sql, long long campaign_id)
{
	const char *tail = sql;
	int rc = CN_OK;

	while (!rc && tail && *tail) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(ctx->db, tail, -1, &st, &tail) != SQLITE_OK)
			return db_fail(ctx, _("reading what the import would change"));
		if (!st)
			break;
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_int64(st, 1, campaign_id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(ctx, _("reading what the import would change"));
		sqlite3_finalize(st);
	}
	return rc;
}

static int collect(struct cn_ctx *ctx, const char *sql, long long campaign_id, struct preview *out,
		   enum preview_list l)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, campaign_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n[l] == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct preview_item *v = xrealloc(out->v[l], ncap * sizeof *v);
			out->v[l] = v;
			cap = ncap;
		}
		struct preview_item *it = &out->v[l][out->n[l]++];
		it->id = db_col_dup(st, 0);
		it->name = db_col_dup(st, 1);
		it->now = db_col_dup(st, 2);
		it->was = db_col_dup(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading what the import would change"));
}

/* What the import will be compared with, taken under the write lock just
 * before its first change. */
struct before {
	const struct snapshot *s;
	long long cid;
};

static int take_before(struct cn_ctx *ctx, void *arg)
{
	const struct before *b = arg;
	int rc = exec_bound(ctx, b->s->drop, b->cid);
	return rc ? rc : exec_bound(ctx, b->s->take, b->cid);
}

int preview_import(struct cn_ctx *ctx, enum preview_subject what, const char *campaign_key,
		   int (*import)(struct cn_ctx *ctx, void *arg), void *arg, struct preview *out)
{
	const struct snapshot *s = &snapshots[what];
	struct before b = {s, 0};
	long long cid = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (what == PREVIEW_STATUSES) {
		struct campaign c;
		if ((rc = campaign_load(ctx, campaign_key, &c)))
			return rc;
		b.cid = cid = c.id;
	}
	db_hold_at_first_write(ctx, take_before, &b);
	/* an import that wrote nothing changes nothing: no list */
	if (!(rc = import(ctx, arg)) && ctx->tx_hold) {
		for (int l = 0; !rc && l < PREVIEW_NLISTS; l++)
			if (s->diff[l])
				rc = collect(ctx, s->diff[l], cid, out, (enum preview_list)l);
	}
	/* nothing of the import nor of the snapshot is kept */
	db_release(ctx, 0);
	if (rc)
		preview_free(out);
	return rc;
}

void preview_free(struct preview *p)
{
	for (int l = 0; l < PREVIEW_NLISTS; l++) {
		for (size_t i = 0; i < p->n[l]; i++) {
			free(p->v[l][i].id);
			free(p->v[l][i].name);
			free(p->v[l][i].now);
			free(p->v[l][i].was);
		}
		free(p->v[l]);
		p->v[l] = NULL;
		p->n[l] = 0;
	}
}

const char *preview_list_title(enum preview_list l)
{
	switch (l) {
	case PREVIEW_ADDED: return _("added");
	case PREVIEW_SUPPRESSED: return _("suppressed");
	case PREVIEW_RENAMED: return _("renamed");
	case PREVIEW_RESTORED: return _("back on the list");
	case PREVIEW_CHANGED: return _("members change");
	case PREVIEW_INVIATO: return _("become inviato");
	case PREVIEW_SCREENED: return _("become screened out");
	case PREVIEW_ISSUED: return _("become codice_emesso");
	default: return "?";
	}
}
