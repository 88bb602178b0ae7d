/* Search while the caller is still spelling. A keystroke reads the query
 * (registry_query.c) as typed and, when it names a province or region or
 * ends with a car-plate code, also with that filter; then it ranks, by
 * level (registry_index.h): a binary search for name prefixes, at most two
 * linear passes over the keys (a letter mask skips most of them) stopping
 * as soon as the rest could not make the list, and, only when the list is
 * still short, the pass that forgives one slip per word (registry_slip.c).
 * Among equally good matches the desk's own work comes first (an open
 * call, then a call in the last 7 days), then population; suppressed
 * comuni after the others, but before slip matches. No allocation but the
 * result. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_index.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

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

/* Level 0-2 of one key (as typed), -1 when it needs a substring match or
 * none. */
static int rank_words(const char *key, size_t klen, const struct query *q)
{
	if (klen >= q->qlen && memcmp(key, q->q, q->qlen) == 0)
		return klen == q->qlen ? LV_EXACT : LV_PREFIX;
	return word_prefix(key, klen, q) ? LV_WORD : -1;
}

/* Rank 3: the query inside the key, or the query typed without spaces
 * matching from a word start ("santagata"). */
static int is_substring(const char *key, size_t klen, const struct query *q)
{
	return memmem(key, klen, q->q, q->qlen) != NULL ||
	       (q->clen >= 3 && compact_at_word(key, klen, q));
}

void rx_new_search(struct rx_index *x)
{
	if (++x->gen == 0) {
		memset(x->stamp, 0, x->nc * sizeof *x->stamp);
		x->gen = 1;
	}
	x->ncand = 0;
	x->nactive = 0;
}

void rx_consider(struct rx_index *x, uint32_t ci, int rank, uint32_t key)
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
	rx_new_search(x);
	for (size_t i = lo; i < hi; i++) {
		uint32_t kn = x->alpha[i];
		uint32_t ci = x->k[kn].comune;
		const struct rx_comune *c = &x->c[ci];
		if (c->suppressed || !rx_filter_ok(c, q))
			continue;
		size_t kl = x->kstart[kn + 1] - x->kstart[kn] - 1;
		if (x->stamp[ci] != x->gen)
			active++;
		rx_consider(x, ci, kl == q->qlen ? LV_EXACT : LV_PREFIX, kn);
	}
	return active >= limit;
}

/* Name prefixes and word prefixes, every key: `shift` moves the levels
 * of a reading with a filter after those of the query as typed. */
static void words_pass(struct rx_index *x, const struct query *q, int shift)
{
	for (uint32_t kn = 0; kn < x->nk; kn++) {
		const struct rx_key *k = &x->k[kn];
		if ((k->mask & q->mask) != q->mask || (k->pairs & q->word_pairs) != q->word_pairs ||
		    !rx_filter_ok(&x->c[k->comune], q))
			continue;
		int r = rank_words(x->keys + x->kstart[kn], x->kstart[kn + 1] - x->kstart[kn] - 1, q);
		if (r >= 0)
			rx_consider(x, k->comune, r + shift, kn);
	}
}

/* Substrings in the comuni still unranked. It stops once `limit` active
 * comuni are ranked: every later one would be a substring match of a
 * smaller comune, below them all; unless the desk is working on some
 * comuni, which rank first among equals wherever they are. */
static void substring_pass(struct rx_index *x, const struct query *q, size_t limit, int level)
{
	for (uint32_t kn = 0; kn < x->nk; kn++) {
		const struct rx_key *k = &x->k[kn];
		if (limit && x->nactive >= limit && !x->ntiered)
			break;
		if ((k->pairs & q->all_pairs) != q->all_pairs || (k->mask & q->mask) != q->mask ||
		    x->stamp[k->comune] == x->gen || !rx_filter_ok(&x->c[k->comune], q))
			continue;
		if (is_substring(x->keys + x->kstart[kn], x->kstart[kn + 1] - x->kstart[kn] - 1, q))
			rx_consider(x, k->comune, level, kn);
	}
}

/* Readings with a filter are looked at only when the query as typed gave
 * fewer comuni than this (a screenful is more): the list is then the same
 * whatever its length. */
#define SLIP_UNDER 5

/* The slip pass of every reading, their words marked once. */
static void slips(struct rx_index *x, const struct query *q, const struct query *alt, int n)
{
	struct slip_words sw = {0};
	int map[MAX_READINGS + 1][QWORDS];
	for (int r = 0; r <= n; r++) {
		const struct query *rq = r ? &alt[r - 1] : q;
		for (int i = 0; i < rq->nw; i++)
			map[r][i] = rx_slip_word(&sw, rq->w[i], rq->wl[i]);
	}
	if (!rx_slip_mark(x, &sw))
		return;
	for (int r = 0; r <= n; r++) {
		const struct query *rq = r ? &alt[r - 1] : q;
		rx_slip_pass(x, rq, &sw, map[r], r && rq->filtered ? LV_SLIP_F : LV_SLIP);
	}
}

/* Every reading of the query, pass by pass, so that the early stops hold:
 * what a later pass finds ranks below what an earlier one found. Readings
 * with a filter are looked at only when the query as typed gave fewer than
 * SLIP_UNDER comuni (exact, prefix, word prefix): "castel sa" is someone
 * typing "Castel San Pietro" before it is a Castel... in Salerno. */
static void scan_names(struct rx_index *x, const struct query *q, size_t limit)
{
	struct query alt[MAX_READINGS];
	int n = rx_query_readings(x, q, alt, MAX_READINGS), m = 0;

	words_pass(x, q, 0);
	for (int i = 0; i < n; i++)
		if (!alt[i].filtered)
			words_pass(x, &alt[i], 0);
	if (x->nactive < SLIP_UNDER) {
		for (int i = 0; i < n; i++)
			if (alt[i].filtered)
				words_pass(x, &alt[i], LV_EXACT_F);
	} else {
		for (int i = 0; i < n; i++)
			if (!alt[i].filtered)
				alt[m++] = alt[i];
		n = m;
	}
	/* slips only when nothing matched as well as a word prefix: a name
	 * typed right is not followed by its look-alikes */
	size_t good = x->nactive;
	substring_pass(x, q, limit, LV_SUBSTRING);
	for (int i = 0; i < n; i++)
		substring_pass(x, &alt[i], limit, alt[i].filtered ? LV_SUBSTRING_F : LV_SUBSTRING);
	if (good == 0)
		slips(x, q, alt, n);
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
		if (hit && rx_filter_ok(c, q))
			rx_consider(x, (uint32_t)i, LV_CODE, UINT32_MAX);
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

#define CI_BITS 20 /* a million comuni */
#define CI_MASK ((1u << CI_BITS) - 1)

/* Orders the candidates: active first, then level, then the desk's work,
 * then population (the comune number), and keeps `limit` of them. Returns
 * how many. */
static size_t order_candidates(struct rx_index *x, size_t limit)
{
	size_t n = x->ncand;
	/* sort key: slip, suppressed, level, tier, comune number; fits in 32
	 * bits. A suppressed comune whose name was typed right comes before
	 * the slip matches: it is the name the caller said. */
	for (size_t i = 0; i < n; i++) {
		uint32_t ci = x->cand[i];
		uint32_t slip = x->best[ci] == LV_SLIP || x->best[ci] == LV_SLIP_F;
		x->cand[i] = (slip << (CI_BITS + 7)) | ((uint32_t)x->c[ci].suppressed << (CI_BITS + 6)) |
			     ((uint32_t)x->best[ci] << (CI_BITS + 2)) | ((uint32_t)x->c[ci].tier << CI_BITS) | ci;
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
		x->cand[i] &= CI_MASK;
	return n;
}

/* The public rank of each level (see registry.h). */
static const unsigned char public_rank[NLEVELS] = {0, 1, 2, 0, 1, 2, 3, 3, 5, 5, 4};

static int is_alias(const struct rx_index *x, uint32_t kn)
{
	return kn != UINT32_MAX && (x->k[kn].kind == KEY_FORMER || x->k[kn].kind == KEY_SUCCESSOR);
}

/* rank < 0: each hit's own; else that rank for all. */
static void make_hits(struct rx_index *x, size_t n, int rank, struct registry_hits *out)
{
	size_t bytes = n * sizeof *out->v;
	char *p;
	for (size_t i = 0; i < n; i++) {
		const struct rx_comune *c = &x->c[x->cand[i]];
		uint32_t kn = x->bestkey[x->cand[i]];
		bytes += strlen(x->strings + c->name) + strlen(x->strings + c->other) +
			 strlen(x->strings + c->regione) + 3;
		if (is_alias(x, kn))
			bytes += strlen(x->strings + x->k[kn].display) + strlen(x->strings + x->k[kn].since) + 2;
	}
	if (n == 0)
		return;
	out->v = xmalloc(bytes);
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
		if (is_alias(x, kn)) {
			COPY(h->matched, x->strings + x->k[kn].display);
			if (x->k[kn].since)
				COPY(h->since, x->strings + x->k[kn].since);
			h->merged = x->k[kn].kind == KEY_SUCCESSOR;
		}
		h->suppressed = c->suppressed;
		h->population = c->population;
		h->rank = rank >= 0 ? rank : x->best[ci] < NLEVELS ? public_rank[x->best[ci]] : 3;
	}
#undef COPY
	out->n = n;
}

static int search_start(struct cn_ctx *ctx, const char *query, struct rx_index **x, struct query *q,
			struct registry_hits *out)
{
	int rc;
	out->n = 0;
	out->v = NULL;
	if (!rx_unchanged(ctx)) {
		if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("search the registry"))) ||
		    (rc = rx_index_get(ctx, x)))
			return rc;
	}
	*x = ctx->cache[CN_CACHE_REGISTRY].p;
	if ((rc = rx_query_parse(query ? query : "", q)))
		return cn_set_error(ctx, rc, _("the search text is not valid UTF-8"));
	return CN_OK;
}

int registry_search(struct cn_ctx *ctx, const char *query, int limit,
		    struct registry_hits *out)
{
	struct rx_index *x;
	struct query q;
	size_t lim = limit > 0 ? (size_t)limit : 0;
	int rc;

	if ((rc = search_start(ctx, query, &x, &q, out)))
		return rc;
	if (q.qlen == 0 && !q.sigla[0])
		return CN_OK; /* nothing typed yet */
	if (q.qlen == 0) {
		/* "pr:TO": the whole province, largest first */
		rx_new_search(x);
		for (size_t i = 0; i < x->nc; i++)
			if (rx_filter_ok(&x->c[i], &q))
				rx_consider(x, (uint32_t)i, LV_PREFIX, UINT32_MAX);
	} else if (!prefix_only(x, &q, lim)) {
		rx_new_search(x);
		if (!scan_codes(x, &q))
			scan_names(x, &q, lim);
	}
	make_hits(x, order_candidates(x, lim), -1, out);
	return CN_OK;
}

int registry_suggest(struct cn_ctx *ctx, const char *query, int limit, struct registry_hits *out)
{
	struct rx_index *x;
	struct query q;
	int rc;

	if ((rc = search_start(ctx, query, &x, &q, out)))
		return rc;
	rx_closest(x, &q);
	make_hits(x, order_candidates(x, limit > 0 ? (size_t)limit : 3), 6, out);
	return CN_OK;
}

/* "Name (PR), Name (PR), ..." of the hits, into b. */
static void hit_list(struct cn_buf *b, const struct registry_hits *h, int active_only)
{
	for (size_t i = 0, n = 0; i < h->n && n < 5; i++) {
		if (active_only && h->v[i].suppressed)
			continue;
		buf_printf(b, "%s%s %s (%s)", n++ ? ", " : "", h->v[i].istat, h->v[i].name, h->v[i].sigla);
	}
}

int registry_resolve(struct cn_ctx *ctx, const char *query, char istat[7])
{
	struct registry_hits h;
	struct cn_buf list = {0};
	const struct registry_hit *top = NULL;
	int rc, tied = 0;

	if ((rc = registry_search(ctx, query, 8, &h)))
		return rc;
	for (size_t i = 0; i < h.n; i++) {
		if (h.v[i].suppressed)
			continue;
		if (!top)
			top = &h.v[i];
		else if (h.v[i].rank == top->rank)
			tied = 1;
	}
	if (top && !tied) {
		memcpy(istat, top->istat, 7);
	} else if (top) {
		hit_list(&list, &h, 1);
		rc = cn_set_error(ctx, CN_EDATA, _("'%s' names several comuni: %s; say more (the province: '%s TO') or give the code"),
				  query, buf_str(&list), query);
	} else {
		registry_hits_free(&h);
		if ((rc = registry_suggest(ctx, query, 3, &h)))
			return rc;
		hit_list(&list, &h, 0);
		rc = cn_set_error(ctx, CN_ENOINPUT, _("no comune matches '%s'; did you mean: %s?"), query, buf_str(&list));
	}
	buf_free(&list);
	registry_hits_free(&h);
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
