/* Search quality, in process. Built and run by scripts/bench-registry.sh:
 *   bench_quality DB NAMES LABEL=QUERIES_TSV...
 * NAMES: "istat;name" of the comuni in force, one a line.
 * QUERIES_TSV: kind, query, expected ISTAT code (tests/gen-queries.sh), one
 * file per seed; LABEL heads its column.
 * Prints, per kind and overall, one column per file, how often the expected comune is first and
 * in the first five; the latency of the queries that need the slip
 * tolerance (the "slip" kind's queries and their prefixes of 5+ bytes,
 * median of ROUNDS runs each); and how many keystrokes it takes, typing
 * 300 random names letter by letter, until the comune is in the first
 * five. BENCH_MISSES=1 also lists the queries that missed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "centralino/ctx.h"
#include "centralino/registry.h"
#include "bench_util.h"

#define MAXQ 4096
#define ROUNDS 5
#define TYPED 300

struct q { char kind[16], text[200], istat[7]; };

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Position of the comune in the first `limit` hits, -1 when absent. */
static int position(struct cn_ctx *ctx, const char *text, const char *istat, int limit)
{
	struct registry_hits h;
	int pos = -1;
	if (registry_search(ctx, text, limit, &h))
		return -1;
	for (size_t i = 0; i < h.n && pos < 0; i++)
		if (strcmp(h.v[i].istat, istat) == 0)
			pos = (int)i;
	registry_hits_free(&h);
	return pos;
}

static double timed(struct cn_ctx *ctx, const char *text)
{
	double v[ROUNDS];
	for (int r = 0; r < ROUNDS; r++) {
		struct registry_hits h;
		double t0 = now_us();
		registry_search(ctx, text, 60, &h);
		v[r] = now_us() - t0;
		registry_hits_free(&h);
	}
	qsort(v, ROUNDS, sizeof *v, cmp_double);
	return v[ROUNDS / 2];
}

static size_t load_queries(const char *path, struct q *v)
{
	char line[512];
	size_t n = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	while (n < MAXQ && fgets(line, sizeof line, f)) {
		char *k = strtok(line, "\t"), *t = strtok(NULL, "\t"), *c = strtok(NULL, "\t\r\n");
		if (!k || !t || !c)
			continue;
		snprintf(v[n].kind, sizeof v[n].kind, "%s", k);
		snprintf(v[n].text, sizeof v[n].text, "%s", t);
		snprintf(v[n].istat, sizeof v[n].istat, "%s", c);
		n++;
	}
	fclose(f);
	return n;
}

/* Per kind, how often the expected comune is first and in the first five. */
struct score { const char *kinds[32]; int nk, first[32], five[32], total[32]; };

static void score_set(struct cn_ctx *ctx, const struct q *v, size_t n, struct score *s)
{
	int misses = getenv("BENCH_MISSES") != NULL;
	for (size_t i = 0; i < n; i++) {
		int k = 0;
		while (k < s->nk && strcmp(s->kinds[k], v[i].kind))
			k++;
		if (k == s->nk) {
			if (s->nk == 31)
				continue;
			s->kinds[s->nk++] = v[i].kind;
		}
		int pos = position(ctx, v[i].text, v[i].istat, 5);
		s->total[k]++;
		s->first[k] += pos == 0;
		s->five[k] += pos >= 0;
		if (misses && pos != 0)
			printf("  miss (%s): '%s' wants %s, position %d\n", v[i].kind, v[i].text, v[i].istat, pos + 1);
	}
}

static void print_cell(int first, int five, int total)
{
	char cell[40];
	snprintf(cell, sizeof cell, "%3d: %5.1f / %5.1f", total, total ? 100.0 * first / total : 0,
		 total ? 100.0 * five / total : 0);
	printf("  %-22s", cell);
}

/* One column per set of queries, one row per kind of the first set. */
static void accuracy(struct cn_ctx *ctx, struct q *const *sets, const size_t *ns, char *const *labels, int nsets)
{
	static struct score s[8];
	printf("quality: queries: right comune first %% / in the first 5 %% (targets 90 / 97)\n  %-10s", "kind");
	for (int j = 0; j < nsets; j++) {
		score_set(ctx, sets[j], ns[j], &s[j]);
		printf("  %-22s", labels[j]);
	}
	printf("\n");
	for (int k = 0; k < s[0].nk; k++) {
		printf("  %-10s", s[0].kinds[k]);
		for (int j = 0; j < nsets; j++) {
			int m = 0;
			while (m < s[j].nk && strcmp(s[j].kinds[m], s[0].kinds[k]))
				m++;
			print_cell(s[j].first[m], s[j].five[m], s[j].total[m]);
		}
		printf("\n");
	}
	printf("  %-10s", "all");
	for (int j = 0; j < nsets; j++) {
		int f = 0, five = 0, t = 0;
		for (int k = 0; k < s[j].nk; k++) {
			f += s[j].first[k];
			five += s[j].five[k];
			t += s[j].total[k];
		}
		print_cell(f, five, t);
	}
	printf("\n");
}

static void slip_latency(struct cn_ctx *ctx, const char *label, const struct q *v, size_t n)
{
	static double t[MAXQ * 8];
	size_t nt = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].kind, "slip"))
			continue;
		size_t len = strlen(v[i].text);
		for (size_t l = 5; l <= len && nt < sizeof t / sizeof *t; l++) {
			char pre[200];
			memcpy(pre, v[i].text, l);
			pre[l] = '\0';
			t[nt++] = timed(ctx, pre);
		}
	}
	if (!nt)
		return;
	qsort(t, nt, sizeof *t, cmp_double);
	printf("slip latency, %s: %zu slip queries and their prefixes of 5+ letters: median %.1f us, p99 %.1f us, worst %.1f us (limit 60)\n",
	       label, nt, t[nt / 2], t[nt * 99 / 100], t[nt - 1]);
}

/* A UTF-8 character's length from its first byte. */
static void keystrokes(struct cn_ctx *ctx, const char *path)
{
	static char names[16384][80], codes[16384][7];
	static int keys[TYPED];
	char line[256];
	size_t n = 0;
	unsigned long seed = 2019;
	int never = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (n < 16384 && fgets(line, sizeof line, f)) {
		char *c = strtok(line, ";"), *nm = strtok(NULL, ";\r\n");
		if (!c || !nm)
			continue;
		snprintf(codes[n], sizeof codes[n], "%s", c);
		snprintf(names[n], sizeof names[n], "%s", nm);
		n++;
	}
	fclose(f);
	if (!n)
		return;
	for (int i = 0; i < TYPED; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		size_t k = (seed >> 33) % n, len = 0;
		int typed = 0;
		char pre[80];
		keys[i] = -1;
		while (names[k][len]) {
			len += char_len((unsigned char)names[k][len]);
			memcpy(pre, names[k], len);
			pre[len] = '\0';
			typed++;
			if (position(ctx, pre, codes[k], 5) >= 0) {
				keys[i] = typed;
				break;
			}
		}
		if (keys[i] < 0) {
			keys[i] = typed + 1;
			never++;
		}
	}
	qsort(keys, TYPED, sizeof *keys, cmp_int);
	printf("keystrokes until in the first 5, %d random comuni: median %d, p90 %d (%d never, counted as length + 1)\n",
	       TYPED, keys[TYPED / 2], keys[TYPED * 90 / 100], never);
}

int main(int argc, char **argv)
{
	struct cn_open_opts o = {0};
	struct cn_ctx *ctx;
	static struct q v[8][MAXQ];
	struct q *sets[8];
	size_t ns[8];
	char *labels[8], err[1024];
	int nsets = argc - 3;

	if (argc < 4 || nsets > 8) {
		fprintf(stderr, "usage: bench_quality DB NAMES LABEL=QUERIES_TSV... (at most 8)\n");
		return 64;
	}
	for (int j = 0; j < nsets; j++) {
		char *eq = strchr(argv[3 + j], '=');
		labels[j] = argv[3 + j];
		if (eq)
			*eq = '\0';
		sets[j] = v[j];
		if (!eq || !(ns[j] = load_queries(eq + 1, v[j]))) {
			fprintf(stderr, "%s: no queries\n", eq ? eq + 1 : argv[3 + j]);
			return 65;
		}
	}
	o.db_path = argv[1];
	if (cn_ctx_open(&o, &ctx, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	accuracy(ctx, sets, ns, labels, nsets);
	for (int j = 0; j < nsets; j++)
		slip_latency(ctx, labels[j], sets[j], ns[j]);
	keystrokes(ctx, argv[2]);
	cn_ctx_close(ctx);
	return 0;
}
