/* Drafts of forms the terminal closed on (include/centralino/draft.h):
 * round trip of awkward text, one draft per login and database, private
 * file, discarding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	assert_int_equal(draft_set(&d, "notes", "riga uno\nriga\tdue \\ tre\r"), 0);
	assert_int_equal(draft_set(&d, "caller", "Nicolò D'Amico"), 0);
	assert_int_equal(draft_set(&d, "empty", NULL), 0);
	assert_int_equal(draft_set(&d, "caller", "Mario Rossi"), 0); /* replaces */
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
	assert_int_equal(draft_set(&d, "notes", "per b"), 0);
	assert_int_equal(draft_save(b, "call", &d), 0);
	draft_free(&d);
	assert_int_equal(draft_load(a, "call", &back), 0);
	assert_string_equal(draft_get(&back, "caller"), "Mario Rossi");
	draft_free(&back);

	/* a second window's draft is one more, never a replacement; saved
	 * again, a draft replaces its own file */
	assert_int_equal(draft_set(&d, "caller", "Seconda"), 0);
	assert_int_equal(draft_save(a, "call", &d), 0);
	assert_non_null(d.file);
	assert_int_equal(draft_set(&d, "caller", "Seconda Finestra"), 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
