/* The desk's staff: who may use the program, and with which role. Staff are
 * never deleted (their calls, codes and audit rows stay attributed): they are
 * disabled. Changes are admin-only and each leaves one audit row. */
#ifndef CENTRALINO_STAFF_H
#define CENTRALINO_STAFF_H

#include "centralino/ctx.h"

/* Longest login and name accepted (bytes). */
enum { STAFF_LOGIN_MAX = 64, STAFF_NAME_MAX = 128 };

struct staff_member {
	char login[STAFF_LOGIN_MAX + 1];
	char name[STAFF_NAME_MAX + 1];
	enum cn_role role;
	int active;
	char created_at[21];  /* UTC ISO */
	char disabled_at[21]; /* UTC ISO, "" while active */
};

struct staff_list {
	size_t n;
	struct staff_member *v;
};

/* 1 when `login` is a system login name: letters, digits, '.', '_', '-',
 * '@', '$'; not starting with '-'; not all digits; 1..64 bytes. */
int staff_login_valid(const char *login);

/* Everyone on the list, active first, then by login (assistenza and up).
 * Free with staff_list_free. */
int staff_list(struct cn_ctx *ctx, struct staff_list *out);
void staff_list_free(struct staff_list *l);

/* One member; CN_ENOINPUT when the login is not on the list. */
int staff_get(struct cn_ctx *ctx, const char *login, struct staff_member *out);

/* Admin only. A new login (CN_EDATA when already listed, CN_EUSAGE for a
 * bad login or name). The name is stored trimmed, NFC. */
int staff_add(struct cn_ctx *ctx, const char *login, const char *name, enum cn_role role);

/* Admin only. *old gets the previous role; when it equals `role` nothing
 * changes and no audit row is written. Demoting the last active admin is
 * refused (CN_EDATA). */
int staff_set_role(struct cn_ctx *ctx, const char *login, enum cn_role role, enum cn_role *old);

/* Admin only. *changed is 0 when the account already was disabled/enabled
 * (nothing written). Disabling the last active admin is refused (CN_EDATA). */
int staff_disable(struct cn_ctx *ctx, const char *login, int *changed);
int staff_enable(struct cn_ctx *ctx, const char *login, int *changed);

#endif
