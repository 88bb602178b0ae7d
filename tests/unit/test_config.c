/* Configuration files: key = value lines, comments, quoting, errors naming
 * FILE:LINE, the user's file over the desk's, options and environment over
 * both. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "centralino/config.h"
#include "centralino/ctx.h"

static char dir[] = "/tmp/cn-config.XXXXXX";

/* Writes TEXT to a file of the test folder; returns its path (static). */
static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads TEXT as one file: 0 and cfg filled, or the error in err. */
static int load(struct cn_config *cfg, const char *text, char *err, size_t errlen)
{
	memset(cfg, 0, sizeof *cfg);
	err[0] = '\0';
	return config_load_file(cfg, write_file("config", text), err, errlen);
}

static void expect_error(const char *text, const char *message)
{
	struct cn_config cfg;
	char err[512], want[512];
	assert_int_equal(load(&cfg, text, err, sizeof err), CN_ECONFIG);
	snprintf(want, sizeof want, "%s/config:%s", dir, message);
	if (strcmp(err, want) != 0)
		fail_msg("for %s\ngot      '%s'\nexpected '%s'", text, err, want);
	config_free(&cfg);
}

static void reads_settings_comments_and_quotes(void **state)
{
	struct cn_config cfg;
	char err[512], origin[300];
	(void)state;
	assert_int_equal(load(&cfg,
			      "# the desk's database\n"
			      "\n"
			      "   database   =   /srv/centralino/desk#1.db   # shared\r\n"
			      "lingua=IT\n", err, sizeof err), 0);
	assert_string_equal(cfg.value[CN_SET_DATABASE], "/srv/centralino/desk#1.db");
	assert_string_equal(cfg.value[CN_SET_LINGUA], "it");
	snprintf(origin, sizeof origin, "%s/config:3", dir);
	assert_string_equal(cfg.origin[CN_SET_DATABASE], origin);
	config_free(&cfg);

	assert_int_equal(load(&cfg, "database = \"/srv/a b/x.db\"  # quoted\nlingua = en\nlingua = it\n",
			      err, sizeof err), 0);
	assert_string_equal(cfg.value[CN_SET_DATABASE], "/srv/a b/x.db");
	assert_string_equal(cfg.value[CN_SET_LINGUA], "it"); /* the last line wins */
	config_free(&cfg);
}

/* bind lines are all kept, in order, each with its line: the interface
 * checks them (the core knows no keys). */
static void bind_lines_kept_in_order(void **state)
{
	struct cn_config cfg;
	char err[512], origin[300];
	(void)state;
	assert_int_equal(load(&cfg, "bind = call C-k call-close\nlingua = it\nbind = global F12 calls  # too\n",
			      err, sizeof err), 0);
	assert_int_equal(cfg.nbind, 2);
	assert_string_equal(cfg.bind[0], "call C-k call-close");
	assert_string_equal(cfg.bind[1], "global F12 calls");
	snprintf(origin, sizeof origin, "%s/config:3", dir);
	assert_string_equal(cfg.bind_origin[1], origin);
	config_free(&cfg);
	assert_int_equal(cfg.nbind, 0);
}

static void backup_keep_days(void **state)
{
	struct cn_config cfg;
	char err[512];
	int days = 0;
	(void)state;
	assert_int_equal(load(&cfg, "backup_keep = 30\n", err, sizeof err), 0);
	assert_string_equal(cfg.value[CN_SET_BACKUP_KEEP], "30");
	assert_int_equal(config_days(cfg.value[CN_SET_BACKUP_KEEP], &days), 0);
	assert_int_equal(days, 30);
	assert_int_equal(config_days("3651", &days), CN_EUSAGE);
	assert_int_equal(config_days("-1", &days), CN_EUSAGE);
	assert_int_equal(config_days("", &days), CN_EUSAGE);
	assert_int_equal(days, 30);
	config_free(&cfg);
}

static void home_relative_database(void **state)
{
	struct cn_config cfg;
	char err[512];
	(void)state;
	setenv("HOME", "/home/anna", 1);
	assert_int_equal(load(&cfg, "database = ~/desk.db\n", err, sizeof err), 0);
	assert_string_equal(cfg.value[CN_SET_DATABASE], "/home/anna/desk.db");
	config_free(&cfg);
}

static void errors_name_file_and_line(void **state)
{
	(void)state;
	expect_error("lingua = it\nlingua = fr\n", "2: lingua: 'fr' is not a language (it or en)");
	expect_error("database = desk.db\n",
		     "1: database: 'desk.db' is not an absolute path (start it with / or ~/)");
	expect_error("# ok\ncolore = blu\n", "2: colore: unknown setting (known: database, lingua, backup_keep, bind)");
	expect_error("backup_keep = 0\n", "1: backup_keep: '0' is not a number of days from 1 to 3650");
	expect_error("backup_keep = 14d\n", "1: backup_keep: '14d' is not a number of days from 1 to 3650");
	expect_error("lingua it\n", "1: expected 'setting = value'");
	expect_error("= it\n", "1: expected 'setting = value'");
	expect_error("lingua =\n", "1: lingua: no value");
	expect_error("database = \"/srv/x.db\n", "1: database: the closing \" is missing");
	expect_error("database = \"/srv/x.db\" y\n", "1: database: unexpected text after the closing \"");
}

static void missing_file_is_no_error(void **state)
{
	struct cn_config cfg = {0};
	char err[512] = "";
	char path[256];
	(void)state;
	snprintf(path, sizeof path, "%s/none/config", dir);
	assert_int_equal(config_load_file(&cfg, path, err, sizeof err), 0);
	assert_null(cfg.value[CN_SET_DATABASE]);
	assert_null(cfg.value[CN_SET_LINGUA]);
}

static void user_file_over_system_file(void **state)
{
	struct cn_config cfg = {0};
	char err[512];
	(void)state;
	assert_int_equal(config_load_file(&cfg, write_file("system", "database = /srv/desk.db\nlingua = it\n"),
					  err, sizeof err), 0);
	assert_int_equal(config_load_file(&cfg, write_file("user", "lingua = en\n"), err, sizeof err), 0);
	assert_string_equal(cfg.value[CN_SET_DATABASE], "/srv/desk.db");
	assert_string_equal(cfg.value[CN_SET_LINGUA], "en");
	config_free(&cfg);
}

static void option_over_environment_over_files(void **state)
{
	struct cn_config cfg = {0};
	char err[512];
	(void)state;
	assert_int_equal(load(&cfg, "database = /srv/file.db\nlingua = it\n", err, sizeof err), 0);
	unsetenv("CENTRALINO_DB");
	unsetenv("CENTRALINO_LANG");
	assert_string_equal(config_value(&cfg, CN_SET_DATABASE, NULL), "/srv/file.db");
	setenv("CENTRALINO_DB", "/srv/env.db", 1);
	assert_string_equal(config_value(&cfg, CN_SET_DATABASE, NULL), "/srv/env.db");
	assert_string_equal(config_value(&cfg, CN_SET_DATABASE, "/srv/option.db"), "/srv/option.db");
	assert_string_equal(config_value(&cfg, CN_SET_DATABASE, ""), "/srv/env.db");
	setenv("CENTRALINO_DB", "", 1); /* empty counts as not set */
	assert_string_equal(config_value(&cfg, CN_SET_DATABASE, NULL), "/srv/file.db");
	setenv("CENTRALINO_LANG", "en", 1);
	assert_string_equal(config_value(&cfg, CN_SET_LINGUA, NULL), "en");
	assert_string_equal(config_value(&cfg, CN_SET_LINGUA, "it"), "it");
	unsetenv("CENTRALINO_DB");
	unsetenv("CENTRALINO_LANG");
	config_free(&cfg);
	assert_null(config_value(&cfg, CN_SET_LINGUA, NULL));
}

static void where_the_files_are(void **state)
{
	char path[256];
	(void)state;
	setenv("HOME", "/home/anna", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-anna", 1);
	assert_int_equal(config_user_path(path, sizeof path), 0);
	assert_string_equal(path, "/etc/xdg-anna/centralino/config");
	setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
	assert_int_equal(config_user_path(path, sizeof path), 0);
	assert_string_equal(path, "/home/anna/.config/centralino/config");
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_user_path(path, sizeof path), 0);
	assert_string_equal(path, "/home/anna/.config/centralino/config");
	unsetenv("HOME");
	assert_int_equal(config_user_path(path, sizeof path), CN_ECONFIG);
	unsetenv("CENTRALINO_SYSTEM_CONFIG");
	assert_string_equal(config_system_path(), "/etc/centralino.conf");
	setenv("CENTRALINO_SYSTEM_CONFIG", "/tmp/suite/centralino.conf", 1);
	assert_string_equal(config_system_path(), "/tmp/suite/centralino.conf");
	setenv("CENTRALINO_SYSTEM_CONFIG", "", 1);
	assert_string_equal(config_system_path(), "/etc/centralino.conf");
	unsetenv("CENTRALINO_SYSTEM_CONFIG");
	assert_string_equal(config_key_name(CN_SET_LINGUA), "lingua");
	assert_string_equal(config_option_name(CN_SET_LINGUA), "--lang");
	assert_string_equal(config_env_name(CN_SET_DATABASE), "CENTRALINO_DB");
}

static int setup(void **state)
{
	(void)state;
	/* Messages are compared in English whatever the caller's locale. */
	setenv("LANGUAGE", "en", 1);
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[300];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_settings_comments_and_quotes),
		cmocka_unit_test(home_relative_database),
		cmocka_unit_test(bind_lines_kept_in_order),
		cmocka_unit_test(backup_keep_days),
		cmocka_unit_test(errors_name_file_and_line),
		cmocka_unit_test(missing_file_is_no_error),
		cmocka_unit_test(user_file_over_system_file),
		cmocka_unit_test(option_over_environment_over_files),
		cmocka_unit_test(where_the_files_are),
	};
	return cmocka_run_group_tests_name("config", tests, setup, teardown);
}
