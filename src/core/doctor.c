/* The installation's checks behind `centralino doctor`. */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "core.h"
#include "centralino/clock.h"
#include "centralino/config.h"
#include "centralino/doctor.h"
#include "centralino/maint.h"
#include "centralino/numfmt.h"
#include "centralino/schema.h"
#include "centralino/xalloc.h"

#define BACKUP_MAX_AGE (2 * 86400)

void doctor_default_paths(struct doctor_paths *p)
{
	ssize_t n = readlink("/proc/self/exe", p->program, sizeof p->program - 1);
	p->program[n > 0 ? n : 0] = '\0';
	snprintf(p->group, sizeof p->group, "%s", CN_DESK_GROUP);
	snprintf(p->conf, sizeof p->conf, "%s", config_system_path());
	snprintf(p->timer_link, sizeof p->timer_link, "%s",
		 "/etc/systemd/system/timers.target.wants/centralino-backup.timer");
	snprintf(p->systemd_dir, sizeof p->systemd_dir, "%s", "/run/systemd/system");
}

void doctor_report_free(struct doctor_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
	memset(r, 0, sizeof *r);
}

static void finding(struct doctor_report *r, enum doctor_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void finding(struct doctor_report *r, enum doctor_level level, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	r->v[r->n].text = xstrdup(line);
	r->v[r->n++].level = level;
	if (level == DOCTOR_ERROR)
		r->errors++;
}

static const char *user_name(uid_t uid, char *buf, size_t len)
{
	struct passwd *pw = getpwuid(uid);
	if (pw)
		snprintf(buf, len, "%s", pw->pw_name);
	else
		snprintf(buf, len, "%u", (unsigned)uid);
	return buf;
}

/* The program: root:GROUP 2755, so that it alone opens the desk's files. */
static void check_program(struct doctor_report *r, const struct doctor_paths *p, const struct group *g)
{
	struct stat sb;
	char u[64], gn[64];

	if (stat(p->program, &sb) != 0) {
		finding(r, DOCTOR_ERROR, _("%s: cannot read: %s"), p->program, strerror(errno));
		return;
	}
	if (sb.st_uid == 0 && sb.st_gid == g->gr_gid && (sb.st_mode & 07777) == 02755)
		return;
	finding(r, DOCTOR_ERROR,
		_("%s is %s:%s mode %04o, not root:%s 2755: operators cannot reach the desk's data through it; run 'dpkg-statoverride --update --add root %s 2755 %s' (or 'make install-desk')"),
		p->program, user_name(sb.st_uid, u, sizeof u), db_file_group_name(sb.st_gid, gn, sizeof gn),
		(unsigned)(sb.st_mode & 07777), p->group, p->group, p->program);
}

/* Nobody is in the group: a member could open the database with sqlite3,
 * outside the program's rules and its audit log. */
static void check_members(struct doctor_report *r, const struct group *g)
{
	struct passwd *pw;

	for (char **m = g->gr_mem; m && *m; m++)
		finding(r, DOCTOR_ERROR,
			_("%s is a member of the group %s: that person can open the desk's files without the program; run 'gpasswd -d %s %s'"),
			*m, g->gr_name, *m, g->gr_name);
	setpwent();
	while ((pw = getpwent()))
		if (pw->pw_gid == g->gr_gid)
			finding(r, DOCTOR_ERROR,
				_("%s has %s as primary group: that person can open the desk's files without the program; give them another group (usermod -g)"),
				pw->pw_name, g->gr_name);
	endpwent();
}

/* One of the desk's files or folders: the group's, closed to others. */
static void check_mode(struct doctor_report *r, const char *path, const struct group *g, int required)
{
	struct stat sb;
	char gn[64];

	if (stat(path, &sb) != 0) {
		if (required || errno != ENOENT)
			finding(r, DOCTOR_ERROR, _("%s: cannot read: %s"), path, strerror(errno));
		return;
	}
	if (g && sb.st_gid != g->gr_gid)
		finding(r, DOCTOR_ERROR, _("%s belongs to the group %s, not %s: run 'chgrp %s %s'"),
			path, db_file_group_name(sb.st_gid, gn, sizeof gn), g->gr_name, g->gr_name, path);
	if (sb.st_mode & 007)
		finding(r, DOCTOR_ERROR,
			_("%s is open to every user of this host (mode %04o): run 'chmod o-rwx %s'"),
			path, (unsigned)(sb.st_mode & 07777), path);
}

static void check_files(struct doctor_report *r, struct cn_ctx *ctx, const struct group *g)
{
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char dir[PATH_MAX], path[PATH_MAX + NAME_MAX + 2];
	struct dirent *e;
	DIR *d;

	if (maint_backup_dir(ctx, dir, sizeof dir))
		return;
	*strrchr(dir, '/') = '\0'; /* the database's own folder */
	check_mode(r, dir[0] ? dir : "/", g, 1);
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(path, sizeof path, "%s%s", ctx->db_path, suffix[i]);
		check_mode(r, path, g, i == 0);
	}
	if (maint_backup_dir(ctx, dir, sizeof dir) || !(d = opendir(dir)))
		return;
	check_mode(r, dir, g, 1);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			check_mode(r, path, g, 0);
		}
	closedir(d);
}

/* /etc/centralino.conf: present, readable, root's alone to change, naming
 * the database in use. */
static void check_conf(struct doctor_report *r, struct cn_ctx *ctx, const struct doctor_paths *p)
{
	struct cn_config cfg = {0};
	struct stat sb;
	char err[1024];

	if (stat(p->conf, &sb) != 0) {
		finding(r, DOCTOR_ERROR,
			_("%s: missing: the desk's program reads its database from there; write 'database = %s' into it"),
			p->conf, ctx->db_path);
		return;
	}
	if (sb.st_uid != 0 || (sb.st_mode & 022))
		finding(r, DOCTOR_ERROR,
			_("%s can be changed by others than root (mode %04o): run 'chown root: %s; chmod 644 %s'"),
			p->conf, (unsigned)(sb.st_mode & 07777), p->conf, p->conf);
	if (config_load_file(&cfg, p->conf, err, sizeof err)) {
		finding(r, DOCTOR_ERROR, "%s", err);
	} else if (!cfg.value[CN_SET_DATABASE]) {
		finding(r, DOCTOR_ERROR, _("%s: no 'database = ...' line: add 'database = %s'"),
			p->conf, ctx->db_path);
	} else if (strcmp(cfg.value[CN_SET_DATABASE], ctx->db_path) != 0) {
		finding(r, DOCTOR_WARNING, _("%s names the database %s, but this run uses %s (--db or CENTRALINO_DB?)"),
			p->conf, cfg.value[CN_SET_DATABASE], ctx->db_path);
	}
	config_free(&cfg);
}

/* The schema is the program's, the data consistent, the journal WAL.
 * What `centralino check` finds (integrity, foreign keys, every table,
 * index, trigger and view against the migrations') is one error each. */
static void check_database(struct doctor_report *r, struct cn_ctx *ctx)
{
	struct maint_problems probs;
	sqlite3_stmt *st;
	int have, rc;

	if (schema_version(ctx, &have) == CN_OK && have != schema_latest())
		finding(r, DOCTOR_ERROR,
			_("%s: schema version %d, the program's is %d: run 'centralino migrate'"),
			ctx->db_path, have, schema_latest());
	if ((rc = maint_check(ctx, &probs)) != CN_OK && rc != CN_EDATA)
		finding(r, DOCTOR_ERROR, "%s", ctx->err);
	for (size_t i = 0; i < probs.n; i++)
		finding(r, DOCTOR_ERROR, _("%s: %s: restore the last good backup or repair it"),
			ctx->db_path, probs.v[i]);
	maint_problems_free(&probs);
	if (db_prepare(ctx, &st, "PRAGMA journal_mode") == CN_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && strcmp(db_col(st, 0), "wal") != 0)
			finding(r, DOCTOR_ERROR,
				_("%s: journal mode %s, not wal: readers would block writers; run 'sqlite3 %s \"PRAGMA journal_mode=WAL\"' while nobody uses it"),
				ctx->db_path, db_col(st, 0), ctx->db_path);
		sqlite3_finalize(st);
	}
}

/* The newest backup: recent, and a database that opens. */
static void check_backup(struct doctor_report *r, struct cn_ctx *ctx)
{
	char path[PATH_MAX], day[11];
	sqlite3 *b = NULL;
	sqlite3_stmt *st;
	time_t when;
	int ok = 0;

	if (maint_last_backup(ctx, path, sizeof path, &when)) {
		finding(r, DOCTOR_WARNING, _("%s: run 'centralino backup --scheduled' (the daily timer does it)"), ctx->err);
		return;
	}
	cn_fmt_ymd(when, day);
	if (cn_now(ctx) - when > BACKUP_MAX_AGE)
		finding(r, DOCTOR_WARNING,
			_("the newest backup, %s, is from %s, more than 2 days ago: is the timer running? (systemctl status centralino-backup.timer)"),
			path, day);
	if (sqlite3_open_v2(path, &b, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(b, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	if (!ok)
		finding(r, DOCTOR_ERROR, _("%s does not open as a sound database (%s): take a new backup now"),
			path, b ? sqlite3_errmsg(b) : "out of memory");
	sqlite3_close(b);
}

static void check_timer(struct doctor_report *r, const struct doctor_paths *p)
{
	struct stat sb;
	int running = stat(p->systemd_dir, &sb) == 0;
	int enabled = lstat(p->timer_link, &sb) == 0;

	if (!running)
		finding(r, DOCTOR_WARNING,
			_("systemd is not running on this host: nothing runs the daily backup; schedule 'centralino backup --scheduled' another way (cron)"));
	else if (!enabled)
		finding(r, DOCTOR_ERROR,
			_("the backup timer is not enabled: run 'systemctl enable --now centralino-backup.timer'"));
}

/* Room on the disk for at least one more backup. */
static void check_space(struct doctor_report *r, struct cn_ctx *ctx)
{
	char dir[PATH_MAX], n1[NUMFMT_LEN], n2[NUMFMT_LEN];
	struct statvfs vs;
	struct stat sb;
	long long size, avail;

	if (stat(ctx->db_path, &sb) != 0 || maint_backup_dir(ctx, dir, sizeof dir) ||
	    (statvfs(dir, &vs) != 0 && statvfs(ctx->db_path, &vs) != 0))
		return;
	size = (long long)sb.st_size;
	avail = (long long)vs.f_bavail * (long long)vs.f_frsize;
	numfmt_int((long)(avail / 1048576), n1, sizeof n1);
	numfmt_int((long)(size / 1048576 + 1), n2, sizeof n2);
	if (avail < size)
		finding(r, DOCTOR_ERROR,
			_("%s MiB free for backups, the database is %s MiB: the next backup will fail; free some space"),
			n1, n2);
	else if (avail < 3 * size)
		finding(r, DOCTOR_WARNING,
			_("%s MiB free for backups, the database is %s MiB: room for less than 3 backups"), n1, n2);
}

int doctor_run(struct cn_ctx *ctx, const struct doctor_paths *p, struct doctor_report *out)
{
	struct group *gp;
	struct group g = {0};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("check the installation"))))
		return rc;
	if ((gp = getgrnam(p->group))) {
		g.gr_gid = gp->gr_gid;
		g.gr_name = xstrdup(gp->gr_name);
		check_members(out, gp);
		check_program(out, p, &g);
	} else {
		finding(out, DOCTOR_ERROR,
			_("the group %s does not exist: the program cannot keep the desk's files to itself; reinstall the package (or run 'make install-desk')"),
			p->group);
	}
	check_files(out, ctx, gp ? &g : NULL);
	free(g.gr_name);
	check_conf(out, ctx, p);
	check_database(out, ctx);
	check_backup(out, ctx);
	check_timer(out, p);
	check_space(out, ctx);
	return out->errors ? cn_set_error(ctx, CN_EDATA, ngettext("%d error found", "%d errors found",
		(unsigned long)out->errors), out->errors) : CN_OK;
}
