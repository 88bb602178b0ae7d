/* The search index: every comune's folded names (Italian, other language,
 * both together, former names, the names of comuni merged into it), built
 * once per context and rebuilt only when the registry changes. Comuni are
 * kept largest first, so scanning in order meets them in ranking order
 * within a rank. The desk's own work (open calls, recent calls) is re-read
 * whenever anyone commits. */
#define _GNU_SOURCE /* qsort_r */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_index.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

static void rx_free(void *p)
{
	struct rx_index *x = p;
	if (!x)
		return;
	sqlite3_finalize(x->dv);
	free(x->c);
	free(x->k);
	free(x->keys);
	free(x->kstart);
	free(x->alpha);
	free(x->byistat);
	free(x->strings);
	free(x->areas);
	free(x->sigla);
	free(x->vocab);
	free(x->voff);
	free(x->vmask);
	free(x->vlen);
	free(x->kwords);
	free(x->vkeys0);
	free(x->vkeys);
	free(x->vhit);
	free(x->vslip);
	free(x->stamp);
	free(x->best);
	free(x->bestkey);
	free(x->cand);
	free(x->tmp);
	free(x);
}

void registry_invalidate(struct cn_ctx *ctx)
{
	struct cn_cache *c = &ctx->cache[CN_CACHE_REGISTRY];
	if (c->p && c->free)
		c->free(c->p);
	c->p = NULL;
	c->free = NULL;
}

static int data_version(struct cn_ctx *ctx, sqlite3_stmt *st, long long *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? CN_OK : db_fail(ctx, _("reading the database"));
}

int registry_gen_read(struct cn_ctx *ctx, char *out, size_t size)
{
	sqlite3_stmt *st;
	int rc;
	out[0] = '\0';
	if ((rc = db_prepare(ctx, &st, "SELECT value FROM meta WHERE key = 'registry_gen'")))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", db_col(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

/* ---- building ---- */

struct builder {
	struct cn_buf strings, keys;
	struct rx_key *k;
	size_t nk, kcap;
	uint32_t *kstart;
	struct rx_area *areas;
	size_t nareas, acap;
};

static size_t put_string(struct builder *b, const char *s)
{
	size_t off = b->strings.len;
	if (!s || !*s)
		return 0; /* offset 0 holds "" */
	buf_add(&b->strings, s, strlen(s) + 1);
	return off;
}

/* Adds one search key for comune `ci`: `text` folded; `display` and
 * `since` offsets of a former name as written and its date (0 for the
 * others). */
static int add_key(struct builder *b, uint32_t ci, uint32_t kind, const char *text, size_t display, size_t since)
{
	char *f = text_fold_lossy(text); /* a name edited by hand may not be UTF-8 */
	if (!f)
		return CN_EOSERR;
	if (!*f) {
		free(f);
		return CN_OK;
	}
	if (b->nk + 1 >= b->kcap) {
		b->kcap = b->kcap ? b->kcap * 2 : 16384;
		b->k = xrealloc(b->k, b->kcap * sizeof *b->k);
		b->kstart = xrealloc(b->kstart, (b->kcap + 1) * sizeof *b->kstart);
	}
	memset(&b->k[b->nk], 0, sizeof b->k[b->nk]);
	b->k[b->nk].mask = rx_letter_mask(f);
	b->k[b->nk].pairs = rx_pair_mask(f, 1);
	b->k[b->nk].comune = ci;
	b->k[b->nk].kind = kind;
	b->k[b->nk].display = display;
	b->k[b->nk].since = since;
	b->kstart[b->nk] = (uint32_t)b->keys.len;
	buf_puts(&b->keys, f);
	buf_add(&b->keys, "\n", 1);
	b->nk++;
	free(f);
	return CN_OK;
}

static int cmp_alpha(const void *a, const void *b, void *index)
{
	const struct rx_index *ix = index;
	const char *x = ix->keys + ix->kstart[*(const uint32_t *)a];
	const char *y = ix->keys + ix->kstart[*(const uint32_t *)b];
	/* keys end with '\n', which sorts before every letter and digit */
	while (*x == *y && *x != '\n') {
		x++;
		y++;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

/* Comuni as read (by ISTAT code), before ordering by population. */
struct loaded {
	struct rx_comune c;
	uint32_t former, nformer;    /* their former names in the formers list */
};

static int cmp_loaded(const void *a, const void *b, void *strings)
{
	const struct loaded *x = a, *y = b;
	const char *sort_strings = strings;
	int c;
	if (x->c.population != y->c.population)
		return x->c.population > y->c.population ? -1 : 1;
	if ((c = strcmp(sort_strings + x->c.name, sort_strings + y->c.name)))
		return c;
	return strcmp(x->c.istat, y->c.istat);
}

static void copy_code(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int add_area(struct builder *b, const char *name, size_t len, int prov, int reg)
{
	char part[128], *f;
	if (len < 4 || len >= sizeof part)
		return CN_OK;
	memcpy(part, name, len);
	part[len] = '\0';
	if (!(f = text_fold_lossy(part)))
		return CN_EOSERR;
	if (b->nareas == b->acap) {
		size_t ncap = b->acap ? b->acap * 2 : 256;
		struct rx_area *na = xrealloc(b->areas, ncap * sizeof *na);
		b->areas = na;
		b->acap = ncap;
	}
	b->areas[b->nareas].prov = prov;
	b->areas[b->nareas].reg = reg;
	b->areas[b->nareas].text = put_string(b, f);
	free(f);
	b->nareas += b->areas[b->nareas].text != 0;
	return CN_OK;
}

/* The names a caller may say for an area: the official one, and each part
 * of a bilingual or double name ("Bolzano/Bozen", "Forlì-Cesena"). */
static int add_area_names(struct builder *b, const char *name, int prov, int reg)
{
	int rc = add_area(b, name, strlen(name), prov, reg);
	static const char *const seps[] = {"/", "/-"};
	for (size_t i = 0; !rc && i < 2; i++) {
		for (const char *s = name; !rc && strpbrk(name, seps[i]) && *s;) {
			size_t len = strcspn(s, seps[i]);
			rc = add_area(b, s, len, prov, reg);
			s += len + (s[len] != '\0');
		}
	}
	return rc;
}

/* How callers name some provinces other than officially. */
static const struct { const char *name, *sigla; } spoken[] = {
	{"Reggio Emilia", "RE"}, {"Aosta", "AO"}, {"Pesaro", "PU"}, {"Urbino", "PU"},
	{"Monza", "MB"}, {"Brianza", "MB"}, {"Verbania", "VB"},
};

/* Regioni and province are few: names and car-plate codes by number. */
static int load_areas(struct cn_ctx *ctx, struct builder *b, size_t reg[100], char (*sigla)[3])
{
	sqlite3_stmt *st;
	int rc, r;
	if ((rc = db_prepare(ctx, &st, "SELECT code, name FROM regione")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = atoi(db_col(st, 0)) % 100;
		reg[r] = put_string(b, db_col(st, 1));
		if (add_area_names(b, db_col(st, 1), -1, r))
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? CN_EOSERR : db_fail(ctx, _("reading the registry"));
	if ((rc = db_prepare(ctx, &st, "SELECT code, sigla, name FROM provincia")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int p = atoi(db_col(st, 0)) % 1000;
		copy_code(sigla[p], 3, db_col(st, 1));
		if (add_area_names(b, db_col(st, 2), p, -1))
			break;
		for (size_t i = 0; i < sizeof spoken / sizeof spoken[0]; i++)
			if (strcmp(spoken[i].sigla, sigla[p]) == 0 && add_area(b, spoken[i].name, strlen(spoken[i].name), p, -1))
				break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CN_EOSERR;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

/* Names a comune answers to besides its own, by ISTAT code: former names
 * (renames) and the names of comuni merged into it, with their dates. */
struct alias {
	char istat[7];
	uint32_t kind;
	size_t name, since;
};

static int cmp_alias(const void *a, const void *b)
{
	return strcmp(((const struct alias *)a)->istat, ((const struct alias *)b)->istat);
}

static int load_aliases(struct cn_ctx *ctx, struct builder *b, struct alias **out, size_t *nout)
{
	sqlite3_stmt *st;
	struct alias *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	*out = NULL;
	*nout = 0;
	/* a chain of mergers: the first name leads to every later comune */
	if ((rc = db_prepare(ctx, &st,
		"SELECT istat, name, until, 0 FROM comune_former_name"
		" UNION ALL SELECT * FROM (WITH RECURSIVE chain(target, name, since, depth) AS ("
		"  SELECT s.successor, c.name, s.since, 0 FROM comune_successor s JOIN comune c ON c.istat = s.istat"
		"  UNION ALL SELECT s.successor, chain.name, chain.since, depth + 1 FROM chain"
		"  JOIN comune_successor s ON s.istat = chain.target WHERE depth < 20)"
		" SELECT target, name, since, 1 FROM chain) ORDER BY 1, 3, 2")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct alias *nv = xrealloc(v, ncap * sizeof *nv);
			v = nv;
			cap = ncap;
		}
		copy_code(v[n].istat, sizeof v[n].istat, db_col(st, 0));
		v[n].kind = sqlite3_column_int(st, 3) ? KEY_SUCCESSOR : KEY_FORMER;
		v[n].name = put_string(b, db_col(st, 1));
		v[n].since = put_string(b, db_col(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	*out = v;
	*nout = n;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

static int load_comuni(struct cn_ctx *ctx, struct builder *b, const size_t reg[100], char (*sigla)[3],
		       const struct alias *al, size_t na, struct loaded **out, size_t *nout)
{
	sqlite3_stmt *st;
	struct loaded *v = NULL;
	size_t n = 0, cap = 0, f = 0;
	int rc;

	*out = NULL;
	*nout = 0;
	/* by primary key: in ISTAT code order, like the aliases */
	if ((rc = db_prepare(ctx, &st,
		"SELECT istat, name, name_other, regione_code, provincia_code, cadastral, population,"
		" suppressed_on IS NOT NULL FROM comune ORDER BY istat")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8192;
			struct loaded *nv = xrealloc(v, ncap * sizeof *nv);
			v = nv;
			cap = ncap;
		}
		struct loaded *l = &v[n];
		struct rx_comune *c = &l->c;
		memset(l, 0, sizeof *l);
		copy_code(c->istat, sizeof c->istat, db_col(st, 0));
		c->prov = (uint16_t)(atoi(db_col(st, 4)) % 1000);
		c->reg = (uint8_t)(atoi(db_col(st, 3)) % 100);
		copy_code(c->sigla, sizeof c->sigla, sigla[c->prov]);
		copy_code(c->cad, sizeof c->cad, db_col(st, 5));
		c->regione = reg[c->reg];
		c->population = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 6);
		c->suppressed = (unsigned char)sqlite3_column_int(st, 7);
		c->tier = 2;
		c->name = put_string(b, db_col(st, 1));
		c->other = put_string(b, db_col(st, 2));
		while (f < na && strcmp(al[f].istat, c->istat) < 0)
			f++;
		l->former = (uint32_t)f;
		while (f < na && strcmp(al[f].istat, c->istat) == 0) {
			f++;
			l->nformer++;
		}
		n++;
	}
	sqlite3_finalize(st);
	*out = v;
	*nout = n;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

/* A comune's keys: its names, both names together in either order ("Bolzano
 * Bozen", as on letterhead), then the names it had or absorbed. */
static int comune_keys(struct builder *b, uint32_t ci, const struct loaded *l, const struct alias *al)
{
	const char *s = b->strings.p; /* add_key leaves the strings in place */
	const char *name = s + l->c.name, *other = s + l->c.other;
	int rc = add_key(b, ci, KEY_NAME, name, 0, 0);
	if (!rc && l->c.other) {
		struct cn_buf both = {0};
		if (buf_printf(&both, "%s %s", name, other) ||
		    (rc = add_key(b, ci, KEY_OTHER, other, 0, 0)) ||
		    (rc = add_key(b, ci, KEY_BOTH, buf_str(&both), 0, 0)))
			rc = rc ? rc : CN_EOSERR;
		both.len = 0;
		if (!rc && (buf_printf(&both, "%s %s", other, name) ||
			    (rc = add_key(b, ci, KEY_BOTH, buf_str(&both), 0, 0))))
			rc = rc ? rc : CN_EOSERR;
		buf_free(&both);
	}
	for (uint32_t k = 0; !rc && k < l->nformer; k++) {
		const struct alias *a = &al[l->former + k];
		rc = add_key(b, ci, a->kind, s + a->name, a->name, a->since);
	}
	return rc;
}

static int cmp_istat(const void *a, const void *b, void *comuni)
{
	const struct rx_comune *c = comuni;
	return strcmp(c[*(const uint32_t *)a].istat, c[*(const uint32_t *)b].istat);
}

long rx_find_istat(const struct rx_index *x, const char *istat)
{
	size_t lo = 0, hi = x->nc;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(x->c[x->byistat[mid]].istat, istat);
		if (c == 0)
			return (long)x->byistat[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Everything but the comuni and their keys: sorted keys, word vocabulary,
 * scratch space. */
static int finish(struct rx_index *x)
{
	x->alpha = xmalloc((x->nk + 1) * sizeof *x->alpha);
	x->stamp = xcalloc(x->nc + 1, sizeof *x->stamp);
	x->best = xmalloc(x->nc + 1);
	x->bestkey = xmalloc((x->nc + 1) * sizeof *x->bestkey);
	x->cand = xmalloc((x->nc + 1) * sizeof *x->cand);
	x->tmp = xmalloc((x->nc + 1) * sizeof *x->tmp);
	x->byistat = xmalloc((x->nc + 1) * sizeof *x->byistat);
	for (size_t i = 0; i < x->nk; i++)
		x->alpha[i] = (uint32_t)i;
	for (size_t i = 0; i < x->nc; i++)
		x->byistat[i] = (uint32_t)i;
	if (x->nc)
		qsort_r(x->byistat, x->nc, sizeof *x->byistat, cmp_istat, x->c);
	if (x->nk)
		qsort_r(x->alpha, x->nk, sizeof *x->alpha, cmp_alpha, x);
	return rx_vocab_build(x);
}

static int build(struct cn_ctx *ctx, struct rx_index **out)
{
	struct rx_index *x = xcalloc(1, sizeof *x);
	struct builder b = {0};
	struct loaded *lv = NULL;
	struct alias *al = NULL;
	size_t reg[100] = {0}, na = 0, nl = 0;
	int rc;

	*out = NULL;
	x->sigla = xcalloc(1000, sizeof *x->sigla);
	buf_add(&b.strings, "", 1);
	if ((rc = load_areas(ctx, &b, reg, x->sigla)) || (rc = load_aliases(ctx, &b, &al, &na)))
		goto fail;
	if (na)
		qsort(al, na, sizeof *al, cmp_alias);
	if ((rc = load_comuni(ctx, &b, reg, x->sigla, al, na, &lv, &nl)))
		goto fail;
	/* largest first: scanning in order meets comuni in ranking order */
	if (nl) /* an empty registry has no array, which qsort may not take */
		qsort_r(lv, nl, sizeof *lv, cmp_loaded, b.strings.p);
	x->c = xmalloc((nl + 1) * sizeof *x->c);
	for (size_t i = 0; i < nl; i++) {
		x->c[i] = lv[i].c;
		if ((rc = comune_keys(&b, (uint32_t)i, &lv[i], al)))
			goto fail;
	}
	x->nc = nl;
	if (b.nk == 0)
		b.kstart = xmalloc(sizeof *b.kstart);
	b.kstart[b.nk] = (uint32_t)b.keys.len;
	buf_add(&b.keys, "", 0);
	x->k = b.k;
	x->nk = b.nk;
	x->kstart = b.kstart;
	x->keys = b.keys.p;
	x->strings = b.strings.p;
	x->areas = b.areas;
	x->nareas = b.nareas;
	memset(&b, 0, sizeof b);
	if ((rc = finish(x)))
		goto fail;
	free(lv);
	free(al);
	*out = x;
	return CN_OK;
fail:
	if (rc == CN_EOSERR)
		cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	free(lv);
	free(al);
	buf_free(&b.strings);
	buf_free(&b.keys);
	free(b.k);
	free(b.kstart);
	free(b.areas);
	rx_free(x);
	return rc;
}

/* Reads which comuni the desk is working on: an open call (a callback
 * owed is one), or a call in the last 7 days. */
static int load_tiers(struct cn_ctx *ctx, struct rx_index *x)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;
	for (size_t i = 0; i < x->nc; i++)
		x->c[i].tier = 2;
	x->ntiered = 0;
	cn_now_iso(ctx, now);
	if ((rc = db_prepare(ctx, &st,
		"SELECT respondent_id, max(state <> 'chiusa') FROM call"
		" WHERE respondent_id IS NOT NULL AND (state <> 'chiusa'"
		"  OR started_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-7 days'))"
		" GROUP BY respondent_id")))
		return rc;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = rx_find_istat(x, db_col(st, 0));
		if (i >= 0) {
			x->c[i].tier = sqlite3_column_int(st, 1) ? 0 : 1;
			x->ntiered++;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the calls"));
}

/* The index, rebuilt when this context or another process changed the
 * registry since it was built; the desk's work re-read after any commit. */
int rx_index_get(struct cn_ctx *ctx, struct rx_index **out)
{
	struct cn_cache *cache = &ctx->cache[CN_CACHE_REGISTRY];
	struct rx_index *x = cache->p;
	long long dv = 0;
	char gen[40];
	int rc;

	if (x) {
		if ((rc = data_version(ctx, x->dv, &dv)))
			return rc;
		if (dv == x->data_version && x->write_gen == ctx->write_gen) {
			*out = x;
			return CN_OK;
		}
		/* something was committed: was it the registry? */
		if ((rc = registry_gen_read(ctx, gen, sizeof gen)))
			return rc;
		if (strcmp(gen, x->regen) == 0) {
			if ((rc = load_tiers(ctx, x)))
				return rc;
			x->data_version = dv;
			x->write_gen = ctx->write_gen;
			*out = x;
			return CN_OK;
		}
		registry_invalidate(ctx);
	}
	if ((rc = build(ctx, &x)))
		return rc;
	if ((rc = db_prepare(ctx, &x->dv, "PRAGMA data_version")) ||
	    (rc = data_version(ctx, x->dv, &x->data_version)) ||
	    (rc = registry_gen_read(ctx, x->regen, sizeof x->regen)) ||
	    (rc = load_tiers(ctx, x))) {
		rx_free(x);
		return rc;
	}
	x->write_gen = ctx->write_gen;
	cache->p = x;
	cache->free = rx_free;
	*out = x;
	return CN_OK;
}

/* 1 when nothing was committed since the index was checked, by this
 * context or another process: then neither the registry nor the user's role
 * can have changed, and the keystroke skips re-reading them (cn_require
 * reads the staff list: too slow to do on every key). */
int rx_unchanged(struct cn_ctx *ctx)
{
	struct rx_index *x = ctx->cache[CN_CACHE_REGISTRY].p;
	long long dv;
	return x && x->write_gen == ctx->write_gen && cn_may(ctx, CN_ROLE_ASSISTENZA) &&
	       data_version(ctx, x->dv, &dv) == CN_OK && dv == x->data_version;
}
