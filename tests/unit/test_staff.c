/* Staff, roles, audit trail, backup and check, through the core: each role
 * against each guarded action, --as, the last admin, append-only audit log,
 * one audit row per change, file modes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "centralino/audit.h"
#include "centralino/clock.h"
#include "centralino/ctx.h"
#include "centralino/maint.h"
#include "centralino/staff.h"
#include "fixture.h"

#define NOW "2019-07-01T10:00:00"

static struct cn_ctx *open_ctx(struct fx *f, const char *user, const char *as, int *rc, char *err)
{
	struct cn_open_opts o = {.db_path = f->db, .now = NOW, .user = user, .as_login = as};
	struct cn_ctx *ctx = NULL;
	char buf[1024];
	*rc = cn_ctx_open(&o, &ctx, err ? err : buf, 1024);
	return ctx;
}

static struct cn_ctx *open_as(struct fx *f, const char *user)
{
	char err[1024];
	int rc;
	struct cn_ctx *ctx = open_ctx(f, user, NULL, &rc, err);
	if (rc)
		fail_msg("open as %s: %s", user, err);
	return ctx;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	umask(022); /* the program must not depend on the caller's umask */
	fx_create(f, "staff", "desk.db", "boss", NOW);
	assert_int_equal(raw_rc(f,
		"INSERT INTO staff (login, name, role, created_at) VALUES"
		" ('boss', 'Anna Capo', 'admin', '2019-05-01T08:00:00Z'),"
		" ('sup', 'Sara Super', 'supervisore', '2019-05-01T08:00:00Z'),"
		" ('op', 'Otto Operatore', 'operatore', '2019-05-01T08:00:00Z'),"
		" ('ass', 'Aldo Assistenza', 'assistenza', '2019-05-01T08:00:00Z'),"
		" ('victim', 'Vittorio Vittima', 'assistenza', '2019-05-01T08:00:00Z');"
		"INSERT INTO staff (login, name, role, active, created_at, disabled_at) VALUES"
		" ('gone', 'Gino Andato', 'operatore', 0, '2019-05-01T08:00:00Z', '2019-06-01T08:00:00Z')"),
		SQLITE_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	assert_int_equal(fx_remove(f), 0);
	free(f);
	return 0;
}

/* ---- each role against each guarded action ---- */

enum action { A_LIST, A_ADD, A_SET_ROLE, A_DISABLE, A_ENABLE, A_AUDIT, A_CHECK, A_BACKUP, A_MAX };

static const struct {
	const char *name;   /* the ACTION in "LOGIN (ROLE) may not ACTION" */
	enum cn_role min;
	int changes;        /* leaves one audit row when allowed */
} actions[A_MAX] = {
	[A_LIST] = {"see the staff list", CN_ROLE_ASSISTENZA, 0},
	[A_ADD] = {"manage staff", CN_ROLE_ADMIN, 1},
	[A_SET_ROLE] = {"manage staff", CN_ROLE_ADMIN, 1},
	[A_DISABLE] = {"manage staff", CN_ROLE_ADMIN, 1},
	[A_ENABLE] = {"manage staff", CN_ROLE_ADMIN, 1},
	[A_AUDIT] = {"read the audit log", CN_ROLE_SUPERVISORE, 0},
	[A_CHECK] = {"check the database", CN_ROLE_SUPERVISORE, 0},
	[A_BACKUP] = {"back up the database", CN_ROLE_ADMIN, 1},
};

static int try_action(struct fx *f, struct cn_ctx *ctx, enum action a)
{
	char path[192];
	enum cn_role old;
	int changed, rc;

	switch (a) {
	case A_LIST: {
		struct staff_list l;
		if ((rc = staff_list(ctx, &l)) == 0) {
			assert_int_equal(l.n, 6);
			staff_list_free(&l);
		}
		return rc;
	}
	case A_ADD:
		return staff_add(ctx, "nuovo", "Nuovo Arrivato", CN_ROLE_ASSISTENZA);
	case A_SET_ROLE:
		return staff_set_role(ctx, "victim", CN_ROLE_OPERATORE, &old);
	case A_DISABLE:
		return staff_disable(ctx, "victim", &changed);
	case A_ENABLE:
		return staff_enable(ctx, "victim", &changed);
	case A_AUDIT: {
		struct audit_filter flt = {0};
		struct audit_entries e;
		if ((rc = audit_query(ctx, &flt, &e)) == 0)
			audit_entries_free(&e);
		return rc;
	}
	case A_CHECK: {
		struct maint_problems p;
		rc = maint_check(ctx, &p);
		maint_problems_free(&p);
		return rc;
	}
	case A_BACKUP: {
		struct maint_backup_result r;
		snprintf(path, sizeof path, "%s/backup.db", f->dir);
		return maint_backup(ctx, path, 1, &r);
	}
	default:
		return -1;
	}
}

static void test_role_matrix(void **state)
{
	struct fx *f = *state;
	static const char *const users[] = {"ass", "op", "sup", "boss"};
	static const char *const role_names[] = {"assistenza", "operatore", "supervisore", "admin"};

	for (int u = 0; u < 4; u++) {
		enum cn_role role = (enum cn_role)(CN_ROLE_ASSISTENZA + u);
		struct cn_ctx *ctx = open_as(f, users[u]);
		assert_int_equal(cn_role(ctx), role);
		for (int a = 0; a < A_MAX; a++) {
			long long before = audit_rows(f);
			int rc = try_action(f, ctx, (enum action)a);
			int allowed = role >= actions[a].min;
			assert_int_equal(cn_may(ctx, actions[a].min), allowed);
			if (allowed) {
				if (rc)
					fail_msg("%s: %s: %s", users[u], actions[a].name, cn_error(ctx));
				assert_int_equal(audit_rows(f), before + actions[a].changes);
			} else {
				char want[256];
				snprintf(want, sizeof want, "%s (%s) may not %s", users[u], role_names[u],
					 actions[a].name);
				assert_int_equal(rc, CN_ENOPERM);
				assert_string_equal(cn_error(ctx), want);
				assert_int_equal(audit_rows(f), before);
			}
		}
		cn_ctx_close(ctx);
	}
	/* only the admin's changes happened */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM staff WHERE login = 'nuovo'"), 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE login <> 'boss'"), 0);
}

/* ---- login resolution ---- */

static void test_unknown_and_disabled_logins(void **state)
{
	struct fx *f = *state;
	char err[1024];
	int rc;

	assert_null(open_ctx(f, "nobody", NULL, &rc, err));
	assert_int_equal(rc, CN_ENOUSER);
	assert_non_null(strstr(err, "nobody is not on the desk's staff list"));
	assert_non_null(strstr(err, "ask an administrator (boss)"));
	assert_non_null(strstr(err, "staff add nobody"));

	assert_null(open_ctx(f, "gone", NULL, &rc, err));
	assert_int_equal(rc, CN_ENOUSER);
	assert_non_null(strstr(err, "gone was disabled on 2019-06-01"));
	assert_non_null(strstr(err, "(boss)"));
}

static void test_as(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	char err[1024];
	int rc;

	/* only an admin may act as someone else */
	assert_null(open_ctx(f, "sup", "op", &rc, err));
	assert_int_equal(rc, CN_ENOPERM);
	assert_string_equal(err, "sup (supervisore) may not act as another user (--as)");

	/* the admin acting as an operatore has the operatore's rights */
	ctx = open_ctx(f, "boss", "op", &rc, err);
	assert_int_equal(rc, 0);
	assert_string_equal(cn_login(ctx), "op");
	assert_string_equal(cn_real_login(ctx), "boss");
	assert_int_equal(cn_role(ctx), CN_ROLE_OPERATORE);
	assert_int_equal(staff_add(ctx, "x1", "X Uno", CN_ROLE_ASSISTENZA), CN_ENOPERM);
	assert_string_equal(cn_error(ctx), "op (operatore) may not manage staff");
	cn_ctx_close(ctx);

	/* not as a disabled or unknown login */
	assert_null(open_ctx(f, "boss", "gone", &rc, err));
	assert_int_equal(rc, CN_ENOUSER);
	assert_null(open_ctx(f, "boss", "nobody", &rc, err));
	assert_int_equal(rc, CN_ENOUSER);

	/* both names are recorded */
	assert_int_equal(raw_rc(f, "INSERT INTO staff (login, name, role, created_at)"
				" VALUES ('boss2', 'Bruno Capo', 'admin', '2019-05-01T08:00:00Z')"), SQLITE_OK);
	ctx = open_ctx(f, "boss", "boss2", &rc, err);
	assert_int_equal(rc, 0);
	assert_int_equal(staff_add(ctx, "x2", "X Due", CN_ROLE_ASSISTENZA), 0);
	cn_ctx_close(ctx);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'staff.add'"
				    " AND object_id = 'x2' AND login = 'boss' AND as_login = 'boss2'"), 1);
}

/* A session left open sees role changes and a disabled account at once. */
static void test_role_refresh(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *op = open_as(f, "op"), *boss = open_as(f, "boss");
	enum cn_role old;
	int changed;

	assert_int_equal(cn_require(op, CN_ROLE_SUPERVISORE, "read the audit log"), CN_ENOPERM);
	cn_data_changed(op);
	assert_int_equal(staff_set_role(boss, "op", CN_ROLE_SUPERVISORE, &old), 0);
	assert_int_equal(old, CN_ROLE_OPERATORE);
	/* a UI polling for changes sees the new role (keys shown by cn_may) */
	assert_int_equal(cn_may(op, CN_ROLE_SUPERVISORE), 0);
	assert_int_equal(cn_data_changed(op), 1);
	assert_int_equal(cn_may(op, CN_ROLE_SUPERVISORE), 1);
	assert_int_equal(cn_require(op, CN_ROLE_SUPERVISORE, "read the audit log"), 0);
	assert_int_equal(cn_role(op), CN_ROLE_SUPERVISORE);
	assert_int_equal(staff_disable(boss, "op", &changed), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(cn_require(op, CN_ROLE_ASSISTENZA, "search"), CN_ENOUSER);
	assert_non_null(strstr(cn_error(op), "op was disabled on 2019-07-01"));
	assert_int_equal(cn_role(op), CN_ROLE_NONE);
	assert_int_equal(cn_may(op, CN_ROLE_ASSISTENZA), 0);
	cn_ctx_close(op);
	cn_ctx_close(boss);
}

/* ---- staff rules ---- */

static void test_last_admin(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	long long before = audit_rows(f);
	enum cn_role old;
	int changed;

	assert_int_equal(staff_disable(ctx, "boss", &changed), CN_EDATA);
	assert_string_equal(cn_error(ctx),
		"boss is the last active administrator: make someone else admin first"
		" ('centralino staff set-role LOGIN admin')");
	assert_int_equal(staff_set_role(ctx, "boss", CN_ROLE_SUPERVISORE, &old), CN_EDATA);
	assert_int_equal(audit_rows(f), before);
	/* the schema holds the rule too, whoever writes */
	assert_int_not_equal(raw_rc(f, "UPDATE staff SET active = 0, disabled_at = 'x' WHERE login = 'boss'"), SQLITE_OK);
	assert_int_not_equal(raw_rc(f, "UPDATE staff SET role = 'operatore' WHERE login = 'boss'"), SQLITE_OK);
	assert_int_not_equal(raw_rc(f, "DELETE FROM staff WHERE login = 'victim'"), SQLITE_OK);
	assert_int_not_equal(raw_rc(f, "UPDATE staff SET login = 'vic' WHERE login = 'victim'"), SQLITE_OK);

	/* with a second admin, the first may step down */
	assert_int_equal(staff_set_role(ctx, "sup", CN_ROLE_ADMIN, &old), 0);
	assert_int_equal(staff_set_role(ctx, "boss", CN_ROLE_OPERATORE, &old), 0);
	assert_int_equal(old, CN_ROLE_ADMIN);
	assert_int_equal(audit_rows(f), before + 2);
	/* and is now an operatore for the core */
	assert_int_equal(staff_add(ctx, "late", "Troppo Tardi", CN_ROLE_ASSISTENZA), CN_ENOPERM);
	assert_string_equal(cn_error(ctx), "boss (operatore) may not manage staff");
	cn_ctx_close(ctx);
}

static void test_add_rules(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	struct staff_member m;
	long long before = audit_rows(f);

	assert_int_equal(staff_add(ctx, "op", "Otto Doppio", CN_ROLE_OPERATORE), CN_EDATA);
	assert_string_equal(cn_error(ctx), "op is already on the staff list (Otto Operatore, operatore)");
	assert_int_equal(staff_add(ctx, "gone", "Gino", CN_ROLE_OPERATORE), CN_EDATA);
	assert_non_null(strstr(cn_error(ctx), "staff enable gone"));
	assert_int_equal(staff_add(ctx, "-rf", "X", CN_ROLE_OPERATORE), CN_EUSAGE);
	assert_int_equal(staff_add(ctx, "a b", "X", CN_ROLE_OPERATORE), CN_EUSAGE);
	assert_int_equal(staff_add(ctx, "ok", "  ", CN_ROLE_OPERATORE), CN_EUSAGE);
	assert_int_equal(staff_add(ctx, "ok", "Riga\x1b[2JDue", CN_ROLE_OPERATORE), CN_EDATA);
	assert_string_equal(cn_error(ctx), "--name: contains the control character \\x1b (character 5)");
	assert_int_equal(staff_add(ctx, "ok", "Riga\xe2\x80\xae" "Due", CN_ROLE_OPERATORE), CN_EDATA);
	assert_int_equal(staff_add(ctx, "ok", "\xff\xfe", CN_ROLE_OPERATORE), CN_EDATA);
	assert_int_equal(staff_add(ctx, "ok", "X", CN_ROLE_NONE), CN_EUSAGE);
	assert_int_equal(audit_rows(f), before);

	/* trimmed, blanks collapsed, NFC ("Nicolò" typed decomposed) */
	assert_int_equal(staff_add(ctx, "nico.l-1", "  Nicolo\xcc\x80 \t De  Santis ", CN_ROLE_OPERATORE), 0);
	assert_int_equal(staff_get(ctx, "nico.l-1", &m), 0);
	assert_string_equal(m.name, "Nicol\xc3\xb2 De Santis");
	assert_int_equal(m.role, CN_ROLE_OPERATORE);
	assert_int_equal(m.active, 1);
	assert_string_equal(m.created_at, "2019-07-01T08:00:00Z");
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'staff.add'"
				    " AND object_kind = 'staff' AND object_id = 'nico.l-1' AND login = 'boss'"
				    " AND as_login IS NULL AND at = '2019-07-01T08:00:00Z'"
				    " AND json_extract(details, '$.role') = 'operatore'"
				    " AND json_extract(details, '$.name') = 'Nicol\xc3\xb2 De Santis'"), 1);
	assert_int_equal(staff_get(ctx, "nobody", &m), CN_ENOINPUT);
	cn_ctx_close(ctx);
}

static void test_one_row_per_change(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	struct staff_member m;
	enum cn_role old;
	int changed;
	long long n = audit_rows(f);

	assert_int_equal(staff_disable(ctx, "victim", &changed), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(audit_rows(f), ++n);
	assert_int_equal(staff_get(ctx, "victim", &m), 0);
	assert_int_equal(m.active, 0);
	assert_string_equal(m.disabled_at, "2019-07-01T08:00:00Z");
	/* nothing to do: no row */
	assert_int_equal(staff_disable(ctx, "victim", &changed), 0);
	assert_int_equal(changed, 0);
	assert_int_equal(audit_rows(f), n);
	assert_int_equal(staff_enable(ctx, "victim", &changed), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(audit_rows(f), ++n);
	assert_int_equal(staff_enable(ctx, "victim", &changed), 0);
	assert_int_equal(changed, 0);
	assert_int_equal(staff_set_role(ctx, "victim", CN_ROLE_ASSISTENZA, &old), 0);
	assert_int_equal(old, CN_ROLE_ASSISTENZA);
	assert_int_equal(audit_rows(f), n);
	assert_int_equal(staff_set_role(ctx, "victim", CN_ROLE_SUPERVISORE, &old), 0);
	assert_int_equal(audit_rows(f), ++n);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'staff.set_role'"
				    " AND details = '{\"role\":\"supervisore\",\"was\":\"assistenza\"}'"), 1);
	assert_int_equal(staff_disable(ctx, "nobody", &changed), CN_ENOINPUT);
	assert_int_equal(staff_set_role(ctx, "nobody", CN_ROLE_ADMIN, &old), CN_ENOINPUT);
	assert_int_equal(audit_rows(f), n);
	cn_ctx_close(ctx);
}

static void test_login_alphabet(void **state)
{
	(void)state;
	assert_true(staff_login_valid("mario"));
	assert_true(staff_login_valid("m.rossi"));
	assert_true(staff_login_valid("m_rossi-2"));
	assert_true(staff_login_valid("Rossi"));
	assert_true(staff_login_valid("mrossi@comune.it"));
	assert_true(staff_login_valid("host$"));
	assert_true(staff_login_valid("1a"));
	assert_false(staff_login_valid(""));
	assert_false(staff_login_valid(NULL));
	assert_false(staff_login_valid("-x"));
	assert_false(staff_login_valid("123"));
	assert_false(staff_login_valid("ma rio"));
	assert_false(staff_login_valid("mar/io"));
	assert_false(staff_login_valid("niccol\xc3\xb2"));
	assert_true(staff_login_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));  /* 64 */
	assert_false(staff_login_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")); /* 65 */
}

/* ---- the audit log ---- */

static void test_audit_append_only(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	assert_int_equal(staff_add(ctx, "x1", "X Uno", CN_ROLE_ASSISTENZA), 0);
	cn_ctx_close(ctx);
	assert_int_equal(raw_rc(f, "UPDATE audit_log SET login = 'someone'"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_rc(f, "DELETE FROM audit_log"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE login = 'boss'"), 1);
}

static void test_audit_filters(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	struct audit_entries e;
	struct audit_filter flt = {0};
	time_t t;

	assert_int_equal(raw_rc(f,
		"INSERT INTO staff (login, name, role, created_at) VALUES ('boss2', 'B', 'admin', 'x');"
		"INSERT INTO audit_log (uuid, at, login, as_login, action, object_kind, object_id, details) VALUES"
		" ('u1', '2019-06-30T09:00:00Z', 'boss', NULL, 'staff.add', 'staff', 'op', 'role=operatore'),"
		" ('u2', '2019-07-01T07:00:00Z', 'boss', 'boss2', 'staff.disable', 'staff', 'gone', NULL),"
		" ('u3', '2019-07-01T08:00:00Z', 'sup', NULL, 'code.issue', 'comune', '001272', 'x=1'),"
		" ('u4', '2019-07-01T09:00:00Z', 'boss2', NULL, 'staffing', 'x', 'y', NULL),"
		" ('u5', '2019-07-02T09:00:00Z', 'boss', NULL, 'backup', 'file', '/b.db', NULL)"), SQLITE_OK);

	ctx = open_as(f, "sup");
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 5);
	assert_string_equal(e.v[0].uuid, "u5"); /* newest first */
	assert_string_equal(e.v[4].uuid, "u1");
	assert_string_equal(e.v[3].as_login, "boss2");
	assert_null(e.v[0].as_login);
	assert_string_equal(e.v[2].object_id, "001272");
	audit_entries_free(&e);

	/* --since a date: local midnight (Europe/Rome, UTC+2 in July) */
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	assert_int_equal(cn_parse_time("2019-07-01", &t), 0);
	flt.since = t;
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 4);
	assert_string_equal(e.v[3].uuid, "u2");
	audit_entries_free(&e);
	flt.since = 0;

	/* --user: at the keyboard or through --as */
	flt.user = "boss2";
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0].uuid, "u4");
	assert_string_equal(e.v[1].uuid, "u2");
	audit_entries_free(&e);
	flt.user = NULL;

	flt.object = "001272";
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].action, "code.issue");
	audit_entries_free(&e);
	flt.object = NULL;

	/* an action family, not a mere prefix ("staffing" is not staff.*) */
	flt.action = "staff";
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0].uuid, "u2");
	audit_entries_free(&e);
	flt.action = "staff.add";
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 1);
	audit_entries_free(&e);
	flt.action = NULL;

	flt.limit = 2;
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[1].uuid, "u4");
	audit_entries_free(&e);

	flt.limit = 0;
	flt.user = "boss";
	flt.action = "staff";
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 2);
	audit_entries_free(&e);
	cn_ctx_close(ctx);
}

/* New rows hold their details as a JSON object (json_extract reads them);
 * rows written before stay key=value; the log shows both alike. */
static void test_audit_details_json(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	struct audit_entries e;
	struct audit_filter flt = {0};

	assert_int_equal(staff_add(ctx, "anna", "Anna \"la\" Verdi", CN_ROLE_OPERATORE), 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_log WHERE action = 'staff.add'"
				    " AND json_valid(details) AND json_extract(details, '$.role') = 'operatore'"
				    " AND json_extract(details, '$.name') = 'Anna \"la\" Verdi'"), 1);
	assert_int_equal(raw_rc(f,
		"INSERT INTO audit_log (uuid, at, login, as_login, action, object_kind, object_id, details) VALUES"
		" ('old', '2019-07-01T08:00:00Z', 'boss', NULL, 'staff.add', 'staff', 'mario',"
		" 'role=operatore name=\"Mario Rossi\"')"), SQLITE_OK);
	assert_int_equal(audit_query(ctx, &flt, &e), 0);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0].uuid, "old");
	assert_string_equal(e.v[0].details, "role=operatore name=\"Mario Rossi\"");
	assert_string_equal(e.v[1].details, "role=operatore name=\"Anna \\\"la\\\" Verdi\"");
	audit_entries_free(&e);
	cn_ctx_close(ctx);
}

/* ---- check and backup ---- */

static void test_check(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "sup");
	struct maint_problems p;

	assert_int_equal(maint_check(ctx, &p), 0);
	assert_int_equal(p.n, 0);
	/* a broken reference, written with foreign keys off */
	assert_int_equal(raw_rc(f, "INSERT INTO comune_former_name VALUES ('999999', 'Nessuno', 'nessuno', '2019-01-01')"),
			 SQLITE_OK);
	assert_int_equal(maint_check(ctx, &p), CN_EDATA);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0], "foreign key: a row of comune_former_name refers to a missing row of comune");
	assert_non_null(strstr(cn_error(ctx), "1 problem(s) found"));
	maint_problems_free(&p);
	cn_ctx_close(ctx);
}

static void test_backup(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_as(f, "boss");
	struct maint_backup_result r;
	struct stat sb;
	char dest[192];
	long long before = audit_rows(f);

	snprintf(dest, sizeof dest, "%s/copia.db", f->dir);
	umask(022);
	assert_int_equal(maint_backup(ctx, dest, 0, &r), 0);
	assert_true(r.pages > 0);
	assert_int_equal(stat(dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(r.bytes, sb.st_size);
	assert_int_equal(audit_rows(f), before + 1);
	{
		char want[512];
		snprintf(want, sizeof want, "SELECT count(*) FROM audit_log WHERE action = 'backup'"
			 " AND object_kind = 'file' AND object_id = '%s' AND login = 'boss'", dest);
		assert_int_equal(raw_int(f, want), 1);
	}

	/* the copy is a whole database */
	struct fx copy = *f;
	snprintf(copy.db, sizeof copy.db, "%s/copia.db", f->dir);
	assert_int_equal(raw_int(&copy, "SELECT count(*) FROM staff"), 6);
	assert_int_equal(raw_int(&copy, "PRAGMA user_version"), raw_int(f, "PRAGMA user_version"));

	/* no overwriting without force; never onto the database itself */
	assert_int_equal(maint_backup(ctx, dest, 0, &r), CN_ECANTCREAT);
	assert_non_null(strstr(cn_error(ctx), "already exists"));
	assert_int_equal(maint_backup(ctx, f->db, 1, &r), CN_EUSAGE);
	assert_int_equal(maint_backup(ctx, f->dir, 1, &r), CN_ECANTCREAT);
	assert_int_equal(audit_rows(f), before + 1);
	assert_int_equal(chmod(dest, 0644), 0);
	assert_int_equal(maint_backup(ctx, dest, 1, &r), 0);
	assert_int_equal(stat(dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(audit_rows(f), before + 2);
	/* no temporary file left behind */
	{
		char cmd[256];
		snprintf(cmd, sizeof cmd, "test \"$(ls '%s' | grep -c tmp-)\" -eq 0", f->dir);
		assert_int_equal(system(cmd), 0);
	}
	cn_ctx_close(ctx);
}

/* ---- file modes ---- */

/* -wal and -shm of the database file are 0660 while a connection is open. */
static void check_wal_shm_modes(const char *db)
{
	struct stat sb;
	char p[192];
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	snprintf(p, sizeof p, "%s-wal", db);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	snprintf(p, sizeof p, "%s-shm", db);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
}

static void test_file_modes(void **state)
{
	struct fx *f = *state;
	struct cn_open_opts o = {.now = NOW, .user = "boss", .create = 1, .no_staff_check = 1};
	struct cn_ctx *ctx;
	char err[1024], fresh[192];

	/* a new database, still open after its first write (the schema) */
	snprintf(fresh, sizeof fresh, "%s/sub/dir/new.db", f->dir);
	o.db_path = fresh;
	umask(022);
	assert_int_equal(cn_ctx_open(&o, &ctx, err, sizeof err), 0);
	check_wal_shm_modes(fresh);
	cn_ctx_close(ctx);

	ctx = open_as(f, "boss");
	assert_null(cn_warning(ctx));
	/* while a connection is open after a write, -wal and -shm exist */
	assert_int_equal(staff_add(ctx, "x1", "X Uno", CN_ROLE_ASSISTENZA), 0);
	check_wal_shm_modes(f->db);
	cn_ctx_close(ctx);

	assert_int_equal(chmod(f->db, 0664), 0);
	ctx = open_as(f, "boss");
	assert_non_null(cn_warning(ctx));
	assert_non_null(strstr(cn_warning(ctx), "readable by every user of this host (mode 0664)"));
	assert_non_null(strstr(cn_warning(ctx), "chmod 660"));
	cn_ctx_close(ctx);
	assert_int_equal(chmod(f->db, 0662), 0);
	ctx = open_as(f, "boss");
	assert_non_null(strstr(cn_warning(ctx), "writable by every user"));
	cn_ctx_close(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_role_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_and_disabled_logins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_as, setup, teardown),
		cmocka_unit_test_setup_teardown(test_role_refresh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_admin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_row_per_change, setup, teardown),
		cmocka_unit_test(test_login_alphabet),
		cmocka_unit_test_setup_teardown(test_audit_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_details_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_modes, setup, teardown),
	};
	setenv("TZ", "Europe/Rome", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
