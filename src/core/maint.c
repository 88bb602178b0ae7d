/* Hot backup through sqlite's online backup API, and the consistency check. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/desk.h"
#include "centralino/maint.h"
#include "maint_internal.h"
#include "centralino/xalloc.h"

void maint_problems_free(struct maint_problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

void maint_add_problem(struct maint_problems *p, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	p->v[p->n++] = xstrdup(line);
}

int maint_integrity(sqlite3 *db, struct maint_problems *out, const char **err)
{
	sqlite3_stmt *st;
	int rc;

	*err = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		*err = sqlite3_errmsg(db);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0)
			maint_add_problem(out, "%s", line);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = sqlite3_errmsg(db);
		return -1;
	}
	return 0;
}

/* PRAGMA foreign_key_check: one line per orphan row; a check that cannot
 * run (a corrupt file) is one more line. */
static void foreign_keys(struct cn_ctx *ctx, struct maint_problems *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(ctx->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
		maint_add_problem(out, _("foreign key check: %s"), sqlite3_errmsg(ctx->db));
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *table = db_col(st, 0), *parent = db_col(st, 2);
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			maint_add_problem(out, _("foreign key: a row of %s refers to a missing row of %s"), table, parent);
		else
			maint_add_problem(out, _("foreign key: %s row %lld refers to a missing row of %s"),
					  table, (long long)sqlite3_column_int64(st, 1), parent);
	}
	if (rc != SQLITE_DONE)
		maint_add_problem(out, _("foreign key check: %s"), sqlite3_errmsg(ctx->db));
	sqlite3_finalize(st);
}

int maint_check(struct cn_ctx *ctx, struct maint_problems *out)
{
	const char *err;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_SUPERVISORE, _("check the database"))))
		return rc;
	/* a corrupt file often stops the check itself: what it said so far,
	 * then why it stopped, each a line */
	if (maint_integrity(ctx->db, out, &err))
		maint_add_problem(out, _("integrity check: %s"), err);
	foreign_keys(ctx, out);
	if ((rc = maint_check_schema(ctx, out))) {
		maint_problems_free(out);
		return rc;
	}
	if (out->n)
		return cn_set_error(ctx, CN_EDATA, _("%s: %zu problem(s) found"), ctx->db_path, out->n);
	return CN_OK;
}

int maint_copy_all(sqlite3 *dst, sqlite3 *src, long *pages)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, tries = 0;

	if (!b)
		return sqlite3_errcode(dst);
	/* Readers of a WAL database are rarely blocked; when they are
	 * (a checkpoint restarting the log), wait a little and retry. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 50)
			break;
		sqlite3_sleep(100);
	}
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	return rc;
}

/* The online backup into the empty file `tmp`, in one step: a chunked
 * backup starts over whenever another process writes. */
static int copy_into(struct cn_ctx *ctx, const char *tmp, const char *dest,
		     struct maint_backup_result *out)
{
	sqlite3 *dst = NULL;
	int rc;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot open: %s"), tmp,
				  dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return rc;
	}
	rc = maint_copy_all(dst, ctx->db, &out->pages);
	if (rc == SQLITE_DONE)
		rc = CN_OK;
	else if (rc == SQLITE_FULL)
		rc = cn_set_error(ctx, CN_EIO,
			_("%s: the disk is full: the backup was not written (earlier backups are untouched)"), dest);
	else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		rc = cn_set_error(ctx, CN_ETEMPFAIL, _("backup: the database stayed busy; try again"));
	else
		rc = cn_set_error(ctx, CN_EIO, _("backup: %s"), sqlite3_errstr(rc));
	/* A backup is one self-contained file: opening it later (doctor, a
	 * restore, sqlite3) must not leave -wal and -shm files beside it. */
	if (rc == CN_OK && sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = sqlite3_errcode(dst) == SQLITE_FULL
			? cn_set_error(ctx, CN_EIO,
				_("%s: the disk is full: the backup was not written (earlier backups are untouched)"), dest)
			: cn_set_error(ctx, CN_EIO, _("backup: %s"), sqlite3_errmsg(dst));
	if (sqlite3_close(dst) != SQLITE_OK && rc == CN_OK)
		rc = cn_set_error(ctx, CN_EIO, _("%s: cannot close the copy"), tmp);
	return rc;
}

/* The copy must open and pass integrity_check before it is put in place. */
static int verify_copy(struct cn_ctx *ctx, const char *tmp, const char *dest)
{
	struct maint_problems p = {0};
	sqlite3 *db = NULL;
	const char *err = NULL;
	int rc = CN_OK;

	if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    maint_integrity(db, &p, &err))
		rc = cn_set_error(ctx, CN_EIO, _("%s: the copy does not open: %s"), dest,
				  err ? err : db ? sqlite3_errmsg(db) : "out of memory");
	else if (p.n)
		rc = cn_set_error(ctx, CN_EIO, _("%s: the copy fails the integrity check: %s"), dest, p.v[0]);
	maint_problems_free(&p);
	sqlite3_close(db);
	return rc;
}

/* Puts the checked copy at dest: replacing it only with force. */
static int place_copy(struct cn_ctx *ctx, const char *tmp, const char *dest, int force)
{
	struct stat sb;

	if (force) {
		if (rename(tmp, dest) == 0)
			return CN_OK;
	} else if (link(tmp, dest) == 0) {
		unlink(tmp);
		return CN_OK;
	} else if (errno == EEXIST) {
		return cn_set_error(ctx, CN_ECANTCREAT,
			_("%s already exists: choose another name, or give --force to replace it"), dest);
	} else if (stat(dest, &sb) != 0 && rename(tmp, dest) == 0) {
		/* file systems without hard links (vfat sticks) */
		return CN_OK;
	}
	return cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot write: %s"), dest, strerror(errno));
}

/* The folder's own entry must reach the disk too, or a crash can lose the rename. */
void maint_sync_dir(const char *path)
{
	char *copy = xstrdup(path);
	int fd;
	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/* dest with its folder resolved, for the audit row. */
static void absolute(const char *path, char *out, size_t outlen)
{
	char *d = xstrdup(path), *b = xstrdup(path), dir[PATH_MAX];
	int n = -1;
	if (realpath(dirname(d), dir))
		n = snprintf(out, outlen, "%s/%s", strcmp(dir, "/") ? dir : "", basename(b));
	if (n < 0 || (size_t)n >= outlen)
		snprintf(out, outlen, "%s", path);
	free(d);
	free(b);
}

void maint_remove_tmp(const char *tmp)
{
	static const char *const suffix[] = {"", "-journal", "-wal", "-shm"};
	char p[PATH_MAX + 16];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(p, sizeof p, "%s%s", tmp, suffix[i]);
		unlink(p);
	}
}

int maint_copy_to_tmp(struct cn_ctx *ctx, char *tmp, const char *dest, struct maint_backup_result *out)
{
	struct stat ds;
	mode_t old_mask;
	int fd, rc;

	/* the copy holds the same data as the database: group-shared, never world-readable */
	old_mask = umask(007);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot create: %s"), dest, strerror(errno));
		umask(old_mask);
		return rc;
	}
	fchmod(fd, 0660);
	close(fd);
	rc = copy_into(ctx, tmp, dest, out);
	if (rc == CN_OK)
		rc = verify_copy(ctx, tmp, dest);
	umask(old_mask);
	if (rc == CN_OK && stat(tmp, &ds) == 0)
		out->bytes = (long long)ds.st_size;
	if (rc)
		maint_remove_tmp(tmp);
	return rc;
}

int maint_backup(struct cn_ctx *ctx, const char *dest, int force, struct maint_backup_result *out)
{
	struct stat ds, dbs;
	char tmp[PATH_MAX];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("back up the database"))))
		return rc;
	if (!dest || !*dest)
		return cn_set_error(ctx, CN_EUSAGE, _("backup: give the file to write"));
	if (desk_privileged())
		return cn_set_error(ctx, CN_EUSAGE,
			_("the desk's backups go into its backups folder only: run 'centralino backup' without FILE"));
	if (stat(dest, &ds) == 0) {
		if (stat(ctx->db_path, &dbs) == 0 && ds.st_dev == dbs.st_dev && ds.st_ino == dbs.st_ino)
			return cn_set_error(ctx, CN_EUSAGE, _("%s is the database itself: choose another file"), dest);
		if (S_ISDIR(ds.st_mode))
			return cn_set_error(ctx, CN_ECANTCREAT, _("%s is a folder: give a file name"), dest);
		if (!force)
			return cn_set_error(ctx, CN_ECANTCREAT,
				_("%s already exists: choose another name, or give --force to replace it"), dest);
	}
	if (snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", dest) >= (int)sizeof tmp)
		return cn_set_error(ctx, CN_EUSAGE, _("%s: the path is too long"), dest);
	if ((rc = maint_copy_to_tmp(ctx, tmp, dest, out)))
		return rc;
	/* The audit row and the copy's arrival go together: the transaction
	 * is committed only once the file is in place. */
	if ((rc = db_begin(ctx)) == CN_OK) {
		struct audit_details details = {0};
		absolute(dest, out->path, sizeof out->path);
		audit_kv_long(&details, "pages", out->pages);
		audit_kv_long(&details, "bytes", out->bytes);
		if (force)
			audit_kv_long(&details, "force", 1);
		rc = audit_write(ctx, "backup", "file", out->path, &details);
		audit_details_free(&details);
		if (rc == CN_OK && (rc = place_copy(ctx, tmp, dest, force)) == CN_OK) {
			maint_sync_dir(dest);
			return db_commit(ctx);
		}
		db_rollback(ctx);
	}
	maint_remove_tmp(tmp);
	return rc;
}
