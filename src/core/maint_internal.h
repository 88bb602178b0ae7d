/* Shared by the backup code of src/core (maint.c, maint_dated.c). */
#ifndef CENTRALINO_MAINT_INTERNAL_H
#define CENTRALINO_MAINT_INTERNAL_H

#include <sqlite3.h>

#include "centralino/maint.h"

/* tmp: a mkstemp template beside the destination. The verified copy of the
 * open database there (pages and bytes in out); on failure nothing is left. */
int maint_copy_to_tmp(struct cn_ctx *ctx, char *tmp, const char *dest, struct maint_backup_result *out);
/* fsync of the file's folder, so that a new name survives a crash. */
void maint_sync_dir(const char *path);
/* Removes tmp and the journal files sqlite may have left beside it. */
void maint_remove_tmp(const char *tmp);

/* PRAGMA integrity_check of a connection: its lines other than "ok" into
 * out; -1 with *err when the check itself cannot run. */
int maint_integrity(sqlite3 *db, struct maint_problems *out, const char **err);
/* src's main database into dst's through the online backup API, in one
 * step, retrying a while when busy: sqlite's status (SQLITE_DONE when
 * copied), the pages copied in *pages. */
int maint_copy_all(sqlite3 *dst, sqlite3 *src, long *pages);

/* One more line of problems (printf-like). */
void maint_add_problem(struct maint_problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The tables, indexes, triggers and views against the migrations': one
 * line per missing, changed or foreign one added to out. */
int maint_check_schema(struct cn_ctx *ctx, struct maint_problems *out);

#endif
