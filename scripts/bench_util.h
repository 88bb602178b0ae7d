/* What the search benchmarks share: a monotonic clock in microseconds, the
 * order qsort needs for timings, and the length of a UTF-8 character from
 * its first byte (to type a name one character at a time). */
#ifndef CENTRALINO_BENCH_UTIL_H
#define CENTRALINO_BENCH_UTIL_H

#include <stddef.h>
#include <time.h>

static inline double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static inline size_t char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

#endif
