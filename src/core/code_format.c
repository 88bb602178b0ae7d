/* Access codes as symbols: check symbol, grouping, masking, spelling and
 * reading what people type. Pure functions; see code.h for the design. */
#include <string.h>

#include "centralino/code.h"
#include "centralino/ctx.h"
#include "centralino/i18n.h"

static const char alphabet[] = CODE_ALPHABET;

int code_symbol_value(int c)
{
	const char *p;
	if (c <= 0 || c > 127)
		return -1;
	p = strchr(alphabet, c);
	return p ? (int)(p - alphabet) : -1;
}

/* Weight of the 0-based position i: 1..30 cycling, never 0 mod 31 and never
 * equal to a neighbour's, which is what makes single substitutions and
 * adjacent swaps visible. */
static int weight(size_t i)
{
	return (int)(i % 30) + 1;
}

/* w^-1 mod 31 (Fermat: w^29). */
static int inverse(int w)
{
	int r = 1, b = w % CODE_RADIX;
	for (int e = CODE_RADIX - 2; e; e >>= 1) {
		if (e & 1)
			r = r * b % CODE_RADIX;
		b = b * b % CODE_RADIX;
	}
	return r;
}

static int mod31(long v)
{
	long m = v % CODE_RADIX;
	return (int)(m < 0 ? m + CODE_RADIX : m);
}

/* The weighted sum mod 31 of values v[0..n). */
static int weighted_sum(const int *v, size_t n)
{
	long s = 0;
	for (size_t i = 0; i < n; i++)
		s += (long)weight(i) * v[i];
	return mod31(s);
}

/* The value that makes the sum 0 when put at position `at` (weight of at),
 * given the sum of the others. */
static int solve(int others, size_t at)
{
	return mod31((long)(CODE_RADIX - others) * inverse(weight(at)));
}

char code_check_symbol(const char *body, size_t n)
{
	long s = 0;
	for (size_t i = 0; i < n; i++)
		s += (long)weight(i) * code_symbol_value((unsigned char)body[i]);
	return alphabet[solve(mod31(s), n)];
}

int code_is_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	long sum = 0;
	if (n < CODE_MIN_LENGTH + 1 || n > CODE_MAX_LENGTH + 1)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int v = code_symbol_value((unsigned char)s[i]);
		if (v < 0)
			return 0;
		sum += (long)weight(i) * v;
	}
	return mod31(sum) == 0;
}

void code_group(const char *code, char *out, size_t outsz)
{
	size_t o = 0;
	if (!outsz)
		return;
	for (size_t i = 0; code[i] && o + 2 < outsz; i++) {
		if (i && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = code[i];
	}
	out[o] = '\0';
}

void code_mask(const char *code, char *out, size_t outsz)
{
	code_mask_keep(code, 3, out, outsz);
}

void code_mask_keep(const char *code, size_t keep, char *out, size_t outsz)
{
	static const char dot[] = "\xe2\x80\xa2"; /* • */
	size_t n = strlen(code), o = 0;
	if (!outsz)
		return;
	for (size_t i = 0; i < n; i++) {
		int hide = i + keep < n;
		size_t need = (i && i % 4 == 0) + (hide ? 3 : 1);
		if (o + need + 1 > outsz)
			break;
		if (i && i % 4 == 0)
			out[o++] = ' ';
		if (hide) {
			memcpy(out + o, dot, 3);
			o += 3;
		} else {
			out[o++] = code[i];
		}
	}
	out[o] = '\0';
}

/* The Italian telephone alphabet: what the desk says down the line. */
static const char *const letters[26] = {
	"A come Ancona", "B come Bologna", "C come Como", "D come Domodossola",
	"E come Empoli", "F come Firenze", "G come Genova", "H come Hotel",
	"I come Imola", "J come Jolly", "K come Kursaal", "L come Livorno",
	"M come Milano", "N come Napoli", "O come Otranto", "P come Palermo",
	"Q come Quarto", "R come Roma", "S come Savona", "T come Torino",
	"U come Udine", "V come Venezia", "W come Washington", "X come Xeres",
	"Y come Yacht", "Z come Zara",
};
static const char *const digits[10] = {
	"0 (zero)", "1 (uno)", "2 (due)", "3 (tre)", "4 (quattro)",
	"5 (cinque)", "6 (sei)", "7 (sette)", "8 (otto)", "9 (nove)",
};

const char *code_spell_symbol(int c)
{
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c >= 'A' && c <= 'Z')
		return letters[c - 'A'];
	if (c >= '0' && c <= '9')
		return digits[c - '0'];
	return NULL;
}

void code_spell(const char *code, struct cn_buf *out)
{
	for (size_t i = 0; code[i]; i++) {
		const char *w = code_spell_symbol((unsigned char)code[i]);
		const char *sep = i == 0 ? "" : i % 4 == 0 ? "\n" : ", ";
		if (!w)
			continue;
		buf_puts(out, sep);
		buf_puts(out, w);
	}
}

/* ---- what people type ---- */

static int lookalike(int c)
{
	return c == '0' || c == 'O' || c == '1' || c == 'I' || c == 'L';
}

void code_typed_parse(const char *input, struct code_typed *t)
{
	size_t n = 0;
	long sum = 0;

	memset(t, 0, sizeof *t);
	t->state = CODE_TYPED_INVALID;
	for (const unsigned char *p = (const unsigned char *)(input ? input : ""); *p; p++) {
		int c = *p;
		if (c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/')
			continue;
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (code_symbol_value(c) < 0 && !lookalike(c)) {
			t->bad = (char)c;
			return;
		}
		if (n + 1 >= sizeof t->norm) {
			t->len = n;
			return; /* far too long to be a code */
		}
		if (lookalike(c)) {
			if (t->nlookalike == 2) {
				t->nlookalike++;
				t->bad = (char)c;
				t->norm[n] = '\0';
				t->len = n;
				return;
			}
			t->lookalike_at[t->nlookalike++] = n;
		} else {
			sum += (long)weight(n) * code_symbol_value(c);
		}
		t->norm[n++] = (char)c;
	}
	t->norm[n] = '\0';
	t->len = n;
	/* One symbol missing or one extra still leaves something to repair. */
	if (n < CODE_MIN_LENGTH || n > CODE_MAX_LENGTH + 2)
		return;
	if (t->nlookalike)
		t->state = CODE_TYPED_LOOKALIKE;
	else if (n >= CODE_MIN_LENGTH + 1 && n <= CODE_MAX_LENGTH + 1 && mod31(sum) == 0)
		t->state = CODE_TYPED_OK;
	else
		t->state = CODE_TYPED_MISTYPED;
}

const char *code_repair_text(enum code_repair how)
{
	switch (how) {
	case CODE_EXACT: return _("exact");
	case CODE_LOOKALIKE_FIXED: return _("look-alike symbol read");
	case CODE_SUBSTITUTION: return _("one symbol wrong");
	case CODE_SWAP: return _("two neighbours swapped");
	case CODE_MISSING: return _("one symbol missing");
	case CODE_EXTRA: return _("one symbol too many");
	case CODE_SLIP: return _("one slip away");
	}
	return "?";
}

static int length_ok(size_t n)
{
	return n >= CODE_MIN_LENGTH + 1 && n <= CODE_MAX_LENGTH + 1;
}

static int emit(const int *v, size_t n, enum code_repair how, size_t pos,
		code_candidate_fn fn, void *arg)
{
	char s[CODE_BUFSZ + 2];
	if (!length_ok(n))
		return 0;
	for (size_t i = 0; i < n; i++)
		s[i] = alphabet[v[i]];
	s[n] = '\0';
	return fn(s, how, pos, arg);
}

static void fill_lookalikes(const struct code_typed *t, int *v, code_candidate_fn fn, void *arg)
{
	size_t p = t->lookalike_at[0], n = t->len;
	if (t->nlookalike == 1) {
		v[p] = 0;
		v[p] = solve(weighted_sum(v, n), p);
		emit(v, n, CODE_LOOKALIKE_FIXED, p, fn, arg);
		return;
	}
	/* Two misread places: one free, the check fixes the other. */
	for (int x = 0; x < CODE_RADIX; x++) {
		size_t q = t->lookalike_at[1];
		v[q] = x;
		v[p] = 0;
		v[p] = solve(weighted_sum(v, n), p);
		if (emit(v, n, CODE_LOOKALIKE_FIXED, p, fn, arg))
			return;
	}
}

void code_candidates(const struct code_typed *t, code_candidate_fn fn, void *arg)
{
	int v[CODE_BUFSZ + 8], w[CODE_BUFSZ + 8];
	size_t n = t->len;
	int sum;

	if (t->state == CODE_TYPED_INVALID || n + 1 > sizeof v / sizeof v[0])
		return;
	for (size_t i = 0; i < n; i++)
		v[i] = code_symbol_value((unsigned char)t->norm[i]);
	if (t->state == CODE_TYPED_LOOKALIKE) {
		fill_lookalikes(t, v, fn, arg);
		return;
	}
	/* A well-formed input may still be one symbol short or long whose
	 * check passes by chance (1 in 31): after the exact code come those
	 * repairs; a substitution or swap of it can never pass. */
	if (t->state == CODE_TYPED_OK && emit(v, n, CODE_EXACT, 0, fn, arg))
		return;
	sum = weighted_sum(v, n);
	/* One wrong symbol: at each place exactly one value mends the sum. */
	for (size_t i = 0; i < n && sum; i++) {
		int old = v[i];
		v[i] = mod31(old - (long)sum * inverse(weight(i)));
		if (v[i] != old && emit(v, n, CODE_SUBSTITUTION, i, fn, arg))
			return;
		v[i] = old;
	}
	/* Two neighbours swapped. */
	for (size_t i = 0; i + 1 < n && sum; i++) {
		int a = v[i], b = v[i + 1];
		if (a == b || mod31(sum + (long)(weight(i) - weight(i + 1)) * (b - a)) != 0)
			continue;
		v[i] = b;
		v[i + 1] = a;
		if (emit(v, n, CODE_SWAP, i, fn, arg))
			return;
		v[i] = a;
		v[i + 1] = b;
	}
	/* One symbol missing: insert at each place the value that mends it. */
	for (size_t p = 0; p <= n && n + 1 <= CODE_MAX_LENGTH + 1; p++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (k == p)
				w[k++] = 0;
			w[k++] = v[i];
		}
		if (k == p)
			w[k++] = 0;
		w[p] = solve(weighted_sum(w, n + 1), p);
		if (emit(w, n + 1, CODE_MISSING, p, fn, arg))
			return;
	}
	/* One symbol too many. */
	for (size_t p = 0; p < n && n - 1 >= CODE_MIN_LENGTH + 1; p++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (i != p)
				w[k++] = v[i];
		if (weighted_sum(w, k) == 0 && emit(w, k, CODE_EXTRA, p, fn, arg))
			return;
	}
}

/* ---- verification methods ---- */

const char *const code_verified_methods[] = {
	"richiamata_centralino", "referente_noto", "richiesta_pec", "altro:", NULL,
};

int code_verified_check(const char *s)
{
	if (!s)
		return CN_EUSAGE;
	for (int i = 0; i < 3; i++)
		if (strcmp(s, code_verified_methods[i]) == 0)
			return CN_OK;
	if (strncmp(s, "altro:", 6) == 0) {
		for (const char *p = s + 6; *p; p++)
			if (*p != ' ' && *p != '\t')
				return CN_OK;
	}
	return CN_EUSAGE;
}

const char *code_verified_text(const char *method)
{
	if (!method || !*method)
		return "";
	if (strcmp(method, "richiamata_centralino") == 0)
		return _("called back through the respondent's switchboard");
	if (strcmp(method, "referente_noto") == 0)
		return _("caller is the known referent");
	if (strcmp(method, "richiesta_pec") == 0)
		return _("request received by PEC");
	if (strncmp(method, "altro:", 6) == 0)
		return method + 6;
	return method;
}
