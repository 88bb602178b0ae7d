/* Configuration files: `key = value` lines, checked as they are read. */
#define _GNU_SOURCE /* secure_getenv */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centralino/config.h"
#include "centralino/ctx.h"
#include "centralino/desk.h"
#include "centralino/i18n.h"
#include "centralino/xalloc.h"

#ifndef CN_SYSCONFDIR
#define CN_SYSCONFDIR "/etc"
#endif

/* Checks (and may rewrite) a value read from a file; a message in why. */
typedef int (*check_fn)(char **value, char *why, size_t whylen);

static int check_database(char **value, char *why, size_t whylen);
static int check_lingua(char **value, char *why, size_t whylen);
static int check_backup_keep(char **value, char *why, size_t whylen);

static const struct setting {
	const char *key, *option, *env;
	check_fn check;
} settings[CN_SET_MAX] = {
	[CN_SET_DATABASE] = {"database", "--db", "CENTRALINO_DB", check_database},
	[CN_SET_LINGUA] = {"lingua", "--lang", "CENTRALINO_LANG", check_lingua},
	[CN_SET_BACKUP_KEEP] = {"backup_keep", "--keep", "CENTRALINO_BACKUP_KEEP", check_backup_keep},
};

const char *config_key_name(enum cn_setting key) { return settings[key].key; }
const char *config_option_name(enum cn_setting key) { return settings[key].option; }
const char *config_env_name(enum cn_setting key) { return settings[key].env; }

/* A file is read by different programs from different folders: the path
 * must not depend on the current one. "~/" is the user's home. */
static int check_database(char **value, char *why, size_t whylen)
{
	char *v = *value;
	if (v[0] == '~' && v[1] == '/') {
		const char *home = getenv("HOME");
		char *full;
		if (!home || !*home) {
			snprintf(why, whylen, _("'%s' starts with ~/ but HOME is not set"), v);
			return CN_ECONFIG;
		}
		full = xmalloc(strlen(home) + strlen(v));
		sprintf(full, "%s%s", home, v + 1);
		free(v);
		*value = full;
		return CN_OK;
	}
	if (v[0] != '/') {
		snprintf(why, whylen, _("'%s' is not an absolute path (start it with / or ~/)"), v);
		return CN_ECONFIG;
	}
	return CN_OK;
}

static int check_lingua(char **value, char *why, size_t whylen)
{
	enum cn_lang lang;
	if (i18n_parse_lang(*value, &lang)) {
		snprintf(why, whylen, _("'%s' is not a language (it or en)"), *value);
		return CN_ECONFIG;
	}
	for (char *p = *value; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return CN_OK;
}

int config_days(const char *s, int *out)
{
	char *end;
	long v;
	if (!s || !*s)
		return CN_EUSAGE;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v < 1 || v > CN_BACKUP_KEEP_MAX)
		return CN_EUSAGE;
	*out = (int)v;
	return CN_OK;
}

static int check_backup_keep(char **value, char *why, size_t whylen)
{
	int days;
	if (config_days(*value, &days)) {
		snprintf(why, whylen, _("'%s' is not a number of days from 1 to %d"), *value, CN_BACKUP_KEEP_MAX);
		return CN_ECONFIG;
	}
	return CN_OK;
}

int config_user_path(char *out, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;
	/* The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		n = snprintf(out, len, "%s/centralino/config", xdg);
	else if (home && *home)
		n = snprintf(out, len, "%s/.config/centralino/config", home);
	else
		return CN_ECONFIG;
	return (n < 0 || (size_t)n >= len) ? CN_ECONFIG : CN_OK;
}

const char *config_system_path(void)
{
	/* secure_getenv: a set-id run ignores it and reads the desk's file */
	const char *over = secure_getenv("CENTRALINO_SYSTEM_CONFIG");
	return over && *over ? over : CN_SYSCONFDIR "/centralino.conf";
}

static char *skip_blanks(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Splits one line into key and value (pointers into the line). 0, or
 * CN_ECONFIG with the reason in why; *key NULL for a blank or comment line. */
static int split_line(char *line, char **key, char **value, char *why, size_t whylen)
{
	char *p = skip_blanks(line), *end;

	*key = *value = NULL;
	line[strcspn(line, "\r\n")] = '\0';
	if (*p == '\0' || *p == '#')
		return CN_OK;
	*key = p;
	while (isalnum((unsigned char)*p) || *p == '_' || *p == '-')
		p++;
	end = p;
	p = skip_blanks(p);
	if (end == *key || *p != '=') {
		snprintf(why, whylen, _("expected 'setting = value'"));
		return CN_ECONFIG;
	}
	*end = '\0';
	p = skip_blanks(p + 1);
	if (*p == '"') {
		*value = ++p;
		if (!(p = strchr(p, '"'))) {
			snprintf(why, whylen, _("%s: the closing \" is missing"), *key);
			return CN_ECONFIG;
		}
		*p = '\0';
		p = skip_blanks(p + 1);
		if (*p && *p != '#') {
			snprintf(why, whylen, _("%s: unexpected text after the closing \""), *key);
			return CN_ECONFIG;
		}
		return CN_OK;
	}
	*value = p;
	/* A comment after the value must follow a blank: paths may hold '#'. */
	for (end = p; *end; end++)
		if (*end == '#' && end > p && (end[-1] == ' ' || end[-1] == '\t'))
			break;
	*end = '\0';
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (!*p) {
		snprintf(why, whylen, _("%s: no value"), *key);
		return CN_ECONFIG;
	}
	return CN_OK;
}

static int find_key(const char *key)
{
	for (int k = 0; k < CN_SET_MAX; k++)
		if (strcmp(settings[k].key, key) == 0)
			return k;
	return -1;
}

/* "database, lingua" */
static void known_keys(char *out, size_t len)
{
	size_t o = 0;
	out[0] = '\0';
	for (int k = 0; k < CN_SET_MAX && o < len; k++)
		o += (size_t)snprintf(out + o, len - o, "%s%s", k ? ", " : "", settings[k].key);
	if (o < len)
		snprintf(out + o, len - o, ", bind");
}

/* Sets one key from a file line; the origin "FILE:LINE" is kept for later
 * messages. */
static int set_value(struct cn_config *cfg, int k, const char *value,
		     const char *path, long lineno, char *why, size_t whylen)
{
	char *v = xstrdup(value);
	char *origin = xmalloc(strlen(path) + 24);
	int rc;
	if ((rc = settings[k].check(&v, why, whylen))) {
		free(v);
		free(origin);
		return rc;
	}
	sprintf(origin, "%s:%ld", path, lineno);
	free(cfg->value[k]);
	free(cfg->origin[k]);
	cfg->value[k] = v;
	cfg->origin[k] = origin;
	return CN_OK;
}

/* A bind line: kept with the others, as the interface reads them all. */
static void add_bind(struct cn_config *cfg, const char *value, const char *path, long lineno)
{
	cfg->bind = xrealloc(cfg->bind, (cfg->nbind + 1) * sizeof *cfg->bind);
	cfg->bind_origin = xrealloc(cfg->bind_origin, (cfg->nbind + 1) * sizeof *cfg->bind_origin);
	cfg->bind[cfg->nbind] = xstrdup(value);
	cfg->bind_origin[cfg->nbind] = xmalloc(strlen(path) + 24);
	sprintf(cfg->bind_origin[cfg->nbind++], "%s:%ld", path, lineno);
}

int config_load_file(struct cn_config *cfg, const char *path, char *err, size_t errlen)
{
	/* A person's own file is read with her own ids: with the desk's group
	 * it could name a file of the desk's folder. */
	FILE *f = strcmp(path, config_system_path()) == 0 ? fopen(path, "r") : desk_user_fopen(path, "r");
	char *line = NULL, *key, *value;
	char why[512];
	size_t cap = 0;
	long lineno = 0;
	int rc = CN_OK;

	if (!f) {
		if (errno == ENOENT || errno == ENOTDIR)
			return CN_OK;
		snprintf(err, errlen, _("%s: cannot read: %s"), path, strerror(errno));
		return CN_ECONFIG;
	}
	while (getline(&line, &cap, f) >= 0) {
		int k;
		lineno++;
		why[0] = '\0';
		rc = split_line(line, &key, &value, why, sizeof why);
		if (rc == CN_OK && key) {
			if (strcmp(key, "bind") == 0) {
				add_bind(cfg, value, path, lineno);
			} else if ((k = find_key(key)) < 0) {
				char known[256];
				known_keys(known, sizeof known);
				snprintf(why, sizeof why, _("%s: unknown setting (known: %s)"), key, known);
				rc = CN_ECONFIG;
			} else if ((rc = set_value(cfg, k, value, path, lineno, why, sizeof why))) {
				char keyed[sizeof why];
				snprintf(keyed, sizeof keyed, "%s: %s", key, why);
				snprintf(why, sizeof why, "%s", keyed);
			}
		}
		if (rc) {
			snprintf(err, errlen, "%s:%ld: %s", path, lineno, why);
			rc = CN_ECONFIG;
			break;
		}
	}
	if (rc == CN_OK && ferror(f)) {
		snprintf(err, errlen, _("%s: cannot read: %s"), path, strerror(errno));
		rc = CN_ECONFIG;
	}
	free(line);
	fclose(f);
	return rc;
}

int config_load(struct cn_config *cfg, char *err, size_t errlen)
{
	char user[4096];
	int rc = config_load_file(cfg, config_system_path(), err, errlen);
	if (rc == CN_OK && config_user_path(user, sizeof user) == CN_OK)
		rc = config_load_file(cfg, user, err, errlen);
	return rc;
}

void config_free(struct cn_config *cfg)
{
	for (int k = 0; k < CN_SET_MAX; k++) {
		free(cfg->value[k]);
		free(cfg->origin[k]);
		cfg->value[k] = cfg->origin[k] = NULL;
	}
	for (size_t i = 0; i < cfg->nbind; i++) {
		free(cfg->bind[i]);
		free(cfg->bind_origin[i]);
	}
	free(cfg->bind);
	free(cfg->bind_origin);
	cfg->bind = cfg->bind_origin = NULL;
	cfg->nbind = 0;
}

const char *config_value(const struct cn_config *cfg, enum cn_setting key, const char *option)
{
	const char *env = getenv(settings[key].env);
	if (option && *option)
		return option;
	if (env && *env)
		return env;
	return cfg->value[key];
}
