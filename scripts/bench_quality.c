/* Search quality, in process. Built and run by scripts/bench-registry.sh:
 *   bench_quality DB QUERIES_TSV NAMES
 * QUERIES_TSV: kind, query, expected ISTAT code (tests/gen-queries.sh).
 * NAMES: "istat;name" of the comuni in force, one a line.
 * Prints, per kind and overall, how often the expected comune is first and
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

#define MAXQ 4096
#define ROUNDS 5
#define TYPED 300

struct q { char kind[16], text[200], istat[7]; };

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

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

static void accuracy(struct cn_ctx *ctx, struct q *v, size_t n)
{
	const char *kinds[32];
	int nk = 0, first[32] = {0}, five[32] = {0}, total[32] = {0}, all1 = 0, all5 = 0;
	int misses = getenv("BENCH_MISSES") != NULL;
	for (size_t i = 0; i < n; i++) {
		int k = 0;
		while (k < nk && strcmp(kinds[k], v[i].kind))
			k++;
		if (k == nk && nk < 32)
			kinds[nk++] = v[i].kind;
		int pos = position(ctx, v[i].text, v[i].istat, 5);
		total[k]++;
		first[k] += pos == 0;
		five[k] += pos >= 0;
		all1 += pos == 0;
		all5 += pos >= 0;
		if (misses && pos != 0)
			printf("  miss (%s): '%s' wants %s, position %d\n", v[i].kind, v[i].text, v[i].istat, pos + 1);
	}
	for (int k = 0; k < nk; k++)
		printf("  %-10s %3d queries: first %5.1f%%, in the first 5 %5.1f%%\n", kinds[k], total[k],
		       100.0 * first[k] / total[k], 100.0 * five[k] / total[k]);
	printf("quality: %zu variant queries: first %.1f%%, in the first 5 %.1f%%\n", n,
	       n ? 100.0 * all1 / (double)n : 0, n ? 100.0 * all5 / (double)n : 0);
}

static void slip_latency(struct cn_ctx *ctx, struct q *v, size_t n)
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
	printf("slip latency: %zu slip queries and their prefixes of 5+ letters: median %.1f us, p99 %.1f us, worst %.1f us (limit 60)\n",
	       nt, t[nt / 2], t[nt * 99 / 100], t[nt - 1]);
}

/* A UTF-8 character's length from its first byte. */
static size_t char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

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
	static struct q v[MAXQ];
	char err[1024];
	size_t n;

	if (argc < 4) {
		fprintf(stderr, "usage: bench_quality DB QUERIES_TSV NAMES\n");
		return 64;
	}
	if (!(n = load_queries(argv[2], v))) {
		fprintf(stderr, "%s: no queries\n", argv[2]);
		return 65;
	}
	o.db_path = argv[1];
	if (cn_ctx_open(&o, &ctx, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	accuracy(ctx, v, n);
	slip_latency(ctx, v, n);
	keystrokes(ctx, argv[3]);
	cn_ctx_close(ctx);
	return 0;
}
