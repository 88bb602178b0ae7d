/* stdout and stderr through the output escaper: whatever a command prints
 * (a name from an old row, an audit detail, an error quoting its input)
 * reaches the terminal or the file with its control characters shown as
 * \x1b, never sent. Line breaks and tabs pass: they are the layout. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "centralino/text.h"
#include "cli.h"
#include "centralino/xalloc.h"

struct safe_stream {
	int fd;
	unsigned char pending[4]; /* the start of a UTF-8 sequence split between two writes */
	size_t npending;
};

/* Bytes at the end of buf that may begin a UTF-8 sequence still missing
 * its continuation bytes (0 to 3). */
static size_t incomplete_tail(const unsigned char *buf, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = buf[n - back];
		if ((c & 0xC0) == 0x80)
			continue;
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back && c >= 0xC0 && c < 0xF8 ? back : 0;
	}
	return 0;
}

static ssize_t safe_write(void *cookie, const char *data, size_t size)
{
	struct safe_stream *s = cookie;
	struct cn_buf in = {0}, out = {0};
	size_t keep;
	int rc;

	buf_add(&in, (const char *)s->pending, s->npending);
	buf_add(&in, data, size);
	keep = incomplete_tail((const unsigned char *)in.p, in.len);
	memcpy(s->pending, in.p + in.len - keep, keep);
	s->npending = keep;
	text_escape(&out, in.p, in.len - keep, TEXT_ESC_KEEP_NL | TEXT_ESC_KEEP_TAB);
	rc = text_write_all(s->fd, out.p, out.len);
	buf_free(&in);
	buf_free(&out);
	return rc ? -1 : (ssize_t)size;
}

static int safe_close(void *cookie)
{
	struct safe_stream *s = cookie;
	struct cn_buf out = {0};
	int rc = 0;

	/* a sequence that never completed is shown as its bytes */
	if (s->npending) {
		text_escape(&out, (const char *)s->pending, s->npending, 0);
		rc = text_write_all(s->fd, out.p, out.len);
	}
	buf_free(&out);
	free(s);
	return rc;
}

static FILE *safe_open(int fd, int line_buffered)
{
	static const cookie_io_functions_t io = {.write = safe_write, .close = safe_close};
	struct safe_stream *s = xcalloc(1, sizeof *s);
	FILE *f;

	s->fd = fd;
	if (!(f = fopencookie(s, "w", io))) {
		free(s);
		return NULL;
	}
	setvbuf(f, NULL, line_buffered ? _IOLBF : _IOFBF, 0);
	return f;
}

/* exit() flushes the streams but never closes them: closing here writes a
 * sequence left incomplete and frees the cookies. */
static void safe_close_streams(void)
{
	fclose(stdout);
	fclose(stderr);
}

int cli_safe_streams(int with_stdout)
{
	FILE *err = safe_open(STDERR_FILENO, 1), *out = NULL;

	if (!err)
		return -1;
	if (with_stdout && !(out = safe_open(STDOUT_FILENO, isatty(STDOUT_FILENO)))) {
		fclose(err);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	stderr = err;
	if (out)
		stdout = out;
	if (atexit(safe_close_streams) != 0)
		return -1;
	return 0;
}
