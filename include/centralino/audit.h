/* Reading the append-only audit log (writing is the core's internal
 * audit_write, one row per change in the change's own transaction). */
#ifndef CENTRALINO_AUDIT_H
#define CENTRALINO_AUDIT_H

#include <time.h>

#include "centralino/ctx.h"

struct audit_filter {
	time_t since;        /* 0: from the beginning; else rows at or after it */
	const char *user;    /* NULL/"": anyone; else the login at the keyboard or the --as login */
	const char *object;  /* NULL/"": any; else exactly this object id */
	const char *action;  /* NULL/"": any; else this action, or a family: "staff" = "staff.*" */
	long limit;          /* 0: no limit */
};

struct audit_entry {
	long long seq;
	char uuid[37];
	char at[21];        /* UTC ISO */
	char *login;        /* at the keyboard */
	char *as_login;     /* --as target, NULL when none */
	char *action;
	char *object_kind;  /* may be NULL */
	char *object_id;    /* may be NULL */
	char *details;      /* shown as "key=value ...", whether stored as a JSON
			     * object or (older rows) so; may be NULL */
};

struct audit_entries {
	size_t n;
	struct audit_entry *v;
};

/* Newest first (supervisore and up). Free with audit_entries_free. */
int audit_query(struct cn_ctx *ctx, const struct audit_filter *f, struct audit_entries *out);
void audit_entries_free(struct audit_entries *e);

/* An action ("code.issue") or object kind ("access_code") in words, in
 * the interface's language ("code issued", "access code"); a name it does
 * not know comes back as it is. */
const char *audit_action_words(const char *action);
const char *audit_kind_words(const char *kind);

#endif
