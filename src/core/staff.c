/* The staff list: adding people, changing roles, disabling and enabling.
 * Rows are never deleted; the schema (db/005) also refuses losing the last
 * active admin, so a race between two admins cannot get round the check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "centralino/staff.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

int staff_login_valid(const char *login)
{
	size_t n = login ? strlen(login) : 0;
	int digits_only = 1;

	if (n == 0 || n > STAFF_LOGIN_MAX || login[0] == '-')
		return 0;
	for (const char *p = login; *p; p++) {
		char c = *p;
		int digit = c >= '0' && c <= '9';
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		if (!digit && !alpha && !strchr("._-@$", c))
			return 0;
		if (!digit)
			digits_only = 0;
	}
	/* useradd refuses all-digit names: they read as uids */
	return !digits_only;
}

static int check_login(struct cn_ctx *ctx, const char *login)
{
	if (staff_login_valid(login))
		return CN_OK;
	return cn_set_error_field(ctx, CN_EUSAGE, "login",
		_("'%s' is not a login name: use the person's system login (letters, digits, . _ - @; at most %d characters)"),
		login ? login : "", STAFF_LOGIN_MAX);
}

static int check_role(struct cn_ctx *ctx, enum cn_role role)
{
	if (role >= CN_ROLE_ASSISTENZA && role <= CN_ROLE_ADMIN)
		return CN_OK;
	return cn_set_error_field(ctx, CN_EUSAGE, "role", _("not a role: assistenza, operatore, supervisore or admin"));
}

/* The name by the text policy (text.h) into out; CN_EUSAGE when empty,
 * CN_EDATA when refused or longer than out holds. */
static int clean_name(struct cn_ctx *ctx, const char *name, char *out, size_t outlen)
{
	char *clean;
	int rc = text_clean_ctx(ctx, "--name", name, TEXT_PERSON, &clean);

	if (rc)
		return cn_error_on_field(ctx, rc, "name");
	if (!clean)
		return cn_set_error_field(ctx, CN_EUSAGE, "name", _("the name is empty: give the person's name and surname"));
	if (strlen(clean) >= outlen) {
		free(clean);
		return cn_set_error_field(ctx, CN_EDATA, "name", _("the name is longer than %d bytes"), (int)outlen - 1);
	}
	memcpy(out, clean, strlen(clean) + 1);
	free(clean);
	return CN_OK;
}

static void fill_member(sqlite3_stmt *st, struct staff_member *m)
{
	memset(m, 0, sizeof *m);
	snprintf(m->login, sizeof m->login, "%s", db_col(st, 0));
	snprintf(m->name, sizeof m->name, "%s", db_col(st, 1));
	m->role = role_from_db(db_col(st, 2));
	m->active = sqlite3_column_int(st, 3);
	snprintf(m->created_at, sizeof m->created_at, "%s", db_col(st, 4));
	snprintf(m->disabled_at, sizeof m->disabled_at, "%s", db_col(st, 5));
}

#define MEMBER_COLS "login, name, role, active, created_at, disabled_at"

/* Reads one member inside or outside a transaction; CN_ENOINPUT when absent. */
static int load_member(struct cn_ctx *ctx, const char *login, struct staff_member *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(ctx, &st, "SELECT " MEMBER_COLS " FROM staff WHERE login = ?")))
		return rc;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fill_member(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the staff list"));
	return cn_set_error(ctx, CN_ENOINPUT, _("%s is not on the staff list (see 'centralino staff list')"), login);
}

int staff_get(struct cn_ctx *ctx, const char *login, struct staff_member *out)
{
	int rc;
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see the staff list"))))
		return rc;
	return load_member(ctx, login, out);
}

int staff_list(struct cn_ctx *ctx, struct staff_list *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("see the staff list"))))
		return rc;
	if ((rc = db_prepare(ctx, &st, "SELECT " MEMBER_COLS " FROM staff ORDER BY active DESC, login")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		fill_member(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		staff_list_free(out);
		return db_fail(ctx, _("reading the staff list"));
	}
	return CN_OK;
}

void staff_list_free(struct staff_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Refuses taking away the last active admin, with a message saying what to do. */
static int keep_an_admin(struct cn_ctx *ctx, const struct staff_member *m)
{
	long long others;
	int rc;

	if (m->role != CN_ROLE_ADMIN || !m->active)
		return CN_OK;
	if ((rc = db_scalar_int(ctx, &others,
			"SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1 AND login <> ?",
			m->login, (char *)NULL)))
		return rc;
	if (others)
		return CN_OK;
	return cn_set_error_field(ctx, CN_EDATA, "role",
		_("%s is the last active administrator: make someone else admin first ('centralino staff set-role LOGIN admin')"),
		m->login);
}

int staff_add(struct cn_ctx *ctx, const char *login, const char *name, enum cn_role role)
{
	struct staff_member old;
	struct audit_details details = {0};
	char clean[STAFF_NAME_MAX + 1], now[21];
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("manage staff"))) ||
	    (rc = check_login(ctx, login)) || (rc = check_role(ctx, role)) ||
	    (rc = clean_name(ctx, name, clean, sizeof clean)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	rc = load_member(ctx, login, &old);
	if (rc == CN_OK) {
		if (old.active)
			rc = cn_set_error_field(ctx, CN_EDATA, "login", _("%s is already on the staff list (%s, %s)"),
					  login, old.name, cn_role_name(old.role));
		else
			rc = cn_set_error_field(ctx, CN_EDATA, "login",
				_("%s is already on the staff list, disabled: use 'centralino staff enable %s'"),
				login, login);
		goto fail;
	}
	if (rc != CN_ENOINPUT)
		goto fail;
	cn_now_iso(ctx, now);
	if ((rc = db_exec_binds(ctx, _("adding to the staff list"),
			"INSERT INTO staff (login, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
			login, clean, cn_role_name(role), now, (char *)NULL)))
		goto fail;
	audit_kv(&details, "role", cn_role_name(role));
	audit_kv(&details, "name", clean);
	if ((rc = audit_write(ctx, "staff.add", "staff", login, &details)))
		goto fail;
	audit_details_free(&details);
	return db_commit(ctx);
fail:
	audit_details_free(&details);
	db_rollback(ctx);
	return rc;
}

int staff_set_role(struct cn_ctx *ctx, const char *login, enum cn_role role, enum cn_role *old)
{
	struct audit_details details = {0};
	struct staff_member m;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("manage staff"))) || (rc = check_role(ctx, role)))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = load_member(ctx, login, &m)))
		goto fail;
	*old = m.role;
	if (m.role == role) {
		db_rollback(ctx);
		return CN_OK;
	}
	if (role != CN_ROLE_ADMIN && (rc = keep_an_admin(ctx, &m)))
		goto fail;
	if ((rc = db_exec_binds(ctx, _("changing the role"), "UPDATE staff SET role = ? WHERE login = ?",
			     cn_role_name(role), login, (char *)NULL)))
		goto fail;
	audit_kv(&details, "role", cn_role_name(role));
	audit_kv(&details, "was", cn_role_name(m.role));
	rc = audit_write(ctx, "staff.set_role", "staff", login, &details);
	audit_details_free(&details);
	if (rc)
		goto fail;
	return db_commit(ctx);
fail:
	db_rollback(ctx);
	return rc;
}

static int set_active(struct cn_ctx *ctx, const char *login, int active, int *changed)
{
	struct audit_details details = {0};
	struct staff_member m;
	char now[21];
	int rc;

	*changed = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("manage staff"))))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = load_member(ctx, login, &m)))
		goto fail;
	if (m.active == active) {
		db_rollback(ctx);
		return CN_OK;
	}
	if (!active && (rc = keep_an_admin(ctx, &m)))
		goto fail;
	cn_now_iso(ctx, now);
	if (active)
		rc = db_exec_binds(ctx, _("enabling the account"),
				"UPDATE staff SET active = 1, disabled_at = NULL WHERE login = ?",
				login, (char *)NULL);
	else
		rc = db_exec_binds(ctx, _("disabling the account"),
				"UPDATE staff SET active = 0, disabled_at = ? WHERE login = ?",
				now, login, (char *)NULL);
	if (rc)
		goto fail;
	audit_kv(&details, "role", cn_role_name(m.role));
	rc = audit_write(ctx, active ? "staff.enable" : "staff.disable", "staff", login, &details);
	audit_details_free(&details);
	if (rc)
		goto fail;
	if ((rc = db_commit(ctx)))
		return rc;
	*changed = 1;
	return CN_OK;
fail:
	db_rollback(ctx);
	return rc;
}

int staff_disable(struct cn_ctx *ctx, const char *login, int *changed)
{
	return set_active(ctx, login, 0, changed);
}

int staff_enable(struct cn_ctx *ctx, const char *login, int *changed)
{
	return set_active(ctx, login, 1, changed);
}
