/* What the database-backed unit tests share: a database of their own in a
 * temporary directory, raw SQL on the file as another program (sqlite3)
 * would run it, contexts opened on it. Header only (each test is linked
 * alone against libcentralino.a). Include after <cmocka.h> and <sqlite3.h>. */
#ifndef CENTRALINO_TEST_FIXTURE_H
#define CENTRALINO_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "centralino/clock.h"
#include "centralino/ctx.h"

struct fx {
	char dir[64];
	char db[128];
};

/* A new database, file in a fresh /tmp/cn-NAME.XXXXXX, created as `user`
 * (no staff list yet) with the clock at now (NULL: the real one). */
static inline void fx_create(struct fx *f, const char *name, const char *file, const char *user,
			     const char *now)
{
	struct cn_open_opts o = {.create = 1, .no_staff_check = 1, .user = user, .now = now};
	struct cn_ctx *ctx;
	char err[1024];

	snprintf(f->dir, sizeof f->dir, "/tmp/cn-%s.XXXXXX", name);
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/%s", f->dir, file);
	o.db_path = f->db;
	if (cn_ctx_open(&o, &ctx, err, sizeof err))
		fail_msg("create: %s", err);
	cn_ctx_close(ctx);
}

/* Removes the directory and everything in it: system()'s status. */
static inline int fx_remove(struct fx *f)
{
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	return system(cmd);
}

static inline int fx_exec(struct fx *f, const char *sql, char **msg)
{
	sqlite3 *db;
	int rc;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, msg);
	sqlite3_close(db);
	return rc;
}

/* cmocka teardown for a struct fx state: the directory removed, the state
 * freed. */
static inline int fx_teardown(void **state)
{
	struct fx *f = *state;
	if (fx_remove(f) != 0)
		return -1;
	free(f);
	return 0;
}

/* Raw SQL on the file: sqlite3_exec's status (the tests of what the schema
 * refuses look at it). */
static inline int raw_rc(struct fx *f, const char *sql)
{
	return fx_exec(f, sql, NULL);
}

/* Raw SQL that must work (test data). */
static inline void raw(struct fx *f, const char *sql)
{
	char *msg = NULL;
	if (fx_exec(f, sql, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* The first column of the first row, malloc'd; "(null)" for no row or NULL. */
static inline char *raw_text(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *v = NULL;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v ? v : strdup("(null)");
}

/* The first column of the first row as a number; -1 for no row. */
static inline long long raw_int(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static inline long long audit_rows(struct fx *f)
{
	return raw_int(f, "SELECT count(*) FROM audit_log");
}

/* A context as user (on the staff list) with the clock at now. */
static inline struct cn_ctx *open_at(struct fx *f, const char *user, const char *now)
{
	struct cn_open_opts o = {.db_path = f->db, .now = now, .user = user};
	struct cn_ctx *ctx = NULL;
	char err[1024];
	if (cn_ctx_open(&o, &ctx, err, sizeof err))
		fail_msg("open as %s: %s", user, err);
	return ctx;
}

/* A time as the CLI takes it ("2019-07-12T10:30:00", "31/07/2019 10:30"). */
static inline time_t when(const char *s)
{
	time_t t;
	if (cn_parse_time(s, &t))
		fail_msg("bad time %s", s);
	return t;
}

#endif
