/* Dated backups in the desk's backups folder, and how long they are kept. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/clock.h"
#include "maint_internal.h"

#define NAME_PREFIX "centralino-"
#define NAME_STAMP_LEN 15 /* YYYYMMDD-HHMMSS */

int maint_backup_dir(struct cn_ctx *ctx, char *out, size_t len)
{
	const char *slash = strrchr(ctx->db_path, '/');
	char dir[PATH_MAX], real[PATH_MAX];
	int n;

	/* resolved, so that messages and audit rows name it whatever the
	 * current folder */
	if (slash == ctx->db_path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - ctx->db_path) : 1, slash ? ctx->db_path : ".");
	if (!realpath(dir, real))
		snprintf(real, sizeof real, "%s", dir);
	n = snprintf(out, len, "%s/backups", strcmp(real, "/") ? real : "");
	if (n < 0 || (size_t)n >= len)
		return cn_set_error(ctx, CN_EUSAGE, _("%s: the path is too long"), ctx->db_path);
	return CN_OK;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The local time in a dated backup's name "centralino-YYYYMMDD-HHMMSS.db"
 * (or "...-N.db"); -1 for any other name. */
static time_t name_time(const char *name)
{
	const char *s = name + strlen(NAME_PREFIX), *rest;

	if (strncmp(name, NAME_PREFIX, strlen(NAME_PREFIX)) != 0 || strlen(s) < NAME_STAMP_LEN + 3 ||
	    !all_digits(s, 8) || s[8] != '-' || !all_digits(s + 9, 6))
		return -1;
	rest = s + NAME_STAMP_LEN;
	if (*rest == '-') {
		size_t n = strspn(rest + 1, "0123456789");
		if (n == 0)
			return -1;
		rest += 1 + n;
	}
	if (strcmp(rest, ".db") != 0)
		return -1;
	return cn_parse_stamp(s);
}

int maint_last_backup(struct cn_ctx *ctx, char *path, size_t len, time_t *when)
{
	char dir[PATH_MAX], best[NAME_MAX + 1] = "";
	struct dirent *e;
	DIR *d;
	int rc;

	*when = -1;
	if ((rc = maint_backup_dir(ctx, dir, sizeof dir)))
		return rc;
	if (!(d = opendir(dir)))
		return cn_set_error(ctx, CN_ENOINPUT, _("%s: no backup yet"), dir);
	while ((e = readdir(d))) {
		time_t t = name_time(e->d_name);
		if (t >= 0 && (t > *when || (t == *when && strcmp(e->d_name, best) > 0))) {
			*when = t;
			snprintf(best, sizeof best, "%s", e->d_name);
		}
	}
	closedir(d);
	if (!best[0])
		return cn_set_error(ctx, CN_ENOINPUT, _("%s: no backup yet"), dir);
	snprintf(path, len, "%s/%s", dir, best);
	return CN_OK;
}

/* Gives the verified copy its dated name: the first of NAME.db, NAME-2.db,
 * ... not taken (link() never replaces a file, so two backups in the same
 * second both survive). */
static int place_dated(struct cn_ctx *ctx, const char *tmp, const char *dir, char *path, size_t len)
{
	char stamp[NAME_STAMP_LEN + 1];

	cn_fmt_stamp(cn_now(ctx), stamp);
	for (int n = 1; n < 1000; n++) {
		int w = n == 1 ? snprintf(path, len, "%s/" NAME_PREFIX "%s.db", dir, stamp)
			       : snprintf(path, len, "%s/" NAME_PREFIX "%s-%d.db", dir, stamp, n);
		if (w < 0 || (size_t)w >= len)
			return cn_set_error(ctx, CN_EUSAGE, _("%s: the path is too long"), dir);
		if (link(tmp, path) == 0) {
			unlink(tmp);
			maint_sync_dir(path);
			return CN_OK;
		}
		if (errno != EEXIST)
			return cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot write: %s"), path, strerror(errno));
	}
	return cn_set_error(ctx, CN_ECANTCREAT, _("%s: too many backups in the same second"), dir);
}

/* Removes the dated backups older than keep_days, except `keep`. */
static int prune(struct cn_ctx *ctx, const char *dir, const char *keep, int keep_days)
{
	time_t limit = cn_now(ctx) - (time_t)keep_days * 86400;
	const char *keep_base = strrchr(keep, '/') ? strrchr(keep, '/') + 1 : keep;
	char p[PATH_MAX + NAME_MAX + 2];
	struct dirent *e;
	int removed = 0;
	DIR *d = opendir(dir);

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		time_t t = name_time(e->d_name);
		if (t < 0 || t >= limit || strcmp(e->d_name, keep_base) == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}

int maint_backup_dated(struct cn_ctx *ctx, const char *why, int keep_days, struct maint_backup_result *out)
{
	struct audit_details details = {0};
	char dir[PATH_MAX], tmp[PATH_MAX];
	mode_t old;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("back up the database"))) ||
	    (rc = maint_backup_dir(ctx, dir, sizeof dir)))
		return rc;
	old = umask(007);
	rc = mkdir(dir, 0770) == 0 || errno == EEXIST ? 0 : errno;
	umask(old);
	if (rc)
		return cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot create the backups folder: %s"),
				    dir, strerror(rc));
	if (snprintf(tmp, sizeof tmp, "%s/.centralino-tmp-XXXXXX", dir) >= (int)sizeof tmp)
		return cn_set_error(ctx, CN_EUSAGE, _("%s: the path is too long"), dir);
	if ((rc = maint_copy_to_tmp(ctx, tmp, dir, out)))
		return rc;
	/* The new backup, the removal of the old ones and the audit row go
	 * together: the row is committed once the file is in place. */
	if ((rc = db_begin(ctx))) {
		maint_remove_tmp(tmp);
		return rc;
	}
	if ((rc = place_dated(ctx, tmp, dir, out->path, sizeof out->path))) {
		db_rollback(ctx);
		maint_remove_tmp(tmp);
		return rc;
	}
	if (keep_days > 0)
		out->removed = prune(ctx, dir, out->path, keep_days);
	audit_kv(&details, "why", why);
	audit_kv_long(&details, "pages", out->pages);
	audit_kv_long(&details, "bytes", out->bytes);
	if (keep_days > 0) {
		audit_kv_long(&details, "keep_days", keep_days);
		audit_kv_long(&details, "removed", out->removed);
	}
	rc = audit_write(ctx, "backup", "file", out->path, &details);
	audit_details_free(&details);
	if (rc || (rc = db_commit(ctx))) {
		db_rollback(ctx);
		unlink(out->path);
	}
	return rc;
}
