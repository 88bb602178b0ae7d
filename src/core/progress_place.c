/* Where each respondent stands: regione, provincia, ambito, ripartizione,
 * capofila, population. Read once per registry version and kept on the
 * context, so a report or a dashboard refresh reads only the campaign's
 * statuses (8,000 rows) instead of joining the registry every time. */
#define _GNU_SOURCE /* qsort_r */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_internal.h"
#include "registry_internal.h"
#include "centralino/xalloc.h"

enum { G_REGIONE, G_PROVINCIA, G_AMBITO, G_RIPARTIZIONE };

static void places_free(void *p)
{
	struct places *pl = p;
	if (!pl)
		return;
	for (size_t i = 0; i < pl->n; i++) {
		free(pl->v[i].id);
		free(pl->v[i].name);
		free(pl->v[i].folded);
	}
	free(pl->v);
	for (int g = 0; g < PLACE_NGROUPINGS; g++) {
		for (size_t i = 0; i < pl->ngroups[g]; i++) {
			free(pl->groups[g][i].key);
			free(pl->groups[g][i].label);
			free(pl->groups[g][i].sigla);
			free(pl->groups[g][i].order);
		}
		free(pl->groups[g]);
	}
	free(pl);
}

/* Group keys sorted for lookups while the places are read. */
struct keyidx {
	const char *key;
	int i;
};

static int cmp_keyidx(const void *a, const void *b)
{
	return strcmp(((const struct keyidx *)a)->key, ((const struct keyidx *)b)->key);
}

static int lookup(const struct keyidx *ix, size_t n, const char *key)
{
	struct keyidx probe = {key, 0}, *hit;
	if (!key || !*key)
		return -1;
	hit = bsearch(&probe, ix, n, sizeof *ix, cmp_keyidx);
	return hit ? hit->i : -1;
}

static struct keyidx *index_groups(const struct places *pl, int g)
{
	struct keyidx *ix = xmalloc((pl->ngroups[g] + 1) * sizeof *ix);
	for (size_t i = 0; i < pl->ngroups[g]; i++) {
		ix[i].key = pl->groups[g][i].key;
		ix[i].i = (int)i;
	}
	qsort(ix, pl->ngroups[g], sizeof *ix, cmp_keyidx);
	return ix;
}

/* Rows of (key, label, sigla, order, capofila istat) into a grouping. */
static int load_groups(struct cn_ctx *ctx, struct places *pl, int g, const char *sql,
		       char ***capofila)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct place_group *x;
		if (pl->ngroups[g] == cap) {
			cap = cap ? cap * 2 : 32;
			pl->groups[g] = xrealloc(pl->groups[g], cap * sizeof *pl->groups[g]);
			if (capofila)
				*capofila = xrealloc(*capofila, cap * sizeof **capofila);
		}
		x = &pl->groups[g][pl->ngroups[g]];
		memset(x, 0, sizeof *x);
		x->capofila = -1;
		x->key = db_col_dup(st, 0);
		x->label = db_col_dup(st, 1);
		x->sigla = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : db_col_dup(st, 2);
		x->order = db_col_dup(st, 3);
		if (capofila)
			(*capofila)[pl->ngroups[g]] = sqlite3_column_type(st, 4) == SQLITE_NULL ? NULL : db_col_dup(st, 4);
		pl->ngroups[g]++;
		if (!x->key || !x->label || !x->order)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

/* A second scan walked in step with the respondents (both in id order). */
struct cursor {
	sqlite3_stmt *st;
	int row;          /* 1 on a row, 0 past the end, -1 an error */
};

static void cursor_next(struct cursor *c)
{
	int rc = sqlite3_step(c->st);
	c->row = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Moves c to the row whose first column is id; 1 when found. */
static int cursor_seek(struct cursor *c, const char *id)
{
	while (c->row == 1 && strcmp(db_col(c->st, 0), id) < 0)
		cursor_next(c);
	return c->row == 1 && strcmp(db_col(c->st, 0), id) == 0;
}

/* Three scans in primary-key order merged here: the registry is read
 * without one index lookup per respondent. */
static int load_places(struct cn_ctx *ctx, struct places *pl, struct keyidx *const ix[PLACE_NGROUPINGS],
		       const int *rip_of_regione, long *pop[2])
{
	sqlite3_stmt *st = NULL;
	struct cursor com = {0}, mem = {0};
	size_t cap = 0;
	int rc;

	if ((rc = db_prepare(ctx, &st, "SELECT id, kind, name, folded, active FROM respondent ORDER BY id")) ||
	    (rc = db_prepare(ctx, &com.st,
		"SELECT istat, regione_code, provincia_code, population FROM comune ORDER BY istat")) ||
	    (rc = db_prepare(ctx, &mem.st, "SELECT istat, ambito_code, capofila FROM ambito_member ORDER BY istat")))
		goto done;
	cursor_next(&com);
	cursor_next(&mem);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = db_col(st, 0), *kind = db_col(st, 1);
		struct place *p;
		if (pl->n == cap) {
			size_t ncap = cap ? cap * 2 : 8192;
			struct place *np = xrealloc(pl->v, ncap * sizeof *np);
			pl->v = np;
			cap = ncap;
		}
		p = &pl->v[pl->n++];
		memset(p, 0, sizeof *p);
		for (int g = 0; g < PLACE_NGROUPINGS; g++)
			p->grp[g] = -1;
		p->id = xstrdup(id);
		p->name = db_col_dup(st, 2);
		p->folded = db_col_dup(st, 3);
		if (!p->name || !p->folded)
			break;
		p->population = -1;
		if (strcmp(kind, "comune") == 0) {
			p->kind = 'c';
			if (cursor_seek(&com, id)) {
				p->grp[G_REGIONE] = lookup(ix[G_REGIONE], pl->ngroups[G_REGIONE], db_col(com.st, 1));
				p->grp[G_PROVINCIA] = lookup(ix[G_PROVINCIA], pl->ngroups[G_PROVINCIA], db_col(com.st, 2));
				if (sqlite3_column_type(com.st, 3) != SQLITE_NULL)
					p->population = (long)sqlite3_column_int64(com.st, 3);
			}
			if (cursor_seek(&mem, id)) {
				p->grp[G_AMBITO] = lookup(ix[G_AMBITO], pl->ngroups[G_AMBITO], db_col(mem.st, 1));
				p->capofila = sqlite3_column_int(mem.st, 2);
			}
			if (sqlite3_column_int(st, 4) && p->population > 0) {
				if (p->grp[G_AMBITO] >= 0)
					pop[0][p->grp[G_AMBITO]] += p->population;
				if (p->grp[G_REGIONE] >= 0)
					pop[1][p->grp[G_REGIONE]] += p->population;
			}
		} else if (strcmp(kind, "ambito") == 0) {
			p->kind = 'a';
			p->grp[G_AMBITO] = lookup(ix[G_AMBITO], pl->ngroups[G_AMBITO], id + 4);
		} else {
			p->kind = 'r';
			p->grp[G_REGIONE] = lookup(ix[G_REGIONE], pl->ngroups[G_REGIONE], id + 4);
		}
		if (p->grp[G_REGIONE] >= 0)
			p->grp[G_RIPARTIZIONE] = rip_of_regione[p->grp[G_REGIONE]];
	}
	if (rc == SQLITE_ROW)
		rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	else if (rc != SQLITE_DONE || com.row < 0 || mem.row < 0)
		rc = db_fail(ctx, _("reading the registry"));
	else
		rc = CN_OK;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(com.st);
	sqlite3_finalize(mem.st);
	return rc;
}

static int cmp_name(const void *a, const void *b, void *places)
{
	const struct places *pl = places;
	const struct place *x = &pl->v[*(const int *)a], *y = &pl->v[*(const int *)b];
	int c = strcmp(x->folded, y->folded);
	return c ? c : strcmp(x->id, y->id);
}

/* Each place's position by name, so that sorting by name later compares
 * two integers. */
static void rank_names(struct places *pl)
{
	int *order = xmalloc((pl->n + 1) * sizeof *order);
	for (size_t i = 0; i < pl->n; i++)
		order[i] = (int)i;
	qsort_r(order, pl->n, sizeof *order, cmp_name, pl);
	for (size_t i = 0; i < pl->n; i++)
		pl->v[order[i]].name_rank = (int)i;
	free(order);
}

/* Ambiti stand where their capofila stands; populations add up. */
static void derive(struct places *pl, char **capofila, long *pop[2])
{
	for (size_t i = 0; i < pl->ngroups[G_AMBITO]; i++)
		pl->groups[G_AMBITO][i].capofila = capofila[i] ? progress_places_find(pl, capofila[i]) : -1;
	for (size_t i = 0; i < pl->n; i++) {
		struct place *p = &pl->v[i];
		if (p->kind == 'a' && p->grp[G_AMBITO] >= 0) {
			int cap = pl->groups[G_AMBITO][p->grp[G_AMBITO]].capofila;
			p->population = pop[0][p->grp[G_AMBITO]];
			if (cap >= 0) {
				p->grp[G_REGIONE] = pl->v[cap].grp[G_REGIONE];
				p->grp[G_PROVINCIA] = pl->v[cap].grp[G_PROVINCIA];
				p->grp[G_RIPARTIZIONE] = pl->v[cap].grp[G_RIPARTIZIONE];
			}
		} else if (p->kind == 'r' && p->grp[G_REGIONE] >= 0) {
			p->population = pop[1][p->grp[G_REGIONE]];
		}
	}
}

static int build(struct cn_ctx *ctx, struct places *pl)
{
	struct keyidx *ix[PLACE_NGROUPINGS] = {0};
	char **capofila = NULL;
	int *rip_of_regione = NULL;
	long *pop[2] = {NULL, NULL};
	int rc;

	if ((rc = load_groups(ctx, pl, G_REGIONE,
		"SELECT code, name, NULL, code FROM regione ORDER BY code", NULL)) ||
	    (rc = load_groups(ctx, pl, G_PROVINCIA,
		"SELECT code, name, sigla, code FROM provincia ORDER BY code", NULL)) ||
	    (rc = load_groups(ctx, pl, G_RIPARTIZIONE,
		"SELECT ripartizione_code, min(ripartizione), NULL, ripartizione_code FROM regione"
		" GROUP BY ripartizione_code ORDER BY ripartizione_code", NULL)) ||
	    (rc = load_groups(ctx, pl, G_AMBITO,
		"SELECT a.code, a.name, NULL, a.folded, m.istat FROM ambito a"
		" LEFT JOIN ambito_member m ON m.ambito_code = a.code AND m.capofila = 1"
		" ORDER BY a.folded, a.code", &capofila)))
		goto done;
	for (int g = 0; g < PLACE_NGROUPINGS; g++)
		ix[g] = index_groups(pl, g);
	rip_of_regione = xcalloc(pl->ngroups[G_REGIONE] + 1, sizeof *rip_of_regione);
	pop[0] = xcalloc(pl->ngroups[G_AMBITO] + 1, sizeof *pop[0]);
	pop[1] = xcalloc(pl->ngroups[G_REGIONE] + 1, sizeof *pop[1]);
	{
		/* each regione's ripartizione */
		sqlite3_stmt *st;
		if ((rc = db_prepare(ctx, &st, "SELECT ripartizione_code FROM regione ORDER BY code")))
			goto done;
		for (size_t i = 0; sqlite3_step(st) == SQLITE_ROW && i < pl->ngroups[G_REGIONE]; i++)
			rip_of_regione[i] = lookup(ix[G_RIPARTIZIONE], pl->ngroups[G_RIPARTIZIONE], db_col(st, 0));
		sqlite3_finalize(st);
	}
	if ((rc = load_places(ctx, pl, ix, rip_of_regione, pop)))
		goto done;
	derive(pl, capofila, pop);
done:
	for (int g = 0; g < PLACE_NGROUPINGS; g++)
		free(ix[g]);
	for (size_t i = 0; capofila && i < pl->ngroups[G_AMBITO]; i++)
		free(capofila[i]);
	free(capofila);
	free(rip_of_regione);
	free(pop[0]);
	free(pop[1]);
	return rc;
}

int progress_places_get(struct cn_ctx *ctx, int names, const struct places **out)
{
	struct cn_cache *c = &ctx->cache[CN_CACHE_PROGRESS];
	struct places *pl = c->p;
	char now[64];
	int rc;

	if ((rc = registry_gen_read(ctx, now, sizeof now)))
		return rc;
	if (pl && strcmp(pl->stamp, now) == 0)
		goto ready;
	places_free(pl);
	c->p = NULL;
	pl = xcalloc(1, sizeof *pl);
	if ((rc = build(ctx, pl))) {
		places_free(pl);
		return rc;
	}
	snprintf(pl->stamp, sizeof pl->stamp, "%s", now);
	c->p = pl;
	c->free = places_free;
ready:
	if (names && !pl->ranked) {
		rank_names(pl);
		pl->ranked = 1;
	}
	*out = pl;
	return CN_OK;
}

int progress_places_find(const struct places *pl, const char *id)
{
	size_t lo = 0, hi = pl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(pl->v[mid].id, id);
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int progress_places_group(const struct places *pl, enum progress_by by, const char *key)
{
	if (!key)
		return -1;
	for (size_t i = 0; i < pl->ngroups[by]; i++)
		if (strcmp(pl->groups[by][i].key, key) == 0)
			return (int)i;
	return -2;
}
