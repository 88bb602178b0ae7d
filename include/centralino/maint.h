/* Database upkeep: hot backup and consistency check. */
#ifndef CENTRALINO_MAINT_H
#define CENTRALINO_MAINT_H

#include <limits.h>
#include <stddef.h>
#include <time.h>

#include "centralino/ctx.h"

struct maint_backup_result {
	long pages;
	long long bytes;
	char path[PATH_MAX]; /* where the copy is, folder resolved */
	int removed;         /* scheduled: older backups removed */
};

/* Admin only, never in the installed desk (its backups go into the
 * backups folder only: CN_EUSAGE). A consistent copy of the open database at `dest` through
 * sqlite's online backup API (in one step, so writers elsewhere cannot make
 * it restart), checked with PRAGMA integrity_check before it is put in
 * place. The copy gets mode 0660. An existing `dest` is refused
 * (CN_ECANTCREAT) unless `force`. One audit row. */
int maint_backup(struct cn_ctx *ctx, const char *dest, int force,
		 struct maint_backup_result *out);

/* The desk's backups folder: "backups" beside the database
 * (/var/lib/centralino/backups for the installed desk). */
int maint_backup_dir(struct cn_ctx *ctx, char *out, size_t len);

/* Root or admin. A verified copy (as maint_backup) named
 * centralino-YYYYMMDD-HHMMSS.db after the local time, with -2, -3 ... when
 * that name is taken, in the backups folder (created when missing). `why`
 * goes into the audit row ("manual", "scheduled", "migrate").
 * keep_days > 0: then the dated backups whose names are more than
 * keep_days old are removed (never the new one), counted in out->removed.
 * A failure (a full disk) removes nothing and leaves no partial file. */
int maint_backup_dated(struct cn_ctx *ctx, const char *why, int keep_days,
		       struct maint_backup_result *out);

/* The newest dated backup of the backups folder: path and time; CN_ENOINPUT
 * when there is none. */
int maint_last_backup(struct cn_ctx *ctx, char *path, size_t len, time_t *when);

struct maint_restore_result {
	char path[PATH_MAX];   /* the backup restored, resolved */
	char safety[PATH_MAX]; /* the backup of the state before */
	long pages;
};

/* Admin only. Puts a backup back into the live database. The backup is
 * checked first, before any lock: a regular file, a centralino database
 * (application_id) at the database's schema version, passing
 * integrity_check; else CN_EDATA and nothing changes. Then a dated backup
 * of the present state (out->safety), then the backup's pages through
 * sqlite's online backup API into the open database: the file keeps its
 * device and inode, so every program that has it open keeps its
 * connection and sees the restored data at its next poll. Then one audit
 * row "restore" in the restored log naming both files. BACKUP is a name
 * in the backups folder or a path; the installed desk (desk.h) takes only
 * a file of its backups folder (CN_EUSAGE otherwise). */
int maint_restore(struct cn_ctx *ctx, const char *backup, struct maint_restore_result *out);

struct maint_problems {
	size_t n;
	char **v; /* one line each */
};

/* Supervisore and up. PRAGMA integrity_check and foreign_key_check: CN_OK
 * with out->n == 0 when the database is sound; otherwise CN_EDATA and the
 * problems in `out`. Free with maint_problems_free. */
int maint_check(struct cn_ctx *ctx, struct maint_problems *out);
void maint_problems_free(struct maint_problems *p);

#endif
