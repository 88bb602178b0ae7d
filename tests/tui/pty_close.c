/* Test helper: runs a command on a pseudo-terminal of its own, outside the
 * terminal's session (as `su - user -c CMD` does), types KEYS, then closes
 * the terminal without sending SIGHUP and reports how long the process
 * took to go and the CPU it used meanwhile.
 * usage: pty_close KEYS... -- CMD [ARGS...]
 *   each KEYS argument is written at once (an escape sequence must arrive
 *   whole), 200 ms apart; C escapes \e \r \t
 * prints: "gone after N ms, cpu N ms" or "still running after 3000 ms" */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads what the program draws for ms milliseconds (so it never blocks on
 * a full terminal); returns 1 when `want` was seen. */
static int drain(int m, int ms, const char *want)
{
	char buf[4096], seen[8192] = "";
	size_t used = 0;
	long end = now_ms() + ms;
	while (now_ms() < end) {
		struct pollfd p = {.fd = m, .events = POLLIN};
		if (poll(&p, 1, 20) > 0 && (p.revents & POLLIN)) {
			ssize_t n = read(m, buf, sizeof buf);
			if (n <= 0)
				return 0;
			if (used + (size_t)n >= sizeof seen)
				used = 0;
			memcpy(seen + used, buf, (size_t)n);
			used += (size_t)n;
			seen[used] = '\0';
			if (want && memmem(seen, used, want, strlen(want)))
				return 1;
		}
	}
	return 0;
}

static void type_keys(int m, const char *k)
{
	char out[1024];
	size_t o = 0;
	for (; *k && o < sizeof out; k++) {
		char c = *k;
		if (c == '\\' && k[1]) {
			k++;
			c = *k == 'e' ? 27 : *k == 'r' ? '\r' : *k == 't' ? '\t' : *k;
		}
		out[o++] = c;
	}
	if (write(m, out, o) != (ssize_t)o)
		return;
	drain(m, 200, NULL);
}

int main(int argc, char **argv)
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	struct rusage ru;
	int m, s, status;
	long closed;
	pid_t pid;

	int cmd = 1;

	while (cmd < argc && strcmp(argv[cmd], "--") != 0)
		cmd++;
	if (cmd + 1 >= argc) {
		fprintf(stderr, "usage: pty_close KEYS... -- CMD [ARGS...]\n");
		return 64;
	}
	if (openpty(&m, &s, NULL, NULL, &ws)) {
		perror("openpty");
		return 71;
	}
	if ((pid = fork()) == 0) {
		close(m);
		setsid(); /* a session without a controlling terminal: no SIGHUP */
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		execvp(argv[cmd + 1], argv + cmd + 1);
		_exit(127);
	}
	close(s);
	drain(m, 5000, "F10");
	for (int i = 1; i < cmd; i++)
		type_keys(m, argv[i]);
	drain(m, 300, NULL);
	close(m);
	closed = now_ms();
	while (now_ms() - closed < 3000) {
		pid_t w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid) {
			printf("gone after %ld ms, cpu %ld ms\n", now_ms() - closed,
			       ru.ru_utime.tv_sec * 1000L + ru.ru_utime.tv_usec / 1000 +
			       ru.ru_stime.tv_sec * 1000L + ru.ru_stime.tv_usec / 1000);
			return 0;
		}
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	printf("still running after 3000 ms\n");
	return 1;
}
