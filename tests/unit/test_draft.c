/* Drafts of forms the terminal closed on (include/centralino/draft.h):
 * round trip of awkward text, one draft per login and database, private
 * file, discarding; claims: a draft is loaded by one window only, windows
 * starting together share the drafts out, a crashed window's draft comes
 * back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "centralino/ctx.h"
#include "centralino/draft.h"
#include "centralino/setup.h"

static char dir[64];

static struct cn_ctx *open_db(const char *name, int create)
{
	char path[128], err[256];
	struct cn_open_opts o = {.user = "drafter", .now = "2019-07-12T10:30:00",
				 .create = create, .no_staff_check = create};
	struct cn_ctx *ctx;
	struct setup_summary s;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	o.db_path = path;
	assert_int_equal(cn_ctx_open(&o, &ctx, err, sizeof err), 0);
	if (create)
		assert_int_equal(setup_init(ctx, &s), 0);
	return ctx;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/cn-draft.XXXXXX");
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static void round_trip(void **state)
{
	struct cn_ctx *a = open_db("a.db", 1), *b = open_db("b.db", 1);
	struct draft d = {0}, back;
	char path[256];
	struct stat sb;
	(void)state;

	assert_int_equal(draft_load(a, "call", &back), CN_ENOINPUT);
	draft_set(&d, "notes", "riga uno\nriga\tdue \\ tre\r");
	draft_set(&d, "caller", "Nicolò D'Amico");
	draft_set(&d, "empty", NULL);
	draft_set(&d, "caller", "Mario Rossi"); /* replaces */
	assert_int_equal(d.n, 3);
	assert_int_equal(draft_save(a, "call", &d), 0);
	draft_free(&d);

	snprintf(path, sizeof path, "ls %s/centralino/drafts/drafter-call-*.draft >/dev/null 2>&1", dir);
	assert_int_equal(system(path), 0);
	snprintf(path, sizeof path, "%s/centralino/drafts", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);

	assert_int_equal(draft_load(a, "call", &back), 0);
	assert_string_equal(draft_get(&back, "notes"), "riga uno\nriga\tdue \\ tre\r");
	assert_string_equal(draft_get(&back, "caller"), "Mario Rossi");
	assert_string_equal(draft_get(&back, "empty"), "");
	assert_null(draft_get(&back, "phone"));
	draft_free(&back);

	/* another database, another kind: nothing offered */
	assert_int_equal(draft_load(b, "call", &back), CN_ENOINPUT);
	assert_int_equal(draft_load(a, "code", &back), CN_ENOINPUT);
	/* the other database's draft does not replace this one's */
	draft_set(&d, "notes", "per b");
	assert_int_equal(draft_save(b, "call", &d), 0);
	draft_free(&d);
	assert_int_equal(draft_load(a, "call", &back), 0);
	assert_string_equal(draft_get(&back, "caller"), "Mario Rossi");
	draft_free(&back);

	/* a second window's draft is one more, never a replacement; saved
	 * again, a draft replaces its own file */
	draft_set(&d, "caller", "Seconda");
	assert_int_equal(draft_save(a, "call", &d), 0);
	assert_non_null(d.file);
	draft_set(&d, "caller", "Seconda Finestra");
	assert_int_equal(draft_save(a, "call", &d), 0);
	draft_free(&d);
	assert_int_equal(draft_load(a, "call", &back), 0);
	assert_string_equal(draft_get(&back, "caller"), "Mario Rossi"); /* the oldest first */
	assert_int_equal(draft_discard(a, &back), 0);
	draft_free(&back);
	assert_int_equal(draft_load(a, "call", &back), 0);
	assert_string_equal(draft_get(&back, "caller"), "Seconda Finestra");
	assert_int_equal(draft_discard(a, &back), 0);
	assert_int_equal(draft_discard(a, &back), 0); /* gone already: no error */
	draft_free(&back);
	assert_int_equal(draft_load(a, "call", &back), CN_ENOINPUT);
	cn_ctx_close(a);
	cn_ctx_close(b);
}

/* Saves a draft whose caller is `name`, not claimed afterwards. */
static void keep(struct cn_ctx *ctx, const char *name)
{
	struct draft d = {0};
	draft_set(&d, "caller", name);
	assert_int_equal(draft_save(ctx, "call", &d), 0);
	draft_free(&d);
}

static void empty_folder(struct cn_ctx *ctx)
{
	struct draft d;
	while (draft_load(ctx, "call", &d) == 0) {
		assert_int_equal(draft_discard(ctx, &d), 0);
		draft_free(&d);
	}
}

/* In one process: a claimed draft is not offered again, a released one
 * is; saving a claimed draft keeps the claim. */
static void claims(void **state)
{
	struct cn_ctx *a = open_db("c.db", 1);
	struct draft x, y, z;
	(void)state;

	keep(a, "uno");
	sleep(1); /* drafts are offered by age, to the second */
	keep(a, "due");
	assert_int_equal(draft_load(a, "call", &x), 0);
	assert_string_equal(draft_get(&x, "caller"), "uno");
	assert_int_equal(draft_load(a, "call", &y), 0);
	assert_string_equal(draft_get(&y, "caller"), "due");
	assert_int_equal(draft_load(a, "call", &z), CN_ENOINPUT);
	/* kept again in place (the terminal closed on the restored form) */
	draft_set(&x, "caller", "uno bis");
	assert_int_equal(draft_save(a, "call", &x), 0);
	assert_int_equal(draft_load(a, "call", &z), CN_ENOINPUT);
	draft_free(&y); /* released, still there */
	assert_int_equal(draft_load(a, "call", &z), 0);
	assert_string_equal(draft_get(&z, "caller"), "due");
	draft_free(&z);
	draft_free(&x);
	assert_int_equal(draft_load(a, "call", &z), 0);
	assert_string_equal(draft_get(&z, "caller"), "uno bis");
	draft_free(&z);
	empty_folder(a);
	cn_ctx_close(a);
}

/* A window killed while it holds a draft: the draft is there, whole,
 * for the next one. */
static void crashed_claimer(void **state)
{
	struct cn_ctx *a = open_db("k.db", 1);
	struct draft d;
	int fds[2], status, held;
	char got[16] = "";
	pid_t pid;
	(void)state;

	keep(a, "superstite");
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		struct cn_ctx *c = open_db("k.db", 0);
		struct draft mine;
		alarm(30); /* never outlives a failed test */
		if (draft_load(c, "call", &mine) == 0 && write(fds[1], "held", 4) == 4)
			for (;;)
				pause(); /* killed holding it */
		_exit(1);
	}
	close(fds[1]);
	status = (int)read(fds[0], got, sizeof got - 1);
	held = draft_load(a, "call", &d); /* held by a live window: not offered */
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fds[0]);
	assert_string_equal(got, "held");
	assert_int_equal(held, CN_ENOINPUT);
	assert_int_equal(draft_load(a, "call", &d), 0);
	assert_string_equal(draft_get(&d, "caller"), "superstite");
	assert_int_equal(draft_discard(a, &d), 0);
	draft_free(&d);
	cn_ctx_close(a);
}

enum { WINDOWS = 4, DRAFTS = 6 };

/* One window: waits for the start, claims every draft it can, says which
 * (callers joined by ','), holds them until told to end. */
static void window(int go, int report, int end)
{
	struct cn_ctx *c = open_db("w.db", 0);
	struct draft d[DRAFTS + 1];
	char line[256] = "", b;
	int n = 0;

	alarm(30); /* never outlives a failed test */
	if (read(go, &b, 1) != 1)
		_exit(2);
	while (n <= DRAFTS && draft_load(c, "call", &d[n]) == 0) {
		strcat(line, draft_get(&d[n], "caller"));
		strcat(line, ",");
		n++;
	}
	strcat(line, "\n");
	if (write(report, line, strlen(line)) < 0 || read(end, &b, 1) < 0)
		_exit(2);
	_exit(0);
}

/* Windows started at the same moment: each draft restored by exactly one
 * of them. */
static void windows_together(void **state)
{
	struct cn_ctx *a = open_db("w.db", 1);
	int go[2], report[2], end[2], count[DRAFTS] = {0}, status;
	char all[2048] = "", name[16];
	pid_t pid[WINDOWS];
	ssize_t got;
	size_t used = 0;
	(void)state;

	for (int i = 0; i < DRAFTS; i++) {
		snprintf(name, sizeof name, "d%d", i);
		keep(a, name);
	}
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(report), 0);
	assert_int_equal(pipe(end), 0);
	for (int w = 0; w < WINDOWS; w++)
		if ((pid[w] = fork()) == 0) {
			close(go[1]);
			close(end[1]);
			window(go[0], report[1], end[0]);
		}
	close(go[0]);
	close(end[0]);
	close(report[1]);
	/* all of them at once */
	assert_int_equal(write(go[1], "gggg", WINDOWS), WINDOWS);
	for (int lines = 0; lines < WINDOWS; ) {
		got = read(report[0], all + used, sizeof all - 1 - used);
		assert_true(got > 0);
		for (ssize_t i = 0; i < got; i++)
			lines += all[used + (size_t)i] == '\n';
		used += (size_t)got;
	}
	all[used] = '\0';
	close(end[1]);
	for (int w = 0; w < WINDOWS; w++) {
		assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
		assert_int_equal(status, 0);
	}
	/* each draft named by one window, once */
	for (char *p = all; *p; p++)
		if (p[0] == 'd' && p[1] >= '0' && p[1] < '0' + DRAFTS)
			count[p[1] - '0']++;
	for (int i = 0; i < DRAFTS; i++) {
		if (count[i] != 1)
			fail_msg("draft d%d restored %d times; windows said:\n%s", i, count[i], all);
	}
	empty_folder(a);
	cn_ctx_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(claims),
		cmocka_unit_test(crashed_claimer),
		cmocka_unit_test(windows_together),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
