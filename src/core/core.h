/* Internal to src/core: the context's layout and the database helpers.
 * Front ends include only include/centralino/. */
#ifndef CENTRALINO_CORE_H
#define CENTRALINO_CORE_H

#include <sqlite3.h>
#include <sys/types.h>
#include "centralino/ctx.h"
#include "centralino/i18n.h"
#include "centralino/text.h"

/* Per-module caches kept on the context (e.g. the search index). */
enum cn_cache_slot { CN_CACHE_REGISTRY, CN_CACHE_PROGRESS, CN_CACHE_MAX };

struct cn_cache {
	void *p;
	void (*free)(void *p);
	unsigned long long stamp; /* module-defined validity stamp */
};

struct cn_ctx {
	sqlite3 *db;
	char *db_path;
	char login[65];       /* effective */
	char real_login[65];  /* at the keyboard */
	int acting_as;        /* --as in force */
	int staff_checked;    /* login found on the staff list at open: cn_require re-reads the role */
	char user_name[129];
	enum cn_role role;
	int now_fixed;
	time_t now;
	long long data_version;
	int schema;           /* the schema version this program works with (set at open) */
	char restart[512];    /* cn_restart_needed: why this session must end, or "" */
	unsigned long long write_gen; /* bumped by every commit made through this ctx */
	int tx_depth;         /* open transaction levels: the outer one and savepoints */
	int tx_hold;          /* the level db_hold opened; 0 when none */
	int (*hold_start)(struct cn_ctx *, void *); /* db_hold_at_first_write's, until it starts */
	void *hold_arg;
	struct cn_cache cache[CN_CACHE_MAX];
	dev_t db_dev;         /* the file opened, to notice it replaced or deleted */
	ino_t db_ino;
	int db_replaced;      /* 1 deleted, 2 replaced: no more writes */
	int read_only;        /* the person may read the file, not write it */
	char err[1024];
	char err_field[32];   /* cn_error_field; "" when none */
	char warning[512];    /* cn_warning: e.g. the file is world-readable */
};

/* Names the field the error just set concerns, when a helper that does not
 * know the field (a text check, a lookup) set it: returns status
 * unchanged, and leaves the ctx alone when status is CN_OK. */
int cn_error_on_field(struct cn_ctx *ctx, int status, const char *field);

/* PRAGMA application_id of a centralino database: "CNTR". */
#define CN_APPLICATION_ID 0x434E5452

/* db_file.c. Why the database cannot be opened or created by this person
 * (folder closed, file not readable, folder not writable): CN_OK when
 * nothing is wrong with the permissions, else the message is set. */
int db_file_diagnose(struct cn_ctx *ctx, int create);
/* The group's name for messages, or its number when it has none. */
const char *db_file_group_name(gid_t gid, char *buf, size_t len);
/* A reader's -wal/-shm cannot be created: the folder is not writable. */
int db_file_wal_diagnose(struct cn_ctx *ctx);
/* CN_EDATA when the path is an empty file (refused, left as it is). */
int db_file_empty(struct cn_ctx *ctx);
/* CN_EDATA when the open file is another program's sqlite database (its
 * application_id, or no centralino schema); `created` when we made it. */
int db_file_identify(struct cn_ctx *ctx, int created);
/* Remembers the open file's device and inode; db_file_same compares the
 * path with them: CN_EIO with "replaced/deleted ... restart" when the
 * path no longer names the open file. */
void db_file_remember(struct cn_ctx *ctx);
int db_file_same(struct cn_ctx *ctx);

/* BEGIN IMMEDIATE (waits for the busy timeout). */
int db_begin(struct cn_ctx *ctx);
int db_commit(struct cn_ctx *ctx);
void db_rollback(struct cn_ctx *ctx);
/* An outer change: until db_release, the changes begun inside it are
 * savepoints and commit or roll back with it (db_release(ctx, 1) commits,
 * 0 rolls back). */
int db_hold(struct cn_ctx *ctx);
/* db_hold, started by the first db_begin after it rather than now: a dry
 * run reads and checks its whole file before it takes the write lock, as
 * the import itself does. start(ctx, arg) runs first thing under the lock
 * (what the change is compared with). ctx->tx_hold tells whether it began;
 * db_release ends it either way. */
void db_hold_at_first_write(struct cn_ctx *ctx, int (*start)(struct cn_ctx *, void *), void *arg);
int db_release(struct cn_ctx *ctx, int commit);
int db_prepare(struct cn_ctx *ctx, sqlite3_stmt **st, const char *sql);
int db_exec(struct cn_ctx *ctx, const char *sql);
/* Sets ctx's message from the sqlite error: BUSY -> CN_ETEMPFAIL, CONSTRAINT
 * -> CN_EDATA, else CN_EIO. `what` says what was being done. */
int db_fail(struct cn_ctx *ctx, const char *what);
/* Binds NULL for a NULL or empty string. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Column text, never NULL. */
const char *db_col(sqlite3_stmt *st, int i);
/* strdup of the column, NULL for SQL NULL. */
char *db_col_dup(sqlite3_stmt *st, int i);
/* Runs a one-value query: the first column of the first row as int64 into
 * *out (0 when no row). Parameters: NULL-terminated list of text binds. */
int db_scalar_int(struct cn_ctx *ctx, long long *out, const char *sql, ...);
/* Runs one INSERT/UPDATE/DELETE with text binds (NULL-terminated list, so
 * no NULL values); `what` as in db_fail. */
int db_exec_binds(struct cn_ctx *ctx, const char *what, const char *sql, ...);

/* The details of one audit row: pairs in the order added, stored as one
 * JSON object that sqlite's json_object() builds (so json_extract reads
 * any of them back). Start with {0}; free with audit_details_free. */
struct audit_pair {
	char *key;
	char *text;        /* NULL: the pair is the number `num` */
	long long num;
};
struct audit_details {
	size_t n, cap;
	struct audit_pair *v;
};

/* One row in the append-only audit log, inside the caller's transaction.
 * details NULL or without pairs: the row has none. */
int audit_write(struct cn_ctx *ctx, const char *action, const char *object_kind,
		const char *object_id, const struct audit_details *details);

/* CN_ECONFIG with "restart" when the database's schema is no longer the
 * one this program opened (a migration ran meanwhile), else CN_OK. */
int schema_still_ours(struct cn_ctx *ctx);
/* Inside the caller's transaction: the migrations newer than the database
 * (its version before them in *from), then user_version. */
int schema_apply(struct cn_ctx *ctx, int *from);
/* The whole schema for a new database, in its own transaction. */
int schema_create(struct cn_ctx *ctx);

/* The one builder of audit details: appends a text (NULL as "") or a
 * number. Both are copied. */
void audit_kv(struct audit_details *d, const char *key, const char *value);
void audit_kv_long(struct audit_details *d, const char *key, long long value);
void audit_details_free(struct audit_details *d);

/* A new random uuid as text (37 bytes with NUL). */
void cn_uuid(char out[37]);

/* Current time as the stored UTC ISO string. */
void cn_now_iso(const struct cn_ctx *ctx, char out[21]);
void cn_today_ymd(const struct cn_ctx *ctx, char out[11]);

/* Role <-> the name stored in staff.role. */
enum cn_role role_from_db(const char *s);

#endif
