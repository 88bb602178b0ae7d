/* The database file itself: whose it is (application_id), whether the
 * person may reach it (and what to tell her when she may not), and
 * whether the path still names the file the program has open. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/schema.h"
#include "centralino/xalloc.h"

const char *db_file_group_name(gid_t gid, char *buf, size_t len)
{
	struct group *g = getgrgid(gid);
	if (g)
		snprintf(buf, len, "%s", g->gr_name);
	else
		snprintf(buf, len, "%u", (unsigned)gid);
	return buf;
}

static const char *me(void)
{
	struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_name : "?";
}

/* May the process (its effective ids, as the kernel will judge) do `how`? */
static int may(const char *path, int how)
{
	return faccessat(AT_FDCWD, path, how, AT_EACCESS) == 0;
}

int db_file_diagnose(struct cn_ctx *ctx, int create)
{
	char *copy = xstrdup(ctx->db_path), grp[64];
	const char *dir = dirname(copy);
	struct stat ds, fs;
	int rc = CN_OK, dir_there = stat(dir, &ds) == 0;

	if (dir_there && !may(dir, X_OK))
		rc = cn_set_error(ctx, CN_ENOPERM,
			_("%s: the folder %s is not accessible to %s (owner %s, group %s, mode %04o): the desk's files are reached through its installed program; ask the host's administrator"),
			ctx->db_path, dir, me(), getpwuid(ds.st_uid) ? getpwuid(ds.st_uid)->pw_name : "?",
			db_file_group_name(ds.st_gid, grp, sizeof grp), (unsigned)(ds.st_mode & 07777));
	else if (stat(ctx->db_path, &fs) == 0 && !may(ctx->db_path, R_OK))
		rc = cn_set_error(ctx, CN_ENOPERM,
			_("%s: not readable by %s (group %s, mode %04o): %s is not in the group %s; use the desk's installed program or ask the host's administrator"),
			ctx->db_path, me(), db_file_group_name(fs.st_gid, grp, sizeof grp), (unsigned)(fs.st_mode & 07777),
			me(), grp);
	else if (create && dir_there && stat(ctx->db_path, &fs) != 0 && !may(dir, W_OK | X_OK))
		rc = cn_set_error(ctx, CN_ECANTCREAT,
			_("%s: cannot create the database: the folder %s is not writable by %s"),
			ctx->db_path, dir, me());
	free(copy);
	return rc;
}

/* sqlite keeps -wal and -shm beside the database: without them, a reader
 * needs the right to create them in the folder. */
int db_file_wal_diagnose(struct cn_ctx *ctx)
{
	char *copy = xstrdup(ctx->db_path), wal[4200], grp[64];
	const char *dir = dirname(copy);
	struct stat ds;
	int rc = CN_OK;

	snprintf(wal, sizeof wal, "%s-wal", ctx->db_path);
	if (access(wal, F_OK) != 0 && stat(dir, &ds) == 0 && !may(dir, W_OK))
		rc = cn_set_error(ctx, CN_ENOPERM,
			_("%s: the folder %s is not writable by %s (group %s, mode %04o): sqlite must create %s there; give the folder to the desk's group with mode 2770 (make install-desk)"),
			ctx->db_path, dir, me(), db_file_group_name(ds.st_gid, grp, sizeof grp),
			(unsigned)(ds.st_mode & 07777), wal);
	free(copy);
	return rc;
}

int db_file_empty(struct cn_ctx *ctx)
{
	char wal[4200];
	struct stat fs, ws;
	if (stat(ctx->db_path, &fs) != 0 || fs.st_size != 0)
		return CN_OK;
	/* a database just created in WAL mode may live in its -wal for now */
	snprintf(wal, sizeof wal, "%s-wal", ctx->db_path);
	if (stat(wal, &ws) == 0 && ws.st_size > 0)
		return CN_OK;
	return cn_set_error(ctx, CN_EDATA,
		_("%s is an empty file, not a centralino database: nothing was changed (remove it, or give the desk's database)"),
		ctx->db_path);
}

int db_file_identify(struct cn_ctx *ctx, int created)
{
	long long app = 0, version = 0, objects = 0;

	if (db_scalar_int(ctx, &app, "PRAGMA application_id", (char *)NULL) ||
	    db_scalar_int(ctx, &version, "PRAGMA user_version", (char *)NULL) ||
	    db_scalar_int(ctx, &objects, "SELECT count(*) FROM sqlite_schema", (char *)NULL))
		return cn_set_error(ctx, CN_EDATA, _("%s: not a centralino database (%s)"),
				    ctx->db_path, sqlite3_errmsg(ctx->db));
	if (app == CN_APPLICATION_ID)
		return CN_OK;
	/* databases made before the id was set: ours by their version and staff table */
	if (app == 0 && version > 0) {
		long long staff = 0;
		if (db_scalar_int(ctx, &staff, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'staff'",
				  (char *)NULL) == CN_OK && staff == 1)
			return CN_OK;
	}
	if (app == 0 && version == 0 && objects == 0 && created)
		return CN_OK;
	return cn_set_error(ctx, CN_EDATA,
		_("%s: not a centralino database (an sqlite file of another program): nothing was changed"),
		ctx->db_path);
}

void db_file_remember(struct cn_ctx *ctx)
{
	struct stat sb;
	if (stat(ctx->db_path, &sb) == 0) {
		ctx->db_dev = sb.st_dev;
		ctx->db_ino = sb.st_ino;
	}
}

int db_file_same(struct cn_ctx *ctx)
{
	struct stat sb;
	int gone;

	if (ctx->db_replaced)
		return ctx->db_replaced == 1
			? cn_set_error(ctx, CN_EIO, _("%s was deleted while centralino had it open: nothing was saved; restart centralino"), ctx->db_path)
			: cn_set_error(ctx, CN_EIO, _("%s was replaced by another file while centralino had it open: nothing was saved; restart centralino"), ctx->db_path);
	gone = stat(ctx->db_path, &sb) != 0;
	if (!gone && sb.st_dev == ctx->db_dev && sb.st_ino == ctx->db_ino)
		return CN_OK;
	ctx->db_replaced = gone ? 1 : 2;
	return db_file_same(ctx);
}
