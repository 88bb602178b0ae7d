/* One slip per word, and "did you mean".
 *
 * The index for slips is the vocabulary of the registry's names: every
 * distinct folded word (about 8,000 for 8,000 comuni), with a letter mask,
 * and for every key the numbers of its words. A query word of 5+ letters
 * is compared with each vocabulary word by an O(length) test, "is the
 * query word one substitution, deletion, insertion or transposition away
 * from a prefix of this word", after a mask test that rejects a word
 * missing two of its letters; then the keys whose words take the query's
 * words in order are ranked as slip matches. Why not a deletion dictionary
 * (SymSpell) or trigrams: the operator types while the caller spells, so
 * the last word is unfinished and the slip must match a prefix; a deletion
 * dictionary would have to hold the deletions of every prefix of every
 * word (ten times the memory and build time), and trigrams cannot tell one
 * slip from two. A linear pass over 8,000 short words with a mask filter
 * costs a few tens of microseconds, far under the 1 ms a keystroke may
 * take. */
#include <stdlib.h>
#include <string.h>

#include "registry_index.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

struct vocab_builder {
	struct cn_buf text;
	uint32_t *slot, nslot;       /* open addressing: word number + 1 */
	size_t cap;
};

/* The number of the word, added when new; UINT32_MAX for a word over 255 bytes. */
static uint32_t word_id(struct rx_index *x, struct vocab_builder *b, const char *w, size_t n)
{
	uint32_t i = hash_word(w, n) & (b->nslot - 1);
	while (b->slot[i]) {
		uint32_t id = b->slot[i] - 1;
		if (x->vlen[id] == n && memcmp(x->vocab + x->voff[id], w, n) == 0)
			return id;
		i = (i + 1) & (b->nslot - 1);
	}
	if (n > 255)
		return UINT32_MAX;
	buf_add(&b->text, w, n);
	buf_add(&b->text, "", 1);
	x->vocab = b->text.p; /* may have moved */
	x->voff[x->nv] = (uint32_t)(b->text.len - n - 1);
	x->vlen[x->nv] = (uint8_t)n;
	x->vmask[x->nv] = (uint32_t)rx_letter_mask(x->vocab + x->voff[x->nv]);
	b->slot[i] = (uint32_t)++x->nv;
	return (uint32_t)x->nv - 1;
}

int rx_vocab_build(struct rx_index *x)
{
	struct vocab_builder b = {0};
	size_t total = 0, at = 0;
	int rc = CN_EOSERR;

	for (size_t i = 0; i < x->kstart[x->nk]; i++)
		total += x->keys[i] == ' ' || x->keys[i] == '\n';
	b.nslot = 16;
	while (b.nslot < total * 2)
		b.nslot *= 2;
	b.slot = xcalloc(b.nslot, sizeof *b.slot);
	x->kwords = xmalloc((total + 1) * sizeof *x->kwords);
	x->voff = xmalloc((total + 1) * sizeof *x->voff);
	x->vmask = xmalloc((total + 1) * sizeof *x->vmask);
	x->vlen = xmalloc(total + 1);
	for (size_t kn = 0; kn < x->nk; kn++) {
		const char *s = x->keys + x->kstart[kn], *end = x->keys + x->kstart[kn + 1] - 1;
		x->k[kn].word0 = (uint32_t)at;
		while (s < end) {
			const char *e = memchr(s, ' ', (size_t)(end - s));
			if (!e)
				e = end;
			uint32_t id = word_id(x, &b, s, (size_t)(e - s));
			if (id == UINT32_MAX)
				goto out;
			x->kwords[at++] = id;
			s = e + 1;
		}
		x->k[kn].nwords = (uint32_t)(at - x->k[kn].word0);
	}
	x->vhit = xcalloc(x->nv + 1, sizeof *x->vhit);
	x->vslip = xcalloc(x->nv + 1, sizeof *x->vslip);
	x->vkeys0 = xcalloc(x->nv + 2, sizeof *x->vkeys0);
	x->vkeys = xmalloc((total + 1) * sizeof *x->vkeys);
	/* per word, the keys that hold it */
	for (size_t i = 0; i < at; i++)
		x->vkeys0[x->kwords[i] + 2]++;
	for (size_t v = 0; v < x->nv; v++)
		x->vkeys0[v + 2] += x->vkeys0[v + 1];
	for (uint32_t kn = 0; kn < x->nk; kn++)
		for (uint32_t j = 0; j < x->k[kn].nwords; j++)
			x->vkeys[x->vkeys0[x->kwords[x->k[kn].word0 + j] + 1]++] = kn;
	rc = CN_OK;
out:
	x->vocab = b.text.p; /* freed with the index */
	free(b.slot);
	return rc;
}

static int is_prefix(const char *q, size_t ql, const char *w, size_t wl)
{
	return ql <= wl && memcmp(q, w, ql) == 0;
}

/* 1 when q is one slip away from a prefix of w (and not a prefix itself). */
static int one_slip(const char *q, size_t ql, const char *w, size_t wl)
{
	size_t i = 0;
	while (i < ql && i < wl && q[i] == w[i])
		i++;
	if (i == ql)
		return 0;
	if (i < wl && is_prefix(q + i + 1, ql - i - 1, w + i + 1, wl - i - 1))
		return 1; /* a letter wrong */
	if (is_prefix(q + i + 1, ql - i - 1, w + i, wl - i))
		return 1; /* a letter too many (doubled) */
	if (i < wl && is_prefix(q + i, ql - i, w + i + 1, wl - i - 1))
		return 1; /* a letter missing */
	return i + 1 < ql && i + 1 < wl && q[i] == w[i + 1] && q[i + 1] == w[i] &&
	       is_prefix(q + i + 2, ql - i - 2, w + i + 2, wl - i - 2); /* two swapped */
}

/* 1 when q is the whole of w with one letter missing ("sesa", "aata"):
 * the slip a four-letter word may have, when the word meant has five. */
static int one_missing(const char *q, size_t ql, const char *w, size_t wl)
{
	size_t i = 0;
	if (wl != ql + 1)
		return 0;
	while (i < ql && q[i] == w[i])
		i++;
	return memcmp(q + i, w + i + 1, ql - i) == 0;
}

int rx_slip_word(struct slip_words *sw, const char *w, size_t wl)
{
	for (int i = 0; i < sw->n; i++)
		if (sw->wl[i] == wl && memcmp(sw->w[i], w, wl) == 0)
			return i;
	if (sw->n == QWORDS)
		return -1;
	sw->w[sw->n] = w;
	sw->wl[sw->n] = wl;
	return sw->n++;
}

/* Marks, per vocabulary word, the words of sw it takes as typed (vhit) or
 * with a slip (vslip); word by word, the mask test first on the
 * contiguous masks, which rejects nearly every word. 0 when no word takes
 * a slip. */
int rx_slip_mark(struct rx_index *x, struct slip_words *sw)
{
	uint16_t any = 0;
	memset(x->vhit, 0, x->nv * sizeof *x->vhit);
	memset(x->vslip, 0, x->nv * sizeof *x->vslip);
	for (int i = 0; i < sw->n; i++) {
		const char *qw = sw->w[i];
		size_t ql = sw->wl[i];
		char tmp[256];
		memcpy(tmp, qw, ql);
		tmp[ql] = '\0';
		uint32_t qm = (uint32_t)rx_letter_mask(tmp);
		uint16_t bit = (uint16_t)(1u << i);
		sw->count[i] = 0;
		for (size_t v = 0; v < x->nv; v++) {
			uint32_t extra = qm & ~x->vmask[v]; /* letters the word lacks */
			if (extra & (extra - 1))
				continue;
			const char *w = x->vocab + x->voff[v];
			size_t wl = x->vlen[v];
			if (!extra && w[0] == qw[0] && is_prefix(qw, ql, w, wl)) {
				x->vhit[v] |= bit;
				sw->count[i]++;
			} else if (ql >= 4 && wl + 1 >= ql &&
				   (ql >= 5 ? one_slip(qw, ql, w, wl) : one_missing(qw, ql, w, wl))) {
				x->vhit[v] |= bit;
				x->vslip[v] |= bit;
				any |= bit;
				sw->count[i]++;
			}
		}
	}
	return any != 0;
}

/* The query's words (their bits in `bits`) take words of the key in
 * order, one at least with a slip. */
static int key_takes(const struct rx_index *x, const struct rx_key *k, const uint16_t *bits, int nw)
{
	uint32_t j = k->word0, end = k->word0 + k->nwords;
	int slipped = 0;
	for (int i = 0; i < nw; i++) {
		while (j < end && !(x->vhit[x->kwords[j]] & bits[i]))
			j++;
		if (j == end)
			return 0;
		slipped |= (x->vslip[x->kwords[j]] & bits[i]) != 0;
		j++;
	}
	return slipped;
}

void rx_slip_pass(struct rx_index *x, const struct query *q, const struct slip_words *sw,
		  const int *map, int level)
{
	uint16_t bits[QWORDS], any = 0;
	int pick = 0;
	for (int i = 0; i < q->nw; i++) {
		if (map[i] < 0)
			return;
		bits[i] = (uint16_t)(1u << map[i]);
		if (sw->count[map[i]] < sw->count[map[pick]])
			pick = i;
	}
	for (size_t v = 0; v < x->nv && !any; v++)
		for (int i = 0; i < q->nw; i++)
			any |= x->vslip[v] & bits[i];
	if (q->nw == 0 || !any)
		return;
	/* the keys holding a word that the rarest query word reaches */
	for (size_t v = 0; v < x->nv; v++) {
		if (!(x->vhit[v] & bits[pick]))
			continue;
		for (uint32_t p = x->vkeys0[v]; p < x->vkeys0[v + 1]; p++) {
			uint32_t kn = x->vkeys[p];
			const struct rx_key *k = &x->k[kn];
			if (x->stamp[k->comune] == x->gen && x->best[k->comune] <= level)
				continue;
			if (rx_filter_ok(&x->c[k->comune], q) && key_takes(x, k, bits, q->nw))
				rx_consider(x, k->comune, level, kn);
		}
	}
}

/* Edit distance (with transpositions) from q to the closest prefix of k. */
static int prefix_distance(const char *q, size_t ql, const char *k, size_t kl)
{
	int rows[3][65], *pp = rows[0], *p = rows[1], *c = rows[2], best;
	if (ql > 48)
		ql = 48;
	if (kl > 64)
		kl = 64;
	for (size_t j = 0; j <= kl; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= ql; i++) {
		c[0] = (int)i;
		for (size_t j = 1; j <= kl; j++) {
			int d = p[j - 1] + (q[i - 1] != k[j - 1]);
			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (c[j - 1] + 1 < d)
				d = c[j - 1] + 1;
			if (i > 1 && j > 1 && q[i - 1] == k[j - 2] && q[i - 2] == k[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			c[j] = d;
		}
		int *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	best = p[0];
	for (size_t j = 1; j <= kl; j++)
		if (p[j] < best)
			best = p[j];
	return best;
}

#define SHORTLIST 64

/* The keys sharing most letter pairs with the query make a short list;
 * their comuni are ordered by edit distance, then population. */
void rx_closest(struct rx_index *x, const struct query *q)
{
	uint32_t list[SHORTLIST], score[SHORTLIST];
	size_t n = 0;

	rx_new_search(x);
	if (!q->qlen)
		return;
	for (uint32_t kn = 0; kn < x->nk; kn++) {
		const struct rx_key *k = &x->k[kn];
		const struct rx_comune *c = &x->c[k->comune];
		if (c->suppressed || !rx_filter_ok(c, q))
			continue;
		uint32_t s = (uint32_t)__builtin_popcountll(k->pairs & q->all_pairs);
		if (n == SHORTLIST && s <= score[n - 1])
			continue;
		size_t j = n < SHORTLIST ? n++ : n - 1;
		while (j > 0 && score[j - 1] < s) {
			list[j] = list[j - 1];
			score[j] = score[j - 1];
			j--;
		}
		list[j] = kn;
		score[j] = s;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t kn = list[i];
		int d = prefix_distance(q->q, q->qlen, x->keys + x->kstart[kn], x->kstart[kn + 1] - x->kstart[kn] - 1);
		rx_consider(x, x->k[kn].comune, d > 15 ? 15 : d, kn);
	}
}
