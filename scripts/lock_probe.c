/* For scripts/lock-brief.sh: how long another process holds the desk's
 * write lock. Loops BEGIN IMMEDIATE / ROLLBACK on DB every 2 ms; each wait
 * is how long a writer (call add, code issue) would have waited at that
 * moment. On SIGTERM prints "probes N, longest wait MS ms" and exits. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	double worst = 0;
	long n = 0, failed = 0;

	if (argc != 2 || sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "usage: lock_probe DB\n");
		return 64;
	}
	signal(SIGTERM, on_term);
	sqlite3_busy_timeout(db, 60000);
	while (!stop) {
		double t0 = now_ms();
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK) {
			double w = now_ms() - t0;
			if (w > worst)
				worst = w;
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			n++;
		} else {
			failed++;
		}
		usleep(2000);
	}
	printf("probes %ld, longest wait %.0f ms, failed %ld\n", n, worst, failed);
	sqlite3_close(db);
	return 0;
}
