/* Search latency per keystroke, in process: typing real names one letter at
 * a time until 1,000 prefixes were searched. Built and run by
 * scripts/bench-registry.sh:
 *   bench_search DB NAMES_FILE [LIMIT]
 * NAMES_FILE: one comune name per line (UTF-8). Prints the index build
 * time and the median, p90, p99 and worst latency in microseconds. Each
 * prefix is searched ROUNDS times and counts with its median time, so that
 * the figures are the search's, not the scheduler's on a shared machine.
 * BENCH_SLOWEST=N in the environment also lists the N slowest prefixes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "centralino/ctx.h"
#include "centralino/registry.h"
#include "bench_util.h"

#define NQUERIES 1000
#define ROUNDS 5

/* A UTF-8 character's length from its first byte. */
int main(int argc, char **argv)
{
	struct cn_open_opts o = {0};
	struct cn_ctx *ctx;
	char err[1024], line[256];
	char **names = NULL, *q[NQUERIES];
	size_t nnames = 0, cap = 0, nq = 0;
	static double t[NQUERIES], round_t[ROUNDS][NQUERIES];
	double t0, build, total_hits = 0;
	int limit = argc > 3 ? atoi(argv[3]) : 60;
	unsigned long seed = 2019;
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_search DB NAMES_FILE [LIMIT]\n");
		return 64;
	}
	if (!(f = fopen(argv[2], "r"))) {
		perror(argv[2]);
		return 66;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!*line)
			continue;
		if (nnames == cap) {
			cap = cap ? cap * 2 : 8192;
			names = realloc(names, cap * sizeof *names);
		}
		names[nnames++] = strdup(line);
	}
	fclose(f);
	if (!nnames) {
		fprintf(stderr, "%s: no names\n", argv[2]);
		return 65;
	}
	/* random names (fixed seed), each typed letter by letter */
	while (nq < NQUERIES) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		const char *name = names[(seed >> 33) % nnames];
		for (size_t n = 0; name[n] && nq < NQUERIES;) {
			n += char_len((unsigned char)name[n]);
			q[nq++] = strndup(name, n);
		}
	}

	o.db_path = argv[1];
	if (cn_ctx_open(&o, &ctx, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	{
		struct registry_hits h;
		t0 = now_us();
		if (registry_search(ctx, "a", limit, &h)) {
			fprintf(stderr, "%s\n", cn_error(ctx));
			return 1;
		}
		build = now_us() - t0;
		registry_hits_free(&h);
	}
	/* one pass to warm the caches, then the measured rounds */
	for (int pass = 0; pass <= ROUNDS; pass++) {
		for (size_t i = 0; i < nq; i++) {
			struct registry_hits h;
			t0 = now_us();
			registry_search(ctx, q[i], limit, &h);
			if (pass)
				round_t[pass - 1][i] = now_us() - t0;
			if (pass == 1)
				total_hits += (double)h.n;
			registry_hits_free(&h);
		}
	}
	for (size_t i = 0; i < nq; i++) {
		double v[ROUNDS];
		for (int r = 0; r < ROUNDS; r++)
			v[r] = round_t[r][i];
		qsort(v, ROUNDS, sizeof *v, cmp_double);
		t[i] = v[ROUNDS / 2];
	}
	if (getenv("BENCH_SLOWEST")) {
		int n = atoi(getenv("BENCH_SLOWEST"));
		for (int k = 0; k < n; k++) {
			size_t w = 0;
			for (size_t i = 0; i < nq; i++)
				if (t[i] > t[w])
					w = i;
			printf("  %8.1f us  '%s'\n", t[w], q[w]);
			t[w] = -t[w];
		}
		for (size_t i = 0; i < nq; i++)
			if (t[i] < 0)
				t[i] = -t[i];
	}
	qsort(t, nq, sizeof *t, cmp_double);
	printf("search: %zu prefixes x %d rounds (limit %d, %.1f hits on average): median %.1f us, p90 %.1f us, p99 %.1f us, worst %.1f us; index built in %.1f ms\n",
	       nq, ROUNDS, limit, total_hits / (double)nq, t[nq / 2], t[nq * 90 / 100], t[nq * 99 / 100], t[nq - 1],
	       build / 1000.0);
	cn_ctx_close(ctx);
	for (size_t i = 0; i < nq; i++)
		free(q[i]);
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return 0;
}
