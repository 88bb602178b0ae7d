/* Search while the caller is still spelling: an in-memory index of every
 * comune's folded names (Italian, other language, former names), built once
 * per context and rebuilt only when the registry changes. Comuni are kept
 * largest first, so scanning in order meets them in ranking order within a
 * rank; a keystroke is a binary search for name prefixes, then at most two
 * linear passes over the keys (a letter mask skips most of them), stopping
 * as soon as the rest could not make the list. No allocation but the
 * result. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry_internal.h"
#include "centralino/text.h"

enum { KEY_NAME, KEY_OTHER, KEY_FORMER };
enum { RANK_EXACT, RANK_PREFIX, RANK_WORD, RANK_SUBSTRING, RANK_CODE, NRANKS };

struct rx_comune {
	char istat[7], sigla[3], cad[5];
	unsigned char suppressed;
	long population;
	size_t name, other, regione; /* offsets into strings ("" = none) */
};

struct rx_key {
	uint64_t mask;               /* letters and digits present (letter_mask) */
	uint64_t pairs;              /* adjacent letters, spaces skipped (pair_mask) */
	uint32_t comune;
	uint32_t kind;
	size_t display;              /* the former name as written */
};

struct rx_index {
	struct rx_comune *c;         /* by population, largest first */
	size_t nc;
	struct rx_key *k;            /* each comune's keys together, in comune order */
	size_t nk;
	char *keys;                  /* "key\n" for every key, in the same order */
	uint32_t *kstart;            /* nk + 1 offsets into keys */
	uint32_t *alpha;             /* key numbers sorted by folded key */
	char *strings;
	/* per-search scratch, one slot per comune */
	uint32_t *stamp, gen;
	unsigned char *best;
	uint32_t *bestkey;
	uint32_t *cand, *tmp;        /* tmp: radix sort buffer */
	size_t ncand, nactive;       /* candidates, those not suppressed */
	/* validity */
	sqlite3_stmt *dv;
	long long data_version;
	unsigned long long write_gen;
	char regen[40];
};

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
	free(x->strings);
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
};

static size_t put_string(struct builder *b, const char *s)
{
	size_t off = b->strings.len;
	if (!s || !*s)
		return 0; /* offset 0 holds "" */
	if (buf_add(&b->strings, s, strlen(s) + 1))
		return (size_t)-1;
	return off;
}

/* One bit per letter and digit in s (bit 63: any other byte but space): a
 * key can only match a query whose mask is a subset of its own. */
static uint64_t letter_mask(const char *s)
{
	uint64_t m = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'a' && c <= 'z')
			m |= 1ULL << (c - 'a');
		else if (c >= '0' && c <= '9')
			m |= 1ULL << (26 + c - '0');
		else if (c != ' ')
			m |= 1ULL << 63;
	}
	return m;
}

/* A 64-bit Bloom filter of the pairs of adjacent characters; spaces are
 * skipped when `across`, else they end a word. Every pair of a query word
 * (or of a substring) is a pair of any key it matches. */
static uint64_t pair_mask(const char *s, int across)
{
	uint64_t m = 0;
	unsigned prev = 0;
	for (; *s; s++) {
		unsigned c = (unsigned char)*s;
		if (c == ' ') {
			if (!across)
				prev = 0;
			continue;
		}
		if (prev)
			m |= 1ULL << ((((prev << 8) | c) * 2654435761u) >> 26);
		prev = c;
	}
	return m;
}

/* Adds one search key for comune `ci`: `text` folded; `display` the
 * offset of a former name as written (0 for the others). */
static int add_key(struct builder *b, uint32_t ci, uint32_t kind, const char *text, size_t display)
{
	char *f = text_fold_lossy(text); /* a name edited by hand may not be UTF-8 */
	int rc = CN_OK;
	if (!f)
		return CN_EOSERR;
	if (!*f) {
		free(f);
		return CN_OK;
	}
	if (b->nk + 1 >= b->kcap) {
		size_t ncap = b->kcap ? b->kcap * 2 : 16384;
		struct rx_key *nk = realloc(b->k, ncap * sizeof *nk);
		if (nk)
			b->k = nk;
		uint32_t *ks = realloc(b->kstart, (ncap + 1) * sizeof *ks);
		if (ks)
			b->kstart = ks;
		if (!nk || !ks) {
			free(f);
			return CN_EOSERR;
		}
		b->kcap = ncap;
	}
	b->k[b->nk].mask = letter_mask(f);
	b->k[b->nk].pairs = pair_mask(f, 1);
	b->k[b->nk].comune = ci;
	b->k[b->nk].kind = kind;
	b->k[b->nk].display = display;
	b->kstart[b->nk] = (uint32_t)b->keys.len;
	if (buf_puts(&b->keys, f) || buf_add(&b->keys, "\n", 1))
		rc = CN_EOSERR;
	b->nk++;
	free(f);
	return rc;
}

static const char *alpha_keys; /* for the qsort comparator only */
static const uint32_t *alpha_start;

static int cmp_alpha(const void *a, const void *b)
{
	const char *x = alpha_keys + alpha_start[*(const uint32_t *)a];
	const char *y = alpha_keys + alpha_start[*(const uint32_t *)b];
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

static const char *sort_strings; /* for the qsort comparator only */

static int cmp_loaded(const void *a, const void *b)
{
	const struct loaded *x = a, *y = b;
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

/* Regioni and province are few: names and car-plate codes by number. */
static int load_areas(struct cn_ctx *ctx, struct builder *b, size_t reg[100], char (*sigla)[3])
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st, "SELECT code, name FROM regione")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((reg[atoi(db_col(st, 0)) % 100] = put_string(b, db_col(st, 1))) == (size_t)-1)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? CN_EOSERR : db_fail(ctx, _("reading the registry"));
	if ((rc = db_prepare(ctx, &st, "SELECT code, sigla FROM provincia")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		copy_code(sigla[atoi(db_col(st, 0)) % 1000], 3, db_col(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

/* Former names by ISTAT code: codes in fistat (7 bytes each), names as
 * string offsets. */
static int load_formers(struct cn_ctx *ctx, struct builder *b, char **fistat, size_t **fname, size_t *nout)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	int rc;
	*fistat = NULL;
	*fname = NULL;
	*nout = 0;
	if ((rc = db_prepare(ctx, &st, "SELECT istat, name FROM comune_former_name ORDER BY istat, until, name")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			char *ni = realloc(*fistat, ncap * 7);
			if (ni)
				*fistat = ni;
			size_t *nn = realloc(*fname, ncap * sizeof *nn);
			if (nn)
				*fname = nn;
			if (!ni || !nn)
				break;
			cap = ncap;
		}
		copy_code(*fistat + n * 7, 7, db_col(st, 0));
		if (((*fname)[n] = put_string(b, db_col(st, 1))) == (size_t)-1)
			break;
		n++;
	}
	sqlite3_finalize(st);
	*nout = n;
	if (rc == SQLITE_ROW)
		return CN_EOSERR;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

static int load_comuni(struct cn_ctx *ctx, struct builder *b, const size_t reg[100], char (*sigla)[3],
		       const char *fistat, size_t nf, struct loaded **out, size_t *nout)
{
	sqlite3_stmt *st;
	struct loaded *v = NULL;
	size_t n = 0, cap = 0, f = 0;
	int rc;

	*out = NULL;
	*nout = 0;
	/* by primary key: in ISTAT code order, like the former names */
	if ((rc = db_prepare(ctx, &st,
		"SELECT istat, name, name_other, regione_code, provincia_code, cadastral, population,"
		" suppressed_on IS NOT NULL FROM comune ORDER BY istat")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8192;
			struct loaded *nv = realloc(v, ncap * sizeof *nv);
			if (!nv)
				break;
			v = nv;
			cap = ncap;
		}
		struct loaded *l = &v[n];
		struct rx_comune *c = &l->c;
		memset(l, 0, sizeof *l);
		copy_code(c->istat, sizeof c->istat, db_col(st, 0));
		copy_code(c->sigla, sizeof c->sigla, sigla[atoi(db_col(st, 4)) % 1000]);
		copy_code(c->cad, sizeof c->cad, db_col(st, 5));
		c->regione = reg[atoi(db_col(st, 3)) % 100];
		c->population = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 6);
		c->suppressed = (unsigned char)sqlite3_column_int(st, 7);
		if ((c->name = put_string(b, db_col(st, 1))) == (size_t)-1 ||
		    (c->other = put_string(b, db_col(st, 2))) == (size_t)-1)
			break;
		while (f < nf && strcmp(fistat + f * 7, c->istat) < 0)
			f++;
		l->former = (uint32_t)f;
		while (f < nf && strcmp(fistat + f * 7, c->istat) == 0) {
			f++;
			l->nformer++;
		}
		n++;
	}
	sqlite3_finalize(st);
	*out = v;
	*nout = n;
	if (rc == SQLITE_ROW)
		return CN_EOSERR;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}

static int build(struct cn_ctx *ctx, struct rx_index **out)
{
	struct rx_index *x = calloc(1, sizeof *x);
	struct builder b = {0};
	struct loaded *lv = NULL;
	size_t reg[100] = {0}, nf = 0, nl = 0, *fname = NULL;
	char (*sigla)[3] = calloc(1000, sizeof *sigla), *fistat = NULL;
	int rc;

	*out = NULL;
	if (!x || !sigla || buf_add(&b.strings, "", 1))
		goto oom;
	if ((rc = load_areas(ctx, &b, reg, sigla)) ||
	    (rc = load_formers(ctx, &b, &fistat, &fname, &nf)) ||
	    (rc = load_comuni(ctx, &b, reg, sigla, fistat, nf, &lv, &nl)))
		goto fail;
	/* largest first: scanning in order meets comuni in ranking order */
	sort_strings = b.strings.p;
	if (nl) /* an empty registry has no array, which qsort may not take */
		qsort(lv, nl, sizeof *lv, cmp_loaded);
	if (!(x->c = malloc((nl + 1) * sizeof *x->c)))
		goto oom;
	for (size_t i = 0; i < nl; i++) {
		uint32_t ci = (uint32_t)i;
		x->c[i] = lv[i].c;
		const char *strings = b.strings.p; /* add_key leaves them in place */
		if (add_key(&b, ci, KEY_NAME, strings + lv[i].c.name, 0) ||
		    (lv[i].c.other && add_key(&b, ci, KEY_OTHER, strings + lv[i].c.other, 0)))
			goto oom;
		for (uint32_t k = 0; k < lv[i].nformer; k++) {
			size_t off = fname[lv[i].former + k];
			if (add_key(&b, ci, KEY_FORMER, strings + off, off))
				goto oom;
		}
	}
	x->nc = nl;
	if (b.nk == 0 && !(b.kstart = malloc(sizeof *b.kstart)))
		goto oom;
	b.kstart[b.nk] = (uint32_t)b.keys.len;
	if (buf_add(&b.keys, "", 0))
		goto oom;
	x->k = b.k;
	x->nk = b.nk;
	x->kstart = b.kstart;
	x->keys = b.keys.p;
	x->strings = b.strings.p;
	memset(&b, 0, sizeof b);
	x->alpha = malloc((x->nk + 1) * sizeof *x->alpha);
	x->stamp = calloc(x->nc + 1, sizeof *x->stamp);
	x->best = malloc(x->nc + 1);
	x->bestkey = malloc((x->nc + 1) * sizeof *x->bestkey);
	x->cand = malloc((x->nc + 1) * sizeof *x->cand);
	x->tmp = malloc((x->nc + 1) * sizeof *x->tmp);
	if (!x->alpha || !x->stamp || !x->best || !x->bestkey || !x->cand || !x->tmp)
		goto oom;
	for (size_t i = 0; i < x->nk; i++)
		x->alpha[i] = (uint32_t)i;
	alpha_keys = x->keys;
	alpha_start = x->kstart;
	qsort(x->alpha, x->nk, sizeof *x->alpha, cmp_alpha);
	free(lv);
	free(sigla);
	free(fistat);
	free(fname);
	*out = x;
	return CN_OK;
oom:
	rc = CN_EOSERR;
fail:
	if (rc == CN_EOSERR)
		cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	free(lv);
	free(sigla);
	free(fistat);
	free(fname);
	buf_free(&b.strings);
	buf_free(&b.keys);
	free(b.k);
	free(b.kstart);
	rx_free(x);
	return rc;
}

/* The index, rebuilt when this context or another process changed the
 * registry since it was built. */
static int index_get(struct cn_ctx *ctx, struct rx_index **out)
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
	    (rc = registry_gen_read(ctx, x->regen, sizeof x->regen))) {
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
static int unchanged(struct cn_ctx *ctx)
{
	struct rx_index *x = ctx->cache[CN_CACHE_REGISTRY].p;
	long long dv;
	return x && x->write_gen == ctx->write_gen && cn_may(ctx, CN_ROLE_ASSISTENZA) &&
	       data_version(ctx, x->dv, &dv) == CN_OK && dv == x->data_version;
}

/* ---- searching ---- */

struct query {
	char sigla[3];               /* province filter (prefix), "" = none */
	char *q;                     /* folded text */
	size_t qlen;
	const char *w[32];           /* its words (pointers into words) */
	size_t wl[32];
	int nw;
	char words[256];
	char compact[256];           /* q without its spaces */
	size_t clen;
	uint64_t mask, word_pairs, all_pairs;
};

static int is_letter(char c) { return isalpha((unsigned char)c) != 0; }

/* Takes "pr:XX" / "XX:" out of the query; folds the rest. */
static int parse_query(const char *in, struct query *q)
{
	struct cn_buf rest = {0};
	const char *p = in;
	int rc = CN_OK;

	memset(q, 0, sizeof *q);
	while (*p) {
		const char *s, *e;
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		s = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		e = p;
		if (e - s >= 3 && strncasecmp(s, "pr:", 3) == 0 && e - s <= 5) {
			for (int i = 0; i < (int)(e - s - 3); i++)
				q->sigla[i] = (char)toupper((unsigned char)s[3 + i]);
			continue;
		}
		if (e - s >= 3 && is_letter(s[0]) && is_letter(s[1]) && s[2] == ':' && !q->sigla[0]) {
			q->sigla[0] = (char)toupper((unsigned char)s[0]);
			q->sigla[1] = (char)toupper((unsigned char)s[1]);
			s += 3;
		}
		if (s < e && (buf_add(&rest, s, (size_t)(e - s)) || buf_add(&rest, " ", 1)))
			rc = CN_EOSERR;
	}
	if (!rc && !(q->q = text_fold(buf_str(&rest))))
		rc = CN_EDATA; /* not valid UTF-8 */
	buf_free(&rest);
	if (rc)
		return rc;
	q->qlen = strlen(q->q);
	if (q->qlen >= sizeof q->words)
		q->qlen = sizeof q->words - 1; /* nobody types 255 letters of a name */
	memcpy(q->words, q->q, q->qlen);
	q->words[q->qlen] = '\0';
	q->q[q->qlen] = '\0';
	for (char *w = q->words; *w && q->nw < 32;) {
		char *sp = strchr(w, ' ');
		q->w[q->nw] = w;
		q->wl[q->nw++] = sp ? (size_t)(sp - w) : strlen(w);
		if (!sp)
			break;
		*sp = '\0';
		w = sp + 1;
	}
	for (size_t i = 0; i < q->qlen; i++)
		if (q->q[i] != ' ')
			q->compact[q->clen++] = q->q[i];
	q->compact[q->clen] = '\0';
	q->mask = letter_mask(q->q);
	q->word_pairs = pair_mask(q->q, 0);
	q->all_pairs = pair_mask(q->q, 1);
	return CN_OK;
}

/* The query's words start words of the key, in order ("s g pers"). */
static int word_prefix(const char *key, size_t klen, const struct query *q)
{
	size_t pos = 0;
	for (int i = 0; i < q->nw; i++) {
		for (;;) {
			if (pos >= klen)
				return 0;
			if (klen - pos >= q->wl[i] && memcmp(key + pos, q->w[i], q->wl[i]) == 0)
				break;
			/* next word of the key */
			const char *sp = memchr(key + pos, ' ', klen - pos);
			if (!sp)
				return 0;
			pos = (size_t)(sp - key) + 1;
		}
		const char *sp = memchr(key + pos, ' ', klen - pos);
		pos = sp ? (size_t)(sp - key) + 1 : klen;
	}
	return 1;
}

/* The query without spaces equals the key from one of its word starts on,
 * the key's spaces skipped ("santagata" in "sant agata li battiati"). */
static int compact_at_word(const char *key, size_t klen, const struct query *q)
{
	for (size_t ws = 0; ws < klen; ws++) {
		if (ws && key[ws - 1] != ' ')
			continue;
		size_t i = ws, j = 0;
		while (i < klen && j < q->clen) {
			if (key[i] == ' ') {
				i++;
				continue;
			}
			if (key[i] != q->compact[j])
				break;
			i++;
			j++;
		}
		if (j == q->clen)
			return 1;
	}
	return 0;
}

/* Rank 0-2 of one key, -1 when it needs a substring match or none. */
static int rank_words(const char *key, size_t klen, const struct query *q)
{
	if (klen >= q->qlen && memcmp(key, q->q, q->qlen) == 0)
		return klen == q->qlen ? RANK_EXACT : RANK_PREFIX;
	return word_prefix(key, klen, q) ? RANK_WORD : -1;
}

/* Rank 3: the query inside the key, or the query typed without spaces
 * matching from a word start ("santagata"). */
static int is_substring(const char *key, size_t klen, const struct query *q)
{
	return memmem(key, klen, q->q, q->qlen) != NULL ||
	       (q->clen >= 3 && compact_at_word(key, klen, q));
}

static int sigla_ok(const struct rx_comune *c, const struct query *q)
{
	return !q->sigla[0] || strncmp(c->sigla, q->sigla, strlen(q->sigla)) == 0;
}

static void new_search(struct rx_index *x)
{
	if (++x->gen == 0) {
		memset(x->stamp, 0, x->nc * sizeof *x->stamp);
		x->gen = 1;
	}
	x->ncand = 0;
	x->nactive = 0;
}

static void consider(struct rx_index *x, uint32_t ci, int rank, uint32_t key)
{
	if (x->stamp[ci] != x->gen) {
		x->stamp[ci] = x->gen;
		x->best[ci] = (unsigned char)rank;
		x->bestkey[ci] = key;
		x->cand[x->ncand++] = ci;
		x->nactive += !x->c[ci].suppressed;
	} else if (rank < x->best[ci]) {
		x->best[ci] = (unsigned char)rank;
		x->bestkey[ci] = key;
	}
}

/* First key number whose key does not sort before the query (prefix compare). */
static size_t alpha_lower(const struct rx_index *x, const char *q, size_t qlen, int past)
{
	size_t lo = 0, hi = x->nk;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *k = x->keys + x->kstart[x->alpha[mid]];
		size_t kl = x->kstart[x->alpha[mid] + 1] - x->kstart[x->alpha[mid]] - 1;
		int c = memcmp(k, q, kl < qlen ? kl : qlen);
		if (c == 0 && kl < qlen)
			c = -1;
		/* past: skip the keys that start with q as well */
		if (c < 0 || (past && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* When at least `limit` active comuni start with the query, the answer is
 * among them: no need to scan every key. 1 when it answered. */
static int prefix_only(struct rx_index *x, const struct query *q, size_t limit)
{
	size_t lo = alpha_lower(x, q->q, q->qlen, 0), hi = alpha_lower(x, q->q, q->qlen, 1);
	size_t active = 0;

	if (limit == 0 || hi - lo < limit)
		return 0;
	new_search(x);
	for (size_t i = lo; i < hi; i++) {
		uint32_t kn = x->alpha[i];
		uint32_t ci = x->k[kn].comune;
		const struct rx_comune *c = &x->c[ci];
		if (c->suppressed || !sigla_ok(c, q))
			continue;
		size_t kl = x->kstart[kn + 1] - x->kstart[kn] - 1;
		if (x->stamp[ci] != x->gen)
			active++;
		consider(x, ci, kl == q->qlen ? RANK_EXACT : RANK_PREFIX, kn);
	}
	return active >= limit;
}

/* Two passes in comune order. The first ranks name prefixes and word
 * prefixes; the second looks for substrings in the comuni still unranked,
 * and stops once `limit` active comuni are ranked: every later one would be
 * a substring match of a smaller comune, below them all. */
static void scan_names(struct rx_index *x, const struct query *q, size_t limit)
{
	for (uint32_t kn = 0; kn < x->nk; kn++) {
		const struct rx_key *k = &x->k[kn];
		if ((k->mask & q->mask) != q->mask || (k->pairs & q->word_pairs) != q->word_pairs ||
		    !sigla_ok(&x->c[k->comune], q))
			continue;
		int r = rank_words(x->keys + x->kstart[kn], x->kstart[kn + 1] - x->kstart[kn] - 1, q);
		if (r >= 0)
			consider(x, k->comune, r, kn);
	}
	for (uint32_t kn = 0; kn < x->nk; kn++) {
		const struct rx_key *k = &x->k[kn];
		if (limit && x->nactive >= limit)
			break;
		if ((k->pairs & q->all_pairs) != q->all_pairs || (k->mask & q->mask) != q->mask ||
		    x->stamp[k->comune] == x->gen || !sigla_ok(&x->c[k->comune], q))
			continue;
		if (is_substring(x->keys + x->kstart[kn], x->kstart[kn + 1] - x->kstart[kn] - 1, q))
			consider(x, k->comune, RANK_SUBSTRING, kn);
	}
}

/* ISTAT code (digits) or cadastral code (letter + digits) prefixes. */
static int scan_codes(struct rx_index *x, const struct query *q)
{
	const char *s = q->q;
	size_t n = q->qlen;
	int istat = n >= 1 && n <= 6 && strspn(s, "0123456789") == n;
	int cad = n >= 2 && n <= 4 && islower((unsigned char)s[0]) && strspn(s + 1, "0123456789") == n - 1;
	if (!istat && !cad)
		return 0;
	for (size_t i = 0; i < x->nc; i++) {
		const struct rx_comune *c = &x->c[i];
		int hit = istat ? strncmp(c->istat, s, n) == 0
				: (tolower((unsigned char)c->cad[0]) == s[0] && strncmp(c->cad + 1, s + 1, n - 1) == 0);
		if (hit && sigla_ok(c, q))
			consider(x, (uint32_t)i, RANK_CODE, UINT32_MAX);
	}
	return 1;
}

/* LSD radix sort of 32-bit keys, a byte at a time. */
static void radix_sort(uint32_t *v, uint32_t *tmp, size_t n)
{
	for (int shift = 0; shift < 32; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[((v[i] >> shift) & 0xFF) + 1]++;
		if (count[((v[0] >> shift) & 0xFF) + 1] == n)
			continue; /* all alike in this byte */
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
		memcpy(v, tmp, n * sizeof *v);
	}
}

/* Orders the candidates: active first, then rank, then population (the
 * comune number), and keeps `limit` of them. Returns how many. */
static size_t order_candidates(struct rx_index *x, size_t limit)
{
	size_t n = x->ncand;
	/* sort key: suppressed, rank, comune number; fits in 32 bits */
	for (size_t i = 0; i < n; i++) {
		uint32_t ci = x->cand[i];
		x->cand[i] = ((uint32_t)x->c[ci].suppressed << 28) | ((uint32_t)x->best[ci] << 24) | ci;
	}
	if (limit && n > limit * 4) {
		/* keep the `limit` smallest by insertion into the head */
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			uint32_t v = x->cand[i];
			if (m == limit && v >= x->cand[m - 1])
				continue;
			size_t j = m < limit ? m++ : m - 1;
			while (j > 0 && x->cand[j - 1] > v) {
				x->cand[j] = x->cand[j - 1];
				j--;
			}
			x->cand[j] = v;
		}
		n = m;
	} else {
		if (n > 1)
			radix_sort(x->cand, x->tmp, n);
		if (limit && n > limit)
			n = limit;
	}
	for (size_t i = 0; i < n; i++)
		x->cand[i] &= 0xFFFFFF;
	return n;
}

static int make_hits(struct cn_ctx *ctx, struct rx_index *x, size_t n, struct registry_hits *out)
{
	size_t bytes = n * sizeof *out->v;
	char *p;
	for (size_t i = 0; i < n; i++) {
		const struct rx_comune *c = &x->c[x->cand[i]];
		uint32_t kn = x->bestkey[x->cand[i]];
		bytes += strlen(x->strings + c->name) + strlen(x->strings + c->other) +
			 strlen(x->strings + c->regione) + 3;
		if (kn != UINT32_MAX && x->k[kn].kind == KEY_FORMER)
			bytes += strlen(x->strings + x->k[kn].display) + 1;
	}
	if (n == 0)
		return CN_OK;
	if (!(out->v = malloc(bytes)))
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	p = (char *)(out->v + n);
#define COPY(dst, src) do { size_t l_ = strlen(src) + 1; memcpy(p, src, l_); dst = p; p += l_; } while (0)
	for (size_t i = 0; i < n; i++) {
		uint32_t ci = x->cand[i], kn = x->bestkey[ci];
		const struct rx_comune *c = &x->c[ci];
		struct registry_hit *h = &out->v[i];
		memset(h, 0, sizeof *h);
		memcpy(h->istat, c->istat, sizeof h->istat);
		memcpy(h->sigla, c->sigla, sizeof h->sigla);
		COPY(h->name, x->strings + c->name);
		if (c->other)
			COPY(h->name_other, x->strings + c->other);
		COPY(h->regione, x->strings + c->regione);
		if (kn != UINT32_MAX && x->k[kn].kind == KEY_FORMER)
			COPY(h->matched, x->strings + x->k[kn].display);
		h->suppressed = c->suppressed;
		h->population = c->population;
		h->rank = x->best[ci];
	}
#undef COPY
	out->n = n;
	return CN_OK;
}

int registry_search(struct cn_ctx *ctx, const char *query, int limit,
		    struct registry_hits *out)
{
	struct rx_index *x;
	struct query q;
	size_t n;
	int rc;

	out->n = 0;
	out->v = NULL;
	if (!unchanged(ctx)) {
		if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("search the registry"))) ||
		    (rc = index_get(ctx, &x)))
			return rc;
	}
	x = ctx->cache[CN_CACHE_REGISTRY].p;
	if ((rc = parse_query(query ? query : "", &q)))
		return rc == CN_EDATA ? cn_set_error(ctx, rc, _("the search text is not valid UTF-8"))
				      : cn_set_error(ctx, rc, _("out of memory"));
	if (q.qlen == 0 && !q.sigla[0]) {
		free(q.q);
		return CN_OK; /* nothing typed yet */
	}
	if (q.qlen == 0) {
		/* "pr:TO": the whole province, largest first */
		new_search(x);
		for (size_t i = 0; i < x->nc; i++)
			if (sigla_ok(&x->c[i], &q))
				consider(x, (uint32_t)i, RANK_PREFIX, UINT32_MAX);
	} else if (!prefix_only(x, &q, limit > 0 ? (size_t)limit : 0)) {
		new_search(x);
		if (!scan_codes(x, &q))
			scan_names(x, &q, limit > 0 ? (size_t)limit : 0);
	}
	n = order_candidates(x, limit > 0 ? (size_t)limit : 0);
	rc = make_hits(ctx, x, n, out);
	free(q.q);
	return rc;
}

void registry_hits_free(struct registry_hits *h)
{
	if (!h)
		return;
	free(h->v); /* the strings live in the same block */
	h->v = NULL;
	h->n = 0;
}
