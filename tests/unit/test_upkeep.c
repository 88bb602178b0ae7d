/* The desk's upkeep through the core: a migration under an open session
 * stops its writes; doctor's findings on files, configuration, schema,
 * backups and the timer, with the installation's paths pointed at the
 * test's own. */
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

#include "centralino/doctor.h"
#include "centralino/maint.h"
#include "centralino/schema.h"
#include "centralino/staff.h"
#include "fixture.h"

#define NOW "2026-03-10T09:00:00"

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	fx_create(f, "upkeep", "desk.db", "boss", NOW);
	raw(f, "INSERT INTO staff (login, name, role, created_at) VALUES"
	       " ('boss', 'Anna Capo', 'admin', '2019-05-01T08:00:00Z')");
	*state = f;
	return 0;
}

static void migrated_under_a_session(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "boss", NOW);
	long long rows = audit_rows(f);
	char sql[64];

	assert_null(cn_restart_needed(ctx));
	assert_int_equal(staff_add(ctx, "mario", "Mario Rossi", CN_ROLE_OPERATORE), 0);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", schema_latest() + 1);
	raw(f, sql);
	/* a write before any poll is refused too: the check runs under the lock */
	assert_int_equal(staff_add(ctx, "luigi", "Luigi Verdi", CN_ROLE_OPERATORE), CN_ECONFIG);
	assert_non_null(strstr(cn_error(ctx), "restart centralino"));
	assert_int_equal(audit_rows(f), rows + 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM staff WHERE login = 'luigi'"), 0);
	assert_non_null(cn_restart_needed(ctx));
	cn_ctx_close(ctx);

	/* a session that only polls learns it from cn_data_changed */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", schema_latest());
	raw(f, sql);
	ctx = open_at(f, "boss", NOW);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", schema_latest() + 2);
	raw(f, sql);
	assert_int_equal(cn_data_changed(ctx), 1);
	assert_non_null(cn_restart_needed(ctx));
	assert_non_null(strstr(cn_restart_needed(ctx), "forms are kept as drafts"));
	cn_ctx_close(ctx);
}

/* The paths of an "installation" inside the test's folder. */
static void paths_in(struct fx *f, struct doctor_paths *p)
{
	doctor_default_paths(p);
	snprintf(p->conf, sizeof p->conf, "%s/centralino.conf", f->dir);
	snprintf(p->timer_link, sizeof p->timer_link, "%s/timer-link", f->dir);
	snprintf(p->systemd_dir, sizeof p->systemd_dir, "%s/systemd", f->dir);
}

/* 1 when one finding of that level contains text. */
static int has(const struct doctor_report *r, enum doctor_level level, const char *text)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].level == level && strstr(r->v[i].text, text))
			return 1;
	return 0;
}

static void write_text(const char *path, const char *text, mode_t mode)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	chmod(path, mode);
}

static void doctor_timer_and_conf(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "boss", NOW);
	struct doctor_paths p;
	struct doctor_report r;
	char text[300];

	paths_in(f, &p);
	doctor_run(ctx, &p, &r);
	assert_true(has(&r, DOCTOR_WARNING, "systemd is not running on this host"));
	assert_true(has(&r, DOCTOR_ERROR, "centralino.conf: missing"));
	assert_true(has(&r, DOCTOR_WARNING, "no backup yet"));
	doctor_report_free(&r);

	mkdir(p.systemd_dir, 0755);
	snprintf(text, sizeof text, "# the desk\ndatabase = %s\n", f->db);
	write_text(p.conf, text, 0664);
	doctor_run(ctx, &p, &r);
	assert_true(has(&r, DOCTOR_ERROR, "the backup timer is not enabled"));
	assert_false(has(&r, DOCTOR_WARNING, "systemd is not running"));
	assert_true(has(&r, DOCTOR_ERROR, "can be changed by others than root (mode 0664)"));
	assert_false(has(&r, DOCTOR_ERROR, "centralino.conf: missing"));
	doctor_report_free(&r);

	assert_int_equal(symlink("/nowhere", p.timer_link), 0);
	write_text(p.conf, "database = /srv/other.db\n", 0644);
	doctor_run(ctx, &p, &r);
	assert_false(has(&r, DOCTOR_ERROR, "the backup timer"));
	assert_true(has(&r, DOCTOR_WARNING, "names the database /srv/other.db, but this run uses"));
	doctor_report_free(&r);

	write_text(p.conf, "colore = blu\n", 0644);
	doctor_run(ctx, &p, &r);
	assert_true(has(&r, DOCTOR_ERROR, "centralino.conf:1: colore: unknown setting"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);
}

static void doctor_backups(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "boss", NOW);
	struct maint_backup_result b;
	struct doctor_paths p;
	struct doctor_report r;
	char path[300];

	paths_in(f, &p);
	assert_int_equal(maint_backup_dated(ctx, "manual", 0, &b), 0);
	doctor_run(ctx, &p, &r);
	assert_false(has(&r, DOCTOR_WARNING, "no backup yet"));
	assert_false(has(&r, DOCTOR_WARNING, "more than 2 days ago"));
	assert_false(has(&r, DOCTOR_ERROR, "does not open"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);

	/* three days later, the newest backup is old */
	ctx = open_at(f, "boss", "2026-03-13T09:00:01");
	doctor_run(ctx, &p, &r);
	assert_true(has(&r, DOCTOR_WARNING, "is from 2026-03-10, more than 2 days ago"));
	doctor_report_free(&r);

	/* a newer "backup" that is not a database */
	snprintf(path, sizeof path, "%s/backups/centralino-20260313-080000.db", f->dir);
	write_text(path, "not a database, but long enough to be read as one...........\n", 0660);
	assert_int_equal(doctor_run(ctx, &p, &r), CN_EDATA);
	assert_true(has(&r, DOCTOR_ERROR, "centralino-20260313-080000.db does not open as a sound database"));
	assert_false(has(&r, DOCTOR_WARNING, "more than 2 days ago"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);
}

static void doctor_modes_and_role(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx;
	struct doctor_paths p;
	struct doctor_report r;
	char text[700];

	raw(f, "INSERT INTO staff (login, name, role, created_at) VALUES"
	       " ('sup', 'Sara Super', 'supervisore', '2019-05-01T08:00:00Z')");
	ctx = open_at(f, "sup", NOW);
	paths_in(f, &p);
	assert_int_equal(doctor_run(ctx, &p, &r), CN_ENOPERM);
	assert_int_equal(r.n, 0);
	cn_ctx_close(ctx);

	ctx = open_at(f, "boss", NOW);
	chmod(f->db, 0664);
	doctor_run(ctx, &p, &r);
	snprintf(text, sizeof text, "%s is open to every user of this host (mode 0664): run 'chmod o-rwx %s'",
		 f->db, f->db);
	assert_true(has(&r, DOCTOR_ERROR, text));
	doctor_report_free(&r);
	chmod(f->db, 0660);
	doctor_run(ctx, &p, &r);
	assert_false(has(&r, DOCTOR_ERROR, "is open to every user"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);
}

/* The schema objects as `centralino check` sees them: each missing,
 * changed or foreign one is an error naming it. */
static void doctor_schema(void **state)
{
	struct fx *f = *state;
	struct cn_ctx *ctx = open_at(f, "boss", NOW);
	struct doctor_paths p;
	struct doctor_report r;
	char text[400];

	paths_in(f, &p);
	doctor_run(ctx, &p, &r);
	assert_false(has(&r, DOCTOR_ERROR, "schema:"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);

	raw(f, "DROP TRIGGER audit_log_no_delete");
	raw(f, "DROP TRIGGER audit_log_no_update;"
	       " CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END");
	raw(f, "CREATE INDEX audit_by_login ON audit_log (login)");
	ctx = open_at(f, "boss", NOW);
	assert_int_equal(doctor_run(ctx, &p, &r), CN_EDATA);
	snprintf(text, sizeof text, "%s: schema: trigger audit_log_no_delete is missing: restore", f->db);
	assert_true(has(&r, DOCTOR_ERROR, text));
	snprintf(text, sizeof text,
		 "%s: schema: trigger audit_log_no_update differs from the one the migrations create: restore", f->db);
	assert_true(has(&r, DOCTOR_ERROR, text));
	snprintf(text, sizeof text, "%s: schema: index audit_by_login is not one of centralino's: restore", f->db);
	assert_true(has(&r, DOCTOR_ERROR, text));
	assert_false(has(&r, DOCTOR_WARNING, "schema:"));
	doctor_report_free(&r);
	cn_ctx_close(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrated_under_a_session, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(doctor_timer_and_conf, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(doctor_backups, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(doctor_modes_and_role, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(doctor_schema, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
