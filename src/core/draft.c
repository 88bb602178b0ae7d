/* Drafts of forms the terminal closed on (see draft.h): a small text file
 * per login and kind, "key<TAB>value" lines with \\ \n \t \r escaped, the
 * first line naming the database. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "centralino/draft.h"
#include "centralino/text.h"

int draft_set(struct draft *d, const char *key, const char *value)
{
	char *v = strdup(value ? value : "");
	if (!v)
		return CN_EOSERR;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->key[i], key) == 0) {
			free(d->value[i]);
			d->value[i] = v;
			return CN_OK;
		}
	char **nk = realloc(d->key, (d->n + 1) * sizeof *nk);
	if (nk)
		d->key = nk;
	char **nv = realloc(d->value, (d->n + 1) * sizeof *nv);
	if (nv)
		d->value = nv;
	if (!nk || !nv || !(d->key[d->n] = strdup(key))) {
		free(v);
		return CN_EOSERR;
	}
	d->value[d->n++] = v;
	return CN_OK;
}

const char *draft_get(const struct draft *d, const char *key)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->key[i], key) == 0)
			return d->value[i];
	return NULL;
}

void draft_free(struct draft *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->key[i]);
		free(d->value[i]);
	}
	free(d->key);
	free(d->value);
	memset(d, 0, sizeof *d);
}

/* mkdir -p, private: drafts hold callers' personal data. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) && errno != EEXIST ? -1 : 0;
}

/* $XDG_STATE_HOME/centralino/drafts/LOGIN-KIND-DBHASH.draft; the folder
 * is made when `create`. */
static int draft_path(struct cn_ctx *ctx, const char *kind, int create, char *out, size_t outsz)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4096], login[sizeof ctx->login];
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(dir, sizeof dir, "%s/centralino/drafts", xdg);
	else if (home && *home)
		n = snprintf(dir, sizeof dir, "%s/.local/state/centralino/drafts", home);
	else
		return cn_set_error(ctx, CN_ECONFIG, _("no place for drafts: set HOME or XDG_STATE_HOME"));
	if (n < 0 || (size_t)n >= sizeof dir)
		return cn_set_error(ctx, CN_ECONFIG, _("no place for drafts: set HOME or XDG_STATE_HOME"));
	/* a login is a user name, but never let it name another folder */
	snprintf(login, sizeof login, "%s", cn_login(ctx));
	for (char *p = login; *p; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	if (create && make_dirs(dir))
		return cn_set_error(ctx, CN_ECANTCREAT, _("%s: cannot create the folder: %s"), dir, strerror(errno));
	/* one file per database too: a draft for one never replaces another's */
	uint32_t h = 2166136261u; /* FNV-1a of the database's path */
	for (const char *p = cn_db_path(ctx); *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	n = snprintf(out, outsz, "%s/%s-%s-%08x.draft", dir, login, kind, (unsigned)h);
	return n < 0 || (size_t)n >= outsz ? cn_set_error(ctx, CN_ECONFIG, _("no place for drafts: set HOME or XDG_STATE_HOME"))
					   : CN_OK;
}

static void put_escaped(struct cn_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '\r': buf_puts(b, "\\r"); break;
		default: buf_add(b, s, 1);
		}
	}
}

/* In place: the inverse of put_escaped. */
static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

int draft_save(struct cn_ctx *ctx, const char *kind, const struct draft *d)
{
	char path[4200], tmp[4300];
	struct cn_buf b = {0};
	int rc, fd, bad;
	size_t left;

	if ((rc = draft_path(ctx, kind, 1, path, sizeof path)))
		return rc;
	buf_puts(&b, "db\t");
	put_escaped(&b, cn_db_path(ctx));
	buf_puts(&b, "\n");
	for (size_t i = 0; i < d->n; i++) {
		put_escaped(&b, d->key[i]);
		buf_puts(&b, "\t");
		put_escaped(&b, d->value[i]);
		buf_puts(&b, "\n");
	}
	left = b.len;
	/* a new file renamed over the old one: a crash leaves one or the other */
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0) {
		buf_free(&b);
		return cn_set_error(ctx, CN_ECANTCREAT, "%s: %s", tmp, strerror(errno));
	}
	for (const char *p = b.p; left > 0;) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		p += w;
		left -= (size_t)w;
	}
	bad = left > 0 || fsync(fd);
	if (close(fd))
		bad = 1;
	if (bad || rename(tmp, path)) {
		rc = cn_set_error(ctx, CN_EIO, "%s: %s", path, strerror(errno));
		unlink(tmp);
	}
	buf_free(&b);
	return rc;
}

int draft_load(struct cn_ctx *ctx, const char *kind, struct draft *out)
{
	char path[4200], *raw, err[512], *line, *save = NULL;
	size_t len;
	int rc, ours = 0;

	memset(out, 0, sizeof *out);
	if ((rc = draft_path(ctx, kind, 0, path, sizeof path)))
		return rc;
	if ((rc = text_read_file(path, &raw, &len, err, sizeof err)))
		return cn_set_error(ctx, rc == CN_ENOINPUT ? CN_ENOINPUT : rc, "%s", err);
	for (line = strtok_r(raw, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		unescape(line);
		unescape(tab + 1);
		if (strcmp(line, "db") == 0)
			ours = strcmp(tab + 1, cn_db_path(ctx)) == 0;
		else if (draft_set(out, line, tab + 1))
			rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	}
	free(raw);
	if (!rc && !ours)
		rc = cn_set_error(ctx, CN_ENOINPUT, _("no draft for this database"));
	if (rc)
		draft_free(out);
	return rc;
}

int draft_discard(struct cn_ctx *ctx, const char *kind)
{
	char path[4200];
	int rc;
	if ((rc = draft_path(ctx, kind, 0, path, sizeof path)))
		return rc;
	if (unlink(path) && errno != ENOENT)
		return cn_set_error(ctx, CN_EIO, "%s: %s", path, strerror(errno));
	return CN_OK;
}
