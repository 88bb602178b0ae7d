/* Key-to-screen latency of the lookup screen: runs `centralino tui` on a
 * pseudo-terminal (80x24), types names one key at a time and measures, for
 * every key, the time from writing the key to the last byte of the screen
 * update it causes. Prints the median and p99 in milliseconds.
 * Usage: bench_tui CENTRALINO DB < names   (one name per line) */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads until the terminal is quiet for quiet_ms; returns the time of the
 * last byte (or `since` when nothing came). */
static double drain(int fd, double since, int quiet_ms)
{
	char buf[65536];
	double last = since;
	struct pollfd p = {.fd = fd, .events = POLLIN};
	while (poll(&p, 1, quiet_ms) > 0) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		last = now_ms();
	}
	return last;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	char line[512];
	double *lat = NULL;
	size_t n = 0, cap = 0;
	int fd;
	pid_t pid;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_tui CENTRALINO DB < names\n");
		return 64;
	}
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 71;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(argv[1], argv[1], "--db", argv[2], "tui", (char *)NULL);
		_exit(127);
	}
	drain(fd, now_ms(), 500); /* the first screen */
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		for (char *p = line; *p;) {
			/* one key: a whole UTF-8 character */
			size_t k = 1;
			double t0;
			while ((p[k] & 0xc0) == 0x80)
				k++;
			t0 = now_ms();
			if (write(fd, p, k) != (ssize_t)k)
				break;
			if (n == cap) {
				cap = cap ? cap * 2 : 1024;
				lat = realloc(lat, cap * sizeof *lat);
				if (!lat)
					return 71;
			}
			lat[n++] = drain(fd, t0, 30) - t0;
			p += k;
		}
		if (write(fd, "\x15", 1) != 1) /* ^U: clear the search */
			break;
		drain(fd, now_ms(), 30);
	}
	if (write(fd, "\033[21~", 5) != 5) /* F10 */
		perror("write");
	drain(fd, now_ms(), 200);
	close(fd);
	waitpid(pid, NULL, 0);
	if (!n) {
		fprintf(stderr, "bench_tui: no keys typed\n");
		return 66;
	}
	qsort(lat, n, sizeof *lat, cmp);
	printf("tui key-to-screen: %zu keys, median %.2f ms, p99 %.2f ms, max %.2f ms (target: under 5 ms)\n",
	       n, lat[n / 2], lat[(size_t)(n * 0.99)], lat[n - 1]);
	free(lat);
	return 0;
}
