/* Settings from configuration files: the desk's /etc/centralino.conf (the
 * shared database path) and the user's $XDG_CONFIG_HOME/centralino/config
 * (default ~/.config/centralino/config). Lines are `key = value`; `#` starts
 * a comment (a whole line, or after a blank); blank lines are ignored;
 * a value may be "double-quoted". Every setting is also an option and an
 * environment variable. Precedence: option > environment > user file >
 * /etc file > default (config_value applies it).
 * Config comes before the context (it may name the database), so these
 * functions take no cn_ctx: messages go to err, "FILE:LINE: what is wrong". */
#ifndef CENTRALINO_CONFIG_H
#define CENTRALINO_CONFIG_H

#include <stddef.h>

/* Adding a setting: a row here and in config.c's table. */
enum cn_setting {
	CN_SET_DATABASE, /* database = PATH (absolute, or ~/...)   --db    CENTRALINO_DB */
	CN_SET_LINGUA,   /* lingua = it|en                         --lang  CENTRALINO_LANG */
	CN_SET_BACKUP_KEEP, /* backup_keep = DAYS (scheduled backups kept) --keep CENTRALINO_BACKUP_KEEP */
	CN_SET_MAX
};

struct cn_config {
	char *value[CN_SET_MAX];  /* malloc'd; NULL when no file sets it */
	char *origin[CN_SET_MAX]; /* "FILE:LINE" of the line that set it */
	/* `bind = SCOPE KEY ACTION` lines of the full-screen interface, every
	 * one in file order with its "FILE:LINE" (the interface checks them:
	 * the core knows no keys). */
	char **bind, **bind_origin;
	size_t nbind;
};

/* The files read by config_load, system first. The system file is
 * CN_SYSCONFDIR/centralino.conf (make SYSCONFDIR=..., default /etc), or
 * $CENTRALINO_SYSTEM_CONFIG when set, except in a set-id run: tests point
 * it at a file of their own so the host's file never reaches them. */
int config_user_path(char *out, size_t len);
const char *config_system_path(void);

/* Reads one file over cfg (its keys replace earlier ones). A missing file
 * is not an error. CN_ECONFIG with "FILE:LINE: ..." in err, else 0. */
int config_load_file(struct cn_config *cfg, const char *path, char *err, size_t errlen);
/* The system file, then the user's file. */
int config_load(struct cn_config *cfg, char *err, size_t errlen);
void config_free(struct cn_config *cfg);

/* The setting in force: `option` when given, else its environment variable,
 * else the files' value, else NULL (the caller's default). Empty strings
 * count as not given. */
const char *config_value(const struct cn_config *cfg, enum cn_setting key, const char *option);

/* Days of backup_keep when it is not set; the most it may be. */
#define CN_BACKUP_KEEP_DEFAULT 14
#define CN_BACKUP_KEEP_MAX 3650
/* A number of days from 1 to CN_BACKUP_KEEP_MAX: CN_OK, else CN_EUSAGE. */
int config_days(const char *s, int *out);

/* Names for messages and documentation: "lingua", "--lang", "CENTRALINO_LANG". */
const char *config_key_name(enum cn_setting key);
const char *config_option_name(enum cn_setting key);
const char *config_env_name(enum cn_setting key);

#endif
