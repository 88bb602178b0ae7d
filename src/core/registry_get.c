/* One comune's whole record, and the registry's counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_internal.h"
#include "centralino/xalloc.h"

void registry_comune_free(struct registry_comune *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->name_other);
	free(c->regione);
	free(c->ripartizione);
	free(c->provincia);
	free(c->cadastral);
	free(c->added_on);
	free(c->updated_on);
	free(c->suppressed_on);
	free(c->ambito_code);
	free(c->ambito_name);
	free(c->capofila_name);
	for (size_t i = 0; i < c->nformer; i++)
		free(c->former_names[i]);
	free(c->former_names);
	free(c->successor_name);
	free(c->successor_since);
	for (size_t i = 0; i < c->npredecessors; i++) {
		free(c->predecessors[i].name);
		free(c->predecessors[i].since);
	}
	free(c->predecessors);
	memset(c, 0, sizeof *c);
}

static int load_formers(struct cn_ctx *ctx, struct registry_comune *c)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT name FROM comune_former_name WHERE istat = ? ORDER BY until, name")))
		return rc;
	sqlite3_bind_text(st, 1, c->istat, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nformer == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			char **v = xrealloc(c->former_names, ncap * sizeof *v);
			c->former_names = v;
			cap = ncap;
		}
		if (!(c->former_names[c->nformer] = db_col_dup(st, 0)))
			break;
		c->nformer++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

int registry_get(struct cn_ctx *ctx, const char *istat, struct registry_comune *c)
{
	static const char sql[] =
		"SELECT c.istat, c.name, c.name_other, c.regione_code, r.name, r.ripartizione_code,"
		" r.ripartizione, c.provincia_code, p.name, p.sigla, c.cadastral, c.capoluogo,"
		" c.population, c.added_on, c.updated_on, c.suppressed_on,"
		" a.code, a.name, m.capofila, cf.istat, cf.name"
		" FROM comune c"
		" JOIN regione r ON r.code = c.regione_code"
		" JOIN provincia p ON p.code = c.provincia_code"
		" LEFT JOIN ambito_member m ON m.istat = c.istat"
		" LEFT JOIN ambito a ON a.code = m.ambito_code"
		" LEFT JOIN ambito_member cm ON cm.ambito_code = a.code AND cm.capofila = 1"
		" LEFT JOIN comune cf ON cf.istat = cm.istat"
		" WHERE c.istat = ?";
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the registry"))))
		return rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_text(st, 1, istat, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(c->istat, sizeof c->istat, "%s", db_col(st, 0));
		c->name = db_col_dup(st, 1);
		c->name_other = db_col_dup(st, 2);
		snprintf(c->regione_code, sizeof c->regione_code, "%s", db_col(st, 3));
		c->regione = db_col_dup(st, 4);
		snprintf(c->ripartizione_code, sizeof c->ripartizione_code, "%s", db_col(st, 5));
		c->ripartizione = db_col_dup(st, 6);
		snprintf(c->provincia_code, sizeof c->provincia_code, "%s", db_col(st, 7));
		c->provincia = db_col_dup(st, 8);
		snprintf(c->sigla, sizeof c->sigla, "%s", db_col(st, 9));
		c->cadastral = db_col_dup(st, 10);
		c->capoluogo = sqlite3_column_int(st, 11);
		c->population = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 12);
		c->added_on = db_col_dup(st, 13);
		c->updated_on = db_col_dup(st, 14);
		c->suppressed_on = db_col_dup(st, 15);
		c->ambito_code = db_col_dup(st, 16);
		c->ambito_name = db_col_dup(st, 17);
		c->capofila = sqlite3_column_int(st, 18);
		snprintf(c->capofila_istat, sizeof c->capofila_istat, "%s", db_col(st, 19));
		c->capofila_name = db_col_dup(st, 20);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cn_set_error(ctx, CN_ENOINPUT, _("no comune with ISTAT code '%s'"), istat);
	if (rc != SQLITE_ROW) {
		registry_comune_free(c);
		return db_fail(ctx, _("reading the registry"));
	}
	if (!c->name || !c->regione || !c->provincia || !c->ripartizione || !c->added_on || !c->updated_on) {
		registry_comune_free(c);
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	}
	if ((rc = load_formers(ctx, c)) || (rc = registry_load_successors(ctx, c)))
		registry_comune_free(c);
	return rc;
}

int registry_stats(struct cn_ctx *ctx, struct registry_stats *out)
{
	static const char sql[] =
		"SELECT"
		" (SELECT count(*) FROM comune WHERE suppressed_on IS NULL),"
		" (SELECT count(*) FROM comune WHERE suppressed_on IS NOT NULL),"
		" (SELECT count(DISTINCT regione_code) FROM comune WHERE suppressed_on IS NULL),"
		" (SELECT count(DISTINCT provincia_code) FROM comune WHERE suppressed_on IS NULL),"
		" (SELECT count(*) FROM ambito),"
		" (SELECT count(*) FROM comune WHERE suppressed_on IS NULL AND name_other IS NOT NULL),"
		" (SELECT count(*) FROM comune WHERE suppressed_on IS NULL AND capoluogo = 1),"
		" (SELECT count(*) FROM comune_former_name)";
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the registry"))))
		return rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->comuni_active = sqlite3_column_int64(st, 0);
		out->comuni_suppressed = sqlite3_column_int64(st, 1);
		out->regions = sqlite3_column_int64(st, 2);
		out->provinces = sqlite3_column_int64(st, 3);
		out->ambiti = sqlite3_column_int64(st, 4);
		out->bilingual = sqlite3_column_int64(st, 5);
		out->capoluoghi = sqlite3_column_int64(st, 6);
		out->former_names = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CN_OK : db_fail(ctx, _("reading the registry"));
}

int registry_region_stats(struct cn_ctx *ctx, struct registry_region_stat **out, size_t *nout)
{
	static const char sql[] =
		"SELECT r.code, r.name,"
		" count(c.istat) FILTER (WHERE c.suppressed_on IS NULL),"
		" count(c.istat) FILTER (WHERE c.suppressed_on IS NOT NULL),"
		" count(DISTINCT c.provincia_code) FILTER (WHERE c.suppressed_on IS NULL)"
		" FROM regione r LEFT JOIN comune c ON c.regione_code = r.code"
		" GROUP BY r.code ORDER BY r.code";
	struct registry_region_stat *v = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the registry"))))
		return rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct registry_region_stat *nv = xrealloc(v, ncap * sizeof *nv);
			v = nv;
			cap = ncap;
		}
		snprintf(v[n].code, sizeof v[n].code, "%s", db_col(st, 0));
		if (!(v[n].name = db_col_dup(st, 1)))
			break;
		v[n].active = sqlite3_column_int64(st, 2);
		v[n].suppressed = sqlite3_column_int64(st, 3);
		v[n].provinces = sqlite3_column_int64(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		registry_region_stats_free(v, n);
		return rc == SQLITE_ROW ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					: db_fail(ctx, _("reading the registry"));
	}
	*out = v;
	*nout = n;
	return CN_OK;
}

void registry_region_stats_free(struct registry_region_stat *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

char *registry_respondent_name(struct cn_ctx *ctx, const char *respondent_id)
{
	sqlite3_stmt *st;
	char *name = NULL;
	if (db_prepare(ctx, &st, "SELECT name FROM respondent WHERE id = ?") == CN_OK) {
		db_bind_text(st, 1, respondent_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			name = db_col_dup(st, 0);
		sqlite3_finalize(st);
	}
	return name ? name : xstrdup("");
}
