/* sqlite helpers shared by the core modules. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/xalloc.h"

int db_fail(struct cn_ctx *ctx, const char *what)
{
	int rc = sqlite3_errcode(ctx->db);
	int st = CN_EIO;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return cn_set_error(ctx, CN_ETEMPFAIL,
			_("%s: the database is busy (another operator is writing); try again"), what);
	if (rc == SQLITE_CONSTRAINT)
		st = CN_EDATA;
	if (rc == SQLITE_READONLY)
		return cn_set_error(ctx, CN_ENOPERM,
			_("%s: %s cannot be written by you (the file, its folder, or its -wal/-shm): searches and reports work; ask the host's administrator"),
			what, ctx->db_path);
	return cn_set_error(ctx, st, "%s: %s", what, sqlite3_errmsg(ctx->db));
}

/* A change made inside an outer one (db_hold) is a savepoint of it, so
 * that a call and what was done during it commit together; the inner
 * change keeps its own begin/commit/rollback. */
int db_begin(struct cn_ctx *ctx)
{
	const char *sql;
	int rc;
	if (sqlite3_get_autocommit(ctx->db))
		ctx->tx_depth = ctx->tx_hold = 0;
	if (!ctx->tx_depth && ctx->hold_start) {
		int (*start)(struct cn_ctx *, void *) = ctx->hold_start;
		ctx->hold_start = NULL;
		if ((rc = db_hold(ctx)) || (rc = start(ctx, ctx->hold_arg))) {
			db_release(ctx, 0);
			return rc;
		}
	}
	/* nothing may be written into an unlinked file or mixed into another one */
	if (!ctx->tx_depth && (rc = db_file_same(ctx)))
		return rc;
	if (ctx->read_only)
		return cn_set_error(ctx, CN_ENOPERM,
			_("%s is read-only for you: searches and reports work, changes are refused; ask the host's administrator for write access"),
			ctx->db_path);
	sql = ctx->tx_depth ? "SAVEPOINT cn_inner" : "BEGIN IMMEDIATE";
	if (sqlite3_exec(ctx->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(ctx, _("starting a change"));
	ctx->tx_depth++;
	/* Under the write lock: a program older than the schema writes nothing. */
	if (ctx->tx_depth == 1 && (rc = schema_still_ours(ctx))) {
		db_rollback(ctx);
		return rc;
	}
	return CN_OK;
}

int db_commit(struct cn_ctx *ctx)
{
	const char *sql = ctx->tx_depth > 1 ? "RELEASE cn_inner" : "COMMIT";
	if (ctx->tx_hold && ctx->tx_depth <= ctx->tx_hold)
		return CN_OK;   /* the outer change commits with db_release */
	if (sqlite3_exec(ctx->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		int st = db_fail(ctx, _("saving the change"));
		db_rollback(ctx);
		return st;
	}
	if (ctx->tx_depth > 1) {
		ctx->tx_depth--;
		return CN_OK;
	}
	ctx->tx_depth = 0;
	ctx->write_gen++;
	return CN_OK;
}

void db_rollback(struct cn_ctx *ctx)
{
	if (ctx->tx_depth > 1 && ctx->tx_depth > ctx->tx_hold) {
		sqlite3_exec(ctx->db, "ROLLBACK TO cn_inner; RELEASE cn_inner", NULL, NULL, NULL);
		ctx->tx_depth--;
		return;
	}
	if (ctx->tx_hold && ctx->tx_depth)
		return;         /* an inner change already done: the outer decides */
	if (!sqlite3_get_autocommit(ctx->db))
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	ctx->tx_depth = 0;
}

int db_hold(struct cn_ctx *ctx)
{
	int rc = db_begin(ctx);
	if (rc == CN_OK)
		ctx->tx_hold = ctx->tx_depth;
	return rc;
}

void db_hold_at_first_write(struct cn_ctx *ctx, int (*start)(struct cn_ctx *, void *), void *arg)
{
	ctx->hold_start = start;
	ctx->hold_arg = arg;
}

int db_release(struct cn_ctx *ctx, int commit)
{
	ctx->tx_hold = 0;
	ctx->hold_start = NULL;
	if (commit)
		return db_commit(ctx);
	db_rollback(ctx);
	return CN_OK;
}

int db_prepare(struct cn_ctx *ctx, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(ctx->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return cn_set_error(ctx, CN_ESOFTWARE, "sql: %s: %s",
				    sqlite3_errmsg(ctx->db), sql);
	}
	return CN_OK;
}

int db_exec(struct cn_ctx *ctx, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(ctx->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int st = db_fail(ctx, msg ? msg : "sql");
		sqlite3_free(msg);
		return st;
	}
	return CN_OK;
}

int db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

const char *db_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

char *db_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

/* Prepares sql, binds the NULL-terminated text arguments in order and
 * steps once: sqlite3_step's code (on a row, the first column into *first),
 * or db_prepare's negative status. */
static int step_binds(struct cn_ctx *ctx, long long *first, const char *sql, va_list ap)
{
	sqlite3_stmt *st;
	const char *arg;
	int rc, i = 1;

	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	while ((arg = va_arg(ap, const char *)))
		sqlite3_bind_text(st, i++, arg, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && first)
		*first = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int db_exec_binds(struct cn_ctx *ctx, const char *what, const char *sql, ...)
{
	va_list ap;
	int rc;

	va_start(ap, sql);
	rc = step_binds(ctx, NULL, sql, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, what);
}

int db_scalar_int(struct cn_ctx *ctx, long long *out, const char *sql, ...)
{
	va_list ap;
	int rc;

	*out = 0;
	va_start(ap, sql);
	rc = step_binds(ctx, out, sql, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the database"));
	return CN_OK;
}
