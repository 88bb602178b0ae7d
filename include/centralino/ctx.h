/* The context every core call takes first: open database, acting user and
 * role, clock, and the last error message for the person at the phone. */
#ifndef CENTRALINO_CTX_H
#define CENTRALINO_CTX_H

#include <stddef.h>
#include <time.h>

/* 0, or a negative sysexits(3) code: front ends exit with -status. */
enum cn_status {
	CN_OK = 0,
	CN_EUSAGE = -64,     /* wrong arguments */
	CN_EDATA = -65,      /* bad input data, or a rule of the desk refused it */
	CN_ENOINPUT = -66,   /* missing file, unknown comune, code, call ... */
	CN_ENOUSER = -67,    /* login not on the staff list, or disabled */
	CN_ESOFTWARE = -70,  /* a bug: the message says what */
	CN_EOSERR = -71,     /* out of memory, system call failed */
	CN_ECANTCREAT = -73, /* cannot create the output file */
	CN_EIO = -74,        /* read/write error, database corrupt */
	CN_ETEMPFAIL = -75,  /* database busy for too long */
	CN_ENOPERM = -77,    /* the role may not do this */
	CN_ECONFIG = -78,    /* bad configuration */
};

/* Each role includes the ones before it. */
enum cn_role {
	CN_ROLE_NONE = 0,
	CN_ROLE_ASSISTENZA = 1, /* search, log calls */
	CN_ROLE_OPERATORE = 2,  /* + issue codes */
	CN_ROLE_SUPERVISORE = 3,/* + revoke, extensions, statuses, reports, exports */
	CN_ROLE_ADMIN = 4,      /* + staff, imports, backups, campaigns */
};

struct cn_ctx;

struct cn_open_opts {
	const char *db_path;  /* NULL: $CENTRALINO_DB, else $XDG_DATA_HOME/centralino/centralino.db */
	const char *now;      /* NULL: $CENTRALINO_NOW, else the real clock */
	const char *user;     /* NULL: $CENTRALINO_USER (root or db owner only), else getpwuid(getuid()) */
	const char *as_login; /* --as: an admin acting for someone else */
	int create;           /* create the database file if missing */
	int no_staff_check;   /* init/bootstrap: do not require the login on the staff list */
	int schema_pending_ok;/* migrate, doctor: open a database whose schema is older than the
			       * program's (otherwise refused: "run centralino migrate") */
	int root_ok;          /* system tasks (migrate, scheduled backup, doctor): root need not be
			       * on the staff list and acts with the admin role */
};

/* Opens the database; a new file gets the whole schema. On failure *out is NULL and the message
 * is copied to err. */
int cn_ctx_open(const struct cn_open_opts *opts, struct cn_ctx **out,
		char *err, size_t errlen);
void cn_ctx_close(struct cn_ctx *ctx);

/* The default database path for these options (no file is touched). */
int cn_default_db_path(const char *explicit_path, char *out, size_t outlen);

/* The last error: its message for the person, and the input field it
 * concerns. A field is named by the member of the request struct the
 * caller filled ("phone", "caller_name", "deadline" ...), so a form can
 * put the message under that field without reading the message; NULL when
 * the error concerns no one field. */
const char *cn_error(const struct cn_ctx *ctx);
const char *cn_error_field(const struct cn_ctx *ctx);
/* Sets the message (and clears the field); returns status. */
int cn_set_error(struct cn_ctx *ctx, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets the message and the field it concerns; returns status. */
int cn_set_error_field(struct cn_ctx *ctx, int status, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

time_t cn_now(const struct cn_ctx *ctx);
/* Effective login (the --as target when given); its role decides permissions. */
const char *cn_login(const struct cn_ctx *ctx);
/* The person at the keyboard (differs from cn_login only under --as). */
const char *cn_real_login(const struct cn_ctx *ctx);
const char *cn_user_name(const struct cn_ctx *ctx);
enum cn_role cn_role(const struct cn_ctx *ctx);
const char *cn_db_path(const struct cn_ctx *ctx);
/* A problem found at open that does not stop the work (the database file
 * is world-readable or world-writable), or NULL. Front ends show it. */
const char *cn_warning(const struct cn_ctx *ctx);

/* Why this session must end, or NULL: the database's schema was migrated
 * while the program ran (noticed by cn_data_changed and before every
 * write, which is then refused with this message). Front ends keep unsaved
 * work as drafts and ask for a restart. */
const char *cn_restart_needed(const struct cn_ctx *ctx);

const char *cn_role_name(enum cn_role role);
int cn_role_parse(const char *s, enum cn_role *out);

/* CN_OK when the acting user's role is at least `min`; otherwise CN_ENOPERM
 * with "LOGIN (ROLE) may not ACTION". */
int cn_require(struct cn_ctx *ctx, enum cn_role min, const char *action);
/* 1 when the user's role is at least min (no message): for hiding keys. */
int cn_may(const struct cn_ctx *ctx, enum cn_role min);
/* Re-reads the acting user's role from the staff list, so a session left
 * open sees a role change or a disabled account (cn_require and
 * cn_data_changed do this by themselves). CN_ENOUSER or
 * CN_ENOPERM (--as no longer allowed) when the account lost its access:
 * the role is then "nessuno". */
int cn_refresh_user(struct cn_ctx *ctx);

/* CN_OK while the database path still names the file opened; CN_EIO
 * (message: deleted or replaced, restart) once it was deleted or replaced
 * by another file, after which every change is refused. For a UI's poll;
 * every change checks it by itself. */
int cn_db_file_ok(struct cn_ctx *ctx);

/* 1 when another connection committed since the last call (PRAGMA
 * data_version), 0 otherwise; the user's role is then read again
 * (cn_refresh_user). Cheap enough to poll from a UI loop. */
int cn_data_changed(struct cn_ctx *ctx);

#endif
