/* New codes from the kernel's random source, without modulo bias. */
#include <errno.h>
#include <sys/random.h>

#include "centralino/code.h"

/* 248 = 8 * 31: bytes from 248 up are thrown away, so each of the 31
 * symbols comes from exactly 8 byte values. */
#define ACCEPT_BELOW (256 / CODE_RADIX * CODE_RADIX)

static int fill(unsigned char *b, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = getrandom(b + got, n - got, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)r;
	}
	return 0;
}

int code_random(char *out, int length)
{
	unsigned char b[64];
	size_t used = sizeof b;
	int n = 0;

	if (length < CODE_MIN_LENGTH || length > CODE_MAX_LENGTH)
		return -1;
	while (n < length) {
		if (used == sizeof b) {
			if (fill(b, sizeof b))
				return -1;
			used = 0;
		}
		if (b[used] < ACCEPT_BELOW)
			out[n++] = CODE_ALPHABET[b[used] % CODE_RADIX];
		used++;
	}
	out[n] = code_check_symbol(out, (size_t)n);
	out[n + 1] = '\0';
	return 0;
}
