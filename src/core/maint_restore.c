/* Putting a backup back into the live database, through sqlite's online
 * backup API: the file keeps its device and inode, so the programs that
 * have it open keep their connections and see the restored data at their
 * next poll. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/desk.h"
#include "centralino/schema.h"
#include "maint_internal.h"

/* The backup's path, resolved. The installed desk restores only a file of
 * its backups folder (given by name or path); elsewhere a bare name is
 * looked for there first. */
static int resolve(struct cn_ctx *ctx, const char *backup, char *path, size_t len)
{
	char dir[PATH_MAX], rdir[PATH_MAX], cand[PATH_MAX + NAME_MAX + 2];
	size_t n;
	int rc;

	if ((rc = maint_backup_dir(ctx, dir, sizeof dir)))
		return rc;
	if (!strchr(backup, '/') && strlen(backup) <= NAME_MAX) {
		snprintf(cand, sizeof cand, "%s/%s", dir, backup);
		if (desk_privileged() || access(cand, F_OK) == 0)
			backup = cand;
	}
	if (!realpath(backup, path) || strlen(path) >= len)
		return cn_set_error(ctx, CN_ENOINPUT, _("%s: %s: nothing was restored"), backup, strerror(errno));
	if (!desk_privileged())
		return CN_OK;
	n = realpath(dir, rdir) ? strlen(rdir) : 0;
	if (!n || strncmp(path, rdir, n) != 0 || path[n] != '/' || strchr(path + n + 1, '/'))
		return cn_set_error(ctx, CN_EUSAGE,
			_("%s: the desk restores only its own backups, from %s: give the name of one"), backup, dir);
	return CN_OK;
}

static int scalar(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Whose the file is and which schema it has, read-only. */
static int identify(struct cn_ctx *ctx, sqlite3 *src, const char *path, int *version)
{
	long long app, v, staff;
	int have;

	if (scalar(src, "PRAGMA application_id", &app) || scalar(src, "PRAGMA user_version", &v) ||
	    scalar(src, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'staff'", &staff))
		return cn_set_error(ctx, CN_EDATA, _("%s: not a centralino database (%s): nothing was restored"),
				    path, sqlite3_errmsg(src));
	if (app != CN_APPLICATION_ID && !(app == 0 && v > 0 && staff == 1))
		return cn_set_error(ctx, CN_EDATA,
			_("%s: not a centralino database (an sqlite file of another program): nothing was restored"), path);
	if (schema_version(ctx, &have))
		return CN_EIO;
	if (v != have)
		return cn_set_error(ctx, CN_EDATA,
			_("%s: a backup at schema version %lld, the database is at %d: nothing was restored"
			  " (a backup is restored by the program version that made it)"), path, v, have);
	*version = (int)v;
	return CN_OK;
}

/* The backup opened read-only: CN_OK, or CN_EDATA saying why. */
static int open_backup(struct cn_ctx *ctx, const char *path, sqlite3 **src)
{
	int rc;

	*src = NULL;
	if (sqlite3_open_v2(path, src, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		return CN_OK;
	rc = cn_set_error(ctx, CN_EDATA, _("%s: does not open: %s: nothing was restored"), path,
			  *src ? sqlite3_errmsg(*src) : "out of memory");
	sqlite3_close(*src);
	*src = NULL;
	return rc;
}

/* Everything is checked before any lock is taken: a foreign, damaged or
 * other-version file changes nothing. */
static int validate(struct cn_ctx *ctx, const char *path, int *version)
{
	struct maint_problems p = {0};
	struct stat bs, ds;
	sqlite3 *src = NULL;
	const char *err = NULL;
	int rc;

	if (stat(path, &bs) != 0 || !S_ISREG(bs.st_mode))
		return cn_set_error(ctx, CN_ENOINPUT, _("%s: not a regular file: nothing was restored"), path);
	if (stat(ctx->db_path, &ds) == 0 && bs.st_dev == ds.st_dev && bs.st_ino == ds.st_ino)
		return cn_set_error(ctx, CN_EUSAGE, _("%s is the database itself: give a backup"), path);
	if ((rc = open_backup(ctx, path, &src)))
		return rc;
	if ((rc = identify(ctx, src, path, version)) == CN_OK) {
		if (maint_integrity(src, &p, &err))
			rc = cn_set_error(ctx, CN_EDATA, _("%s: %s: nothing was restored"), path, err);
		else if (p.n)
			rc = cn_set_error(ctx, CN_EDATA, _("%s fails the integrity check (%s): nothing was restored"),
					  path, p.v[0]);
	}
	maint_problems_free(&p);
	sqlite3_close(src);
	return rc;
}

/* The backup's pages into the live database, in one step. */
static int put_back(struct cn_ctx *ctx, const char *path, long *pages)
{
	sqlite3 *src = NULL;
	int rc;

	if ((rc = db_file_same(ctx)) || (rc = open_backup(ctx, path, &src)))
		return rc;
	rc = maint_copy_all(ctx->db, src, pages);
	sqlite3_close(src);
	if (rc == SQLITE_DONE)
		return CN_OK;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return cn_set_error(ctx, CN_ETEMPFAIL, _("restore: the database stayed busy; try again"));
	return cn_set_error(ctx, CN_EIO, _("restore: %s"), sqlite3_errstr(rc));
}

int maint_restore(struct cn_ctx *ctx, const char *backup, struct maint_restore_result *out)
{
	struct maint_backup_result safety;
	struct audit_details details = {0};
	int rc, version = 0;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("restore the database"))) ||
	    (rc = resolve(ctx, backup, out->path, sizeof out->path)) ||
	    (rc = validate(ctx, out->path, &version)))
		return rc;
	if ((rc = maint_backup_dated(ctx, "restore", 0, &safety)))
		return rc;
	snprintf(out->safety, sizeof out->safety, "%s", safety.path);
	if ((rc = put_back(ctx, out->path, &out->pages)))
		return rc;
	/* the row goes into the restored log, naming both files */
	if ((rc = db_begin(ctx)))
		return rc;
	audit_kv(&details, "safety", out->safety);
	audit_kv_long(&details, "pages", out->pages);
	audit_kv_long(&details, "schema", version);
	if ((rc = audit_write(ctx, "restore", "file", out->path, &details)) || (rc = db_commit(ctx)))
		db_rollback(ctx);
	audit_details_free(&details);
	return rc;
}
