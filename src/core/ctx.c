/* Opening the desk's database: path, permissions, migrations, clock and the
 * acting user. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/clock.h"
#include "centralino/desk.h"
#include "centralino/schema.h"
#include "centralino/xalloc.h"

static const char *const role_names[] = {
	[CN_ROLE_NONE] = "nessuno",
	[CN_ROLE_ASSISTENZA] = "assistenza",
	[CN_ROLE_OPERATORE] = "operatore",
	[CN_ROLE_SUPERVISORE] = "supervisore",
	[CN_ROLE_ADMIN] = "admin",
};

const char *cn_role_name(enum cn_role role)
{
	if (role < CN_ROLE_NONE || role > CN_ROLE_ADMIN)
		return "?";
	return role_names[role];
}

int cn_role_parse(const char *s, enum cn_role *out)
{
	for (int r = CN_ROLE_ASSISTENZA; r <= CN_ROLE_ADMIN; r++)
		if (s && strcmp(s, role_names[r]) == 0) {
			*out = r;
			return CN_OK;
		}
	return CN_EUSAGE;
}

enum cn_role role_from_db(const char *s)
{
	enum cn_role r = CN_ROLE_NONE;
	cn_role_parse(s, &r);
	return r;
}

int cn_set_error(struct cn_ctx *ctx, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
	va_end(ap);
	ctx->err_field[0] = '\0';
	return status;
}

int cn_set_error_field(struct cn_ctx *ctx, int status, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
	va_end(ap);
	snprintf(ctx->err_field, sizeof ctx->err_field, "%s", field ? field : "");
	return status;
}

int cn_error_on_field(struct cn_ctx *ctx, int status, const char *field)
{
	if (status != CN_OK)
		snprintf(ctx->err_field, sizeof ctx->err_field, "%s", field ? field : "");
	return status;
}

const char *cn_error(const struct cn_ctx *ctx) { return ctx->err; }
const char *cn_error_field(const struct cn_ctx *ctx) { return ctx->err_field[0] ? ctx->err_field : NULL; }
const char *cn_login(const struct cn_ctx *ctx) { return ctx->login; }
const char *cn_real_login(const struct cn_ctx *ctx) { return ctx->real_login; }
const char *cn_user_name(const struct cn_ctx *ctx) { return ctx->user_name; }
enum cn_role cn_role(const struct cn_ctx *ctx) { return ctx->role; }
const char *cn_db_path(const struct cn_ctx *ctx) { return ctx->db_path; }
const char *cn_warning(const struct cn_ctx *ctx) { return ctx->warning[0] ? ctx->warning : NULL; }
const char *cn_restart_needed(const struct cn_ctx *ctx) { return ctx->restart[0] ? ctx->restart : NULL; }

time_t cn_now(const struct cn_ctx *ctx)
{
	return ctx->now_fixed ? ctx->now : time(NULL);
}

void cn_now_iso(const struct cn_ctx *ctx, char out[21])
{
	cn_fmt_iso(cn_now(ctx), out);
}

void cn_today_ymd(const struct cn_ctx *ctx, char out[11])
{
	cn_fmt_ymd(cn_now(ctx), out);
}

int cn_may(const struct cn_ctx *ctx, enum cn_role min)
{
	return ctx->role >= min;
}

static int staff_lookup(struct cn_ctx *ctx, const char *login, enum cn_role *role,
			char *name, size_t namelen);

int cn_refresh_user(struct cn_ctx *ctx)
{
	enum cn_role role;
	char name[sizeof ctx->user_name];
	int rc;

	if (!ctx->staff_checked)
		return CN_OK;
	if ((rc = staff_lookup(ctx, ctx->real_login, &role, name, sizeof name)) == CN_OK && ctx->acting_as) {
		if (role < CN_ROLE_ADMIN)
			rc = cn_set_error(ctx, CN_ENOPERM, _("%s (%s) may not act as another user (--as)"),
					  ctx->real_login, cn_role_name(role));
		else
			rc = staff_lookup(ctx, ctx->login, &role, name, sizeof name);
	}
	if (rc == CN_ENOUSER || rc == CN_ENOPERM) {
		ctx->role = CN_ROLE_NONE;
		ctx->staff_checked = 0;
	}
	if (rc)
		return rc;
	ctx->role = role;
	memcpy(ctx->user_name, name, sizeof name);
	return CN_OK;
}

int cn_require(struct cn_ctx *ctx, enum cn_role min, const char *action)
{
	int rc;
	if ((rc = cn_refresh_user(ctx)))
		return rc;
	if (ctx->role >= min)
		return CN_OK;
	return cn_set_error(ctx, CN_ENOPERM, _("%s (%s) may not %s"),
			    ctx->login, cn_role_name(ctx->role), action);
}

int cn_db_file_ok(struct cn_ctx *ctx)
{
	return db_file_same(ctx);
}

int cn_data_changed(struct cn_ctx *ctx)
{
	sqlite3_stmt *st;
	long long v = ctx->data_version;
	if (sqlite3_prepare_v2(ctx->db, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (v == ctx->data_version)
		return 0;
	ctx->data_version = v;
	schema_still_ours(ctx); /* a migration: cn_restart_needed says so */
	/* someone may have changed our role or disabled us: cn_may follows */
	cn_refresh_user(ctx);
	return 1;
}

int cn_default_db_path(const char *explicit_path, char *out, size_t outlen)
{
	const char *p = explicit_path;
	int n;
	if (!p || !*p)
		p = secure_getenv("CENTRALINO_DB");
	if (p && *p) {
		n = snprintf(out, outlen, "%s", p);
	} else {
		const char *xdg = getenv("XDG_DATA_HOME");
		const char *home = getenv("HOME");
		if (xdg && *xdg)
			n = snprintf(out, outlen, "%s/centralino/centralino.db", xdg);
		else if (home && *home)
			n = snprintf(out, outlen, "%s/.local/share/centralino/centralino.db", home);
		else
			return CN_ECONFIG;
	}
	return (n < 0 || (size_t)n >= outlen) ? CN_ECONFIG : CN_OK;
}

/* mkdir -p of the file's folder, group-shared like the database. */
static int make_parent_dirs(const char *file)
{
	char *dir = xstrdup(file);
	char *slash;
	int rc = 0;
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0770) && errno != EEXIST)
				rc = -1;
			*p = '/';
		}
		if (mkdir(dir, 0770) && errno != EEXIST)
			rc = -1;
	}
	free(dir);
	return rc;
}

/* A new database gets the whole schema; an older one waits for
 * `centralino migrate`, which takes a backup first. */
static int schema_gate(struct cn_ctx *ctx, const struct cn_open_opts *o)
{
	int have, latest = schema_latest(), rc;

	if ((rc = schema_version(ctx, &have)))
		return rc;
	if (have == latest || (have < latest && have > 0 && o->schema_pending_ok)) {
		ctx->schema = have;
		return CN_OK;
	}
	if (have > latest)
		return cn_set_error(ctx, CN_ECONFIG,
			_("%s: the database is at schema version %d, newer than this program (%d): update centralino"),
			ctx->db_path, have, latest);
	if (have == 0) {
		if ((rc = schema_create(ctx)))
			return rc;
		ctx->schema = latest;
		return CN_OK;
	}
	return cn_set_error(ctx, CN_ECONFIG,
		_("%s: the database is at schema version %d, this program at %d: run 'centralino migrate' (root or an administrator; it takes a backup first)"),
		ctx->db_path, have, latest);
}

static int resolve_login(struct cn_ctx *ctx, const struct cn_open_opts *o, struct stat *dbst)
{
	struct passwd *pw = getpwuid(getuid());
	const char *override = o->user ? o->user : secure_getenv("CENTRALINO_USER");

	snprintf(ctx->real_login, sizeof ctx->real_login, "%s",
		 pw ? pw->pw_name : "uid?");
	if (override && *override) {
		/* Tests and demos play any role; an operator at the desk cannot. */
		if (getuid() != 0 && dbst && dbst->st_uid != getuid())
			return cn_set_error(ctx, CN_ENOPERM,
				_("only root or the owner of %s may choose the user (--user/CENTRALINO_USER)"),
				ctx->db_path);
		snprintf(ctx->real_login, sizeof ctx->real_login, "%s", override);
	}
	snprintf(ctx->login, sizeof ctx->login, "%s", ctx->real_login);
	return CN_OK;
}

static int staff_admins(struct cn_ctx *ctx, char *out, size_t outlen)
{
	sqlite3_stmt *st;
	size_t used = 0;
	out[0] = '\0';
	if (db_prepare(ctx, &st, "SELECT login FROM staff WHERE role = 'admin' AND active = 1 ORDER BY login LIMIT 5"))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW && used + 2 < outlen) {
		int n = snprintf(out + used, outlen - used, "%s%s", used ? ", " : "", db_col(st, 0));
		if (n < 0)
			break;
		used += (size_t)n;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Fills role and name of `login`; CN_ENOUSER with a message naming whom to ask. */
static int staff_lookup(struct cn_ctx *ctx, const char *login, enum cn_role *role, char *name, size_t namelen)
{
	sqlite3_stmt *st;
	int rc, active = 0, found = 0;
	char admins[256], since[32] = "";

	if ((rc = db_prepare(ctx, &st, "SELECT role, name, active, disabled_at FROM staff WHERE login = ?")))
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		*role = role_from_db(db_col(st, 0));
		snprintf(name, namelen, "%s", db_col(st, 1));
		active = sqlite3_column_int(st, 2);
		snprintf(since, sizeof since, "%.10s", db_col(st, 3));
	}
	sqlite3_finalize(st);
	if (found && active)
		return CN_OK;
	staff_admins(ctx, admins, sizeof admins);
	if (!admins[0])
		return cn_set_error(ctx, CN_ENOUSER,
			_("%s has no staff yet: run 'centralino init' first"), ctx->db_path);
	if (found)
		return cn_set_error(ctx, CN_ENOUSER,
			_("%s was disabled on %s: ask an administrator (%s) to enable the account"),
			login, since, admins);
	return cn_set_error(ctx, CN_ENOUSER,
		_("%s is not on the desk's staff list: ask an administrator (%s) to run 'centralino staff add %s'"),
		login, admins, login);
}

/* sqlite3_open_v2 with the right to write when the person has it, else
 * read-only (searches and reports still work); the first read happens
 * here, under the umask that keeps -wal and -shm the desk's. */
static int open_file(struct cn_ctx *ctx, int flags, int exists)
{
	/* The desk shares the file by group: never world-readable. sqlite gives
	 * the -wal and -shm files the database file's mode. */
	mode_t old = umask(007);
	int rc;

	if (exists && faccessat(AT_FDCWD, ctx->db_path, W_OK, AT_EACCESS) != 0 && errno == EACCES) {
		flags = (flags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;
		ctx->read_only = 1;
	}
	rc = sqlite3_open_v2(ctx->db_path, &ctx->db, flags, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(ctx->db, 5000);
		sqlite3_extended_result_codes(ctx->db, 0);
		rc = db_file_identify(ctx, !exists);
		if (rc == CN_OK && !exists)
			chmod(ctx->db_path, 0660);
	} else {
		rc = CN_EIO;
		if (db_file_wal_diagnose(ctx) == CN_OK)
			cn_set_error(ctx, CN_EIO, _("%s: cannot open: %s"), ctx->db_path,
				     ctx->db ? sqlite3_errmsg(ctx->db) : "out of memory");
	}
	umask(old);
	return rc;
}

static int open_db(struct cn_ctx *ctx, const struct cn_open_opts *o)
{
	struct stat sb;
	int exists = stat(ctx->db_path, &sb) == 0;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	if (!exists && errno != ENOENT && errno != ENOTDIR)
		return db_file_diagnose(ctx, o->create) ? CN_ENOPERM
			: cn_set_error(ctx, CN_EIO, "%s: %s", ctx->db_path, strerror(errno));
	if (!exists && !o->create)
		return cn_set_error(ctx, CN_ENOINPUT,
			_("%s: no database here: run 'centralino init' (or give --db PATH)"),
			ctx->db_path);
	if ((rc = db_file_diagnose(ctx, o->create)) || (exists && (rc = db_file_empty(ctx))))
		return rc;
	if (!exists) {
		if (make_parent_dirs(ctx->db_path))
			return cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot create its folder: %s"),
					    ctx->db_path, strerror(errno));
		flags |= SQLITE_OPEN_CREATE;
	}
	if ((rc = open_file(ctx, flags, exists)))
		return rc;
	db_file_remember(ctx);
	if (stat(ctx->db_path, &sb) == 0 && (sb.st_mode & 006))
		snprintf(ctx->warning, sizeof ctx->warning,
			 _("%s is %s by every user of this host (mode %04o): the desk shares it by group only: run 'chmod 660 %s'"),
			 ctx->db_path, (sb.st_mode & 002) ? _("writable") : _("readable"),
			 (unsigned)(sb.st_mode & 07777), ctx->db_path);
	else if (ctx->read_only)
		snprintf(ctx->warning, sizeof ctx->warning,
			 _("%s is read-only for you: searches and reports work, changes are refused"),
			 ctx->db_path);
	if (sqlite3_exec(ctx->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL) != SQLITE_OK ||
	    (!ctx->read_only && sqlite3_exec(ctx->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK))
		return db_fail(ctx, ctx->db_path);
	if (desk_privileged() && sqlite3_exec(ctx->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(ctx, ctx->db_path);
	return CN_OK;
}

int cn_ctx_open(const struct cn_open_opts *o, struct cn_ctx **out, char *err, size_t errlen)
{
	struct cn_ctx *ctx = xcalloc(1, sizeof *ctx);
	char path[4096];
	const char *now = o->now ? o->now : secure_getenv("CENTRALINO_NOW");
	struct stat sb;
	int rc;

	*out = NULL;
	if (cn_default_db_path(o->db_path, path, sizeof path)) {
		rc = cn_set_error(ctx, CN_ECONFIG, _("no database path: give --db PATH or set CENTRALINO_DB"));
		goto fail;
	}
	ctx->db_path = xstrdup(path);
	if (now && *now) {
		if (cn_parse_time(now, &ctx->now)) {
			rc = cn_set_error(ctx, CN_EUSAGE,
				_("--now/CENTRALINO_NOW: '%s' is not a time (YYYY-MM-DDTHH:MM:SS)"), now);
			goto fail;
		}
		ctx->now_fixed = 1;
	}
	if ((rc = open_db(ctx, o)))
		goto fail;
	if ((rc = resolve_login(ctx, o, stat(ctx->db_path, &sb) == 0 ? &sb : NULL)))
		goto fail;
	if ((rc = schema_gate(ctx, o)))
		goto fail;
	cn_data_changed(ctx);
	if (o->root_ok && getuid() == 0 && strcmp(ctx->real_login, "root") == 0) {
		/* root keeps the host: no staff row, the administrator's rights */
		ctx->role = CN_ROLE_ADMIN;
		snprintf(ctx->user_name, sizeof ctx->user_name, "root");
	} else if (!o->no_staff_check) {
		if ((rc = staff_lookup(ctx, ctx->real_login, &ctx->role, ctx->user_name, sizeof ctx->user_name)))
			goto fail;
		if (o->as_login && *o->as_login) {
			if (ctx->role < CN_ROLE_ADMIN) {
				rc = cn_set_error(ctx, CN_ENOPERM, _("%s (%s) may not act as another user (--as)"),
						  ctx->real_login, cn_role_name(ctx->role));
				goto fail;
			}
			if ((rc = staff_lookup(ctx, o->as_login, &ctx->role, ctx->user_name, sizeof ctx->user_name)))
				goto fail;
			snprintf(ctx->login, sizeof ctx->login, "%s", o->as_login);
			ctx->acting_as = 1;
		}
		ctx->staff_checked = 1;
	}
	*out = ctx;
	return CN_OK;
fail:
	snprintf(err, errlen, "%s", ctx->err);
	cn_ctx_close(ctx);
	return rc;
}

void cn_ctx_close(struct cn_ctx *ctx)
{
	if (!ctx)
		return;
	for (int i = 0; i < CN_CACHE_MAX; i++)
		if (ctx->cache[i].p && ctx->cache[i].free)
			ctx->cache[i].free(ctx->cache[i].p);
	if (ctx->db)
		sqlite3_close_v2(ctx->db);
	free(ctx->db_path);
	free(ctx);
}
