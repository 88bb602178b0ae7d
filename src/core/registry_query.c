/* What the operator typed, read the ways callers say a comune: "comune di
 * Forlì", "Cervia RA", "S.ta Cristina", "samone torino". The query as typed
 * is one reading; a trailing car-plate code or a province or region named
 * among the words gives other readings, each with that filter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry_index.h"
#include "centralino/text.h"

/* One bit per letter and digit in s (bit 63: any other byte but space): a
 * key can only match a query whose mask is a subset of its own. */
uint64_t rx_letter_mask(const char *s)
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
uint64_t rx_pair_mask(const char *s, int across)
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

/* Sets the folded text and everything derived from it. */
void rx_query_set(struct query *q, const char *folded)
{
	size_t n = strlen(folded);
	if (n >= sizeof q->q)
		n = sizeof q->q - 1; /* nobody types 255 letters of a name */
	memcpy(q->q, folded, n);
	q->q[n] = '\0';
	while (n && q->q[n - 1] == ' ')
		q->q[--n] = '\0';
	q->qlen = n;
	memcpy(q->words, q->q, n + 1);
	q->nw = 0;
	for (char *w = q->words; *w && q->nw < QWORDS;) {
		char *sp = strchr(w, ' ');
		q->w[q->nw] = w;
		q->wl[q->nw++] = sp ? (size_t)(sp - w) : strlen(w);
		if (!sp)
			break;
		*sp = '\0';
		w = sp + 1;
	}
	q->clen = 0;
	for (size_t i = 0; i < q->qlen; i++)
		if (q->q[i] != ' ')
			q->compact[q->clen++] = q->q[i];
	q->compact[q->clen] = '\0';
	q->mask = rx_letter_mask(q->q);
	q->word_pairs = rx_pair_mask(q->q, 0);
	q->all_pairs = rx_pair_mask(q->q, 1);
}

static int is_letter(char c) { return isalpha((unsigned char)c) != 0; }

/* Takes "pr:XX" / "XX:" out of the query. */
static void take_sigla(const char *in, struct query *q, struct cn_buf *rest)
{
	const char *p = in;
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
		if (s < e) {
			buf_add(rest, s, (size_t)(e - s));
			buf_add(rest, " ", 1);
		}
	}
}

static int word_is(const char *w, size_t len, const char *what)
{
	return strlen(what) == len && memcmp(w, what, len) == 0;
}

/* The caller's own words and the usual abbreviations, on the folded text:
 * a leading "comune di"; "s to", "s ta" (from S.to, S.ta), "sto", "sta"
 * and "ss" before another word stand for santo, santa, santi. ("S." and
 * "Sant" need nothing: "s" and "sant" start the words they stand for.) */
static void natural_forms(const char *in, char *out, size_t size)
{
	struct query t;
	size_t o = 0;
	int i = 0;
	rx_query_set(&t, in);
	if (t.nw >= 2 && word_is(t.w[0], t.wl[0], "comune"))
		i = word_is(t.w[1], t.wl[1], "di") || word_is(t.w[1], t.wl[1], "d") ? 2 : 1;
	for (; i < t.nw; i++) {
		const char *w = t.w[i], *sub = NULL;
		size_t len = t.wl[i];
		int more = i + 1 < t.nw;
		if (word_is(w, len, "s") && more && (word_is(t.w[i + 1], t.wl[i + 1], "to") ||
						     word_is(t.w[i + 1], t.wl[i + 1], "ta"))) {
			sub = t.w[i + 1][1] == 'o' ? "santo" : "santa";
			i++;
		} else if (more && (word_is(w, len, "sto") || word_is(w, len, "sta"))) {
			sub = w[2] == 'o' ? "santo" : "santa";
		} else if (more && word_is(w, len, "ss")) {
			sub = "santi";
		}
		if (sub) {
			w = sub;
			len = strlen(sub);
		}
		if (o + len + 2 >= size)
			break;
		if (o)
			out[o++] = ' ';
		memcpy(out + o, w, len);
		o += len;
	}
	out[o] = '\0';
}

int rx_query_parse(const char *in, struct query *q)
{
	struct cn_buf rest = {0};
	char *folded, norm[256];

	memset(q, 0, sizeof *q);
	q->prov = q->reg = -1;
	take_sigla(in, q, &rest);
	folded = text_fold(buf_str(&rest));
	buf_free(&rest);
	if (!folded)
		return CN_EDATA; /* not valid UTF-8 */
	natural_forms(folded, norm, sizeof norm);
	free(folded);
	rx_query_set(q, norm);
	return CN_OK;
}

/* The query without the words [from, from + n), with a filter. */
static void reading_without(const struct query *q, int from, int n, struct query *alt)
{
	char text[256];
	size_t o = 0;
	*alt = *q;
	for (int i = 0; i < q->nw; i++) {
		if (i >= from && i < from + n)
			continue;
		if (o)
			text[o++] = ' ';
		memcpy(text + o, q->w[i], q->wl[i]);
		o += q->wl[i];
	}
	text[o] = '\0';
	rx_query_set(alt, text);
	alt->filtered = 1;
}

/* How many words of the query from word `at` on spell `name`, 0 if not. */
static int words_spell(const struct query *q, int at, const char *name)
{
	int n = 0;
	for (int i = at; i < q->nw; i++) {
		size_t len = q->wl[i];
		if (strncmp(name, q->w[i], len) != 0 || (name[len] != ' ' && name[len] != '\0'))
			return 0;
		n++;
		name += len;
		if (!*name)
			return n;
		name++;
	}
	return 0;
}

/* "S. Marcello" is San Marcello as much as it starts San Marcello
 * Piteglio: the first lone "s" before another word, spelt out, makes
 * readings as typed that can match exactly. */
static int saint_readings(const struct query *q, struct query *alt, int max)
{
	static const char *const full[] = {"san", "santo", "santa", "sant"};
	int n = 0;
	for (int i = 0; i + 1 < q->nw; i++) {
		if (q->wl[i] != 1 || q->w[i][0] != 's')
			continue;
		for (size_t f = 0; f < sizeof full / sizeof full[0] && n < max; f++) {
			char text[256];
			size_t o = 0;
			for (int j = 0; j < q->nw && o + q->wl[j] + 8 < sizeof text; j++) {
				const char *w = j == i ? full[f] : q->w[j];
				size_t len = j == i ? strlen(w) : q->wl[j];
				if (o)
					text[o++] = ' ';
				memcpy(text + o, w, len);
				o += len;
			}
			text[o] = '\0';
			alt[n] = *q;
			rx_query_set(&alt[n], text);
			n++;
		}
		break;
	}
	return n;
}

int rx_query_readings(const struct rx_index *x, const struct query *q, struct query *alt, int max)
{
	int n = 0;
	if (q->nw < 2 || max <= 0)
		return 0;
	n = saint_readings(q, alt, max);
	/* "forli (FC)", "Cervia RA", "Lucera - FG": a known car-plate code last */
	if (q->wl[q->nw - 1] == 2 && n < max) {
		char s[3] = {(char)toupper((unsigned char)q->w[q->nw - 1][0]),
			     (char)toupper((unsigned char)q->w[q->nw - 1][1]), '\0'};
		for (int p = 0; p < 1000; p++) {
			if (strcmp(x->sigla[p], s) != 0)
				continue;
			reading_without(q, q->nw - 1, 1, &alt[n]);
			alt[n].prov = p;
			n++;
			break;
		}
	}
	/* "samone torino", "castro lecce", "trento calliano" */
	for (size_t a = 0; a < x->nareas && n < max; a++) {
		for (int at = 0; at < q->nw && n < max; at++) {
			int len = words_spell(q, at, x->strings + x->areas[a].text);
			if (len == 0 || len == q->nw)
				continue;
			reading_without(q, at, len, &alt[n]);
			alt[n].prov = x->areas[a].prov;
			alt[n].reg = x->areas[a].reg;
			n++;
			break;
		}
	}
	return n;
}

int rx_filter_ok(const struct rx_comune *c, const struct query *q)
{
	return (!q->sigla[0] || strncmp(c->sigla, q->sigla, strlen(q->sigla)) == 0) &&
	       (q->prov < 0 || c->prov == q->prov) && (q->reg < 0 || c->reg == q->reg);
}
