/* Drafts of forms the terminal closed on (see draft.h): a small text file
 * per login and kind, "key<TAB>value" lines with \\ \n \t \r escaped, the
 * first line naming the database.
 *
 * A window's claim on a draft is an flock() on the file, held while the
 * window lives: two windows starting at the same moment cannot both take
 * one draft, and the kernel drops the claim of a window that crashed, so
 * its draft is offered again rather than lost. */
#define _GNU_SOURCE
#include <dirent.h>
#include <sys/file.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "centralino/desk.h"
#include "centralino/draft.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

void draft_set(struct draft *d, const char *key, const char *value)
{
	char *v = xstrdup(value ? value : "");
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->key[i], key) == 0) {
			free(d->value[i]);
			d->value[i] = v;
			return;
		}
	d->key = xrealloc(d->key, (d->n + 1) * sizeof *d->key);
	d->value = xrealloc(d->value, (d->n + 1) * sizeof *d->value);
	d->key[d->n] = xstrdup(key);
	d->value[d->n++] = v;
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
	if (d->file)
		close(d->lock); /* the claim ends; the file stays for the next start */
	free(d->file);
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

/* The drafts' folder $XDG_STATE_HOME/centralino/drafts (made when
 * `create`) and the start of this login's, kind's and database's file
 * names there, LOGIN-KIND-DBHASH: each window adds -PID-MS.draft. */
static int draft_place(struct cn_ctx *ctx, const char *kind, int create, char *dir, size_t dirsz,
		       char *prefix, size_t prefixsz)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char login[sizeof ctx->login];
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(dir, dirsz, "%s/centralino/drafts", xdg);
	else if (home && *home)
		n = snprintf(dir, dirsz, "%s/.local/state/centralino/drafts", home);
	else
		return cn_set_error(ctx, CN_ECONFIG, _("no place for drafts: set HOME or XDG_STATE_HOME"));
	if (n < 0 || (size_t)n >= dirsz)
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
	n = snprintf(prefix, prefixsz, "%s-%s-%08x", login, kind, (unsigned)h);
	return n < 0 || (size_t)n >= prefixsz ? cn_set_error(ctx, CN_ECONFIG, _("no place for drafts: set HOME or XDG_STATE_HOME"))
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

/* The complete file tmp under the name base.draft, or base-1.draft ... when
 * taken (link() never replaces a file): a crash leaves no half draft, and
 * no save replaces another. base gets the name used. */
static int link_new(const char *tmp, char *base, size_t basesz)
{
	char path[4500];
	for (int i = 0; i < 100; i++) {
		snprintf(path, sizeof path, i ? "%s-%d.draft" : "%s.draft", base, i);
		if (link(tmp, path) == 0) {
			snprintf(base, basesz, "%s", path);
			return 0;
		}
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* The draft's text: the database, then its fields. */
static void draft_text(struct cn_ctx *ctx, const struct draft *d, struct cn_buf *b)
{
	buf_puts(b, "db\t");
	put_escaped(b, cn_db_path(ctx));
	buf_puts(b, "\n");
	for (size_t i = 0; i < d->n; i++) {
		put_escaped(b, d->key[i]);
		buf_puts(b, "\t");
		put_escaped(b, d->value[i]);
		buf_puts(b, "\n");
	}
}

/* tmp, written whole and claimed before it has its name, takes the place of
 * d->file (a new file, then renamed over the old one: a crash leaves one or
 * the other) or becomes a new draft of its own; the claim moves with it.
 * 0, or -1 with errno. */
static int put_in_place(struct draft *d, int fd, const char *tmp, char *path, size_t pathsz)
{
	if (flock(fd, LOCK_EX | LOCK_NB))
		return -1;
	if (d->file) {
		if (rename(tmp, d->file))
			return -1;
		close(d->lock);
	} else {
		if (link_new(tmp, path, pathsz))
			return -1;
		d->file = xstrdup(path);
	}
	d->lock = fd;
	return 0;
}

static int save_file(struct cn_ctx *ctx, const char *kind, struct draft *d)
{
	char path[4500], tmp[4600], dir[4096], prefix[160];
	struct cn_buf b = {0};
	struct timespec ts;
	int rc, fd, bad;

	if ((rc = draft_place(ctx, kind, 1, dir, sizeof dir, prefix, sizeof prefix)))
		return rc;
	/* a name of this window's own: two windows of one person hung up on
	 * two calls keep two drafts */
	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(path, sizeof path, "%s/%s-%ld-%lld%03ld", dir, prefix, (long)getpid(),
		 (long long)ts.tv_sec, ts.tv_nsec / 1000000L);
	draft_text(ctx, d, &b);
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	if ((fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0) {
		buf_free(&b);
		return cn_set_error(ctx, CN_ECANTCREAT, "%s: %s", tmp, strerror(errno));
	}
	bad = text_write_all(fd, b.p, b.len) || fsync(fd) || put_in_place(d, fd, tmp, path, sizeof path);
	if (bad) {
		rc = cn_set_error(ctx, CN_EIO, "%s: %s", d->file ? d->file : path, strerror(errno));
		close(fd);
	}
	unlink(tmp);
	buf_free(&b);
	return rc;
}

/* A draft is the person's file: made with her own ids, never the desk's. */
int draft_save(struct cn_ctx *ctx, const char *kind, struct draft *d)
{
	int rc;
	desk_user_begin();
	rc = save_file(ctx, kind, d);
	desk_user_end();
	return rc;
}

/* A draft file on offer, and when it was kept. */
struct offer {
	char name[256];
	long at;
};

/* Oldest first; the same second: by name (the same login, kind and
 * database, then the window's pid and time). */
static int offer_cmp(const void *a, const void *b)
{
	const struct offer *x = a, *y = b;
	return x->at != y->at ? (x->at < y->at ? -1 : 1) : strcmp(x->name, y->name);
}

/* This login's, kind's and database's draft files in dir, oldest first
 * (*v malloc'd, *n of them; none when the folder is not there). */
static void list_offers(const char *dir, const char *prefix, struct offer **v, size_t *n)
{
	size_t plen = strlen(prefix), cap = 0;
	struct dirent *e;
	DIR *d;

	*v = NULL;
	*n = 0;
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		struct stat sb;
		char path[4400];
		if (strncmp(e->d_name, prefix, plen) != 0 || len < 6 || len >= sizeof (*v)->name ||
		    strcmp(e->d_name + len - 6, ".draft") != 0 ||
		    (e->d_name[plen] != '-' && e->d_name[plen] != '.'))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &sb) || !S_ISREG(sb.st_mode))
			continue;
		if (*n == cap)
			*v = xrealloc(*v, (cap = cap ? 2 * cap : 16) * sizeof **v);
		snprintf((*v)[*n].name, sizeof (*v)->name, "%s", e->d_name);
		(*v)[(*n)++].at = (long)sb.st_mtime;
	}
	closedir(d);
	if (*n)
		qsort(*v, *n, sizeof **v, offer_cmp);
}

/* This window's claim on the draft at path: the open file, locked, or -1
 * when another window holds it (or this one already does: a second open
 * file is a second claimant) or it went away meanwhile. */
static int claim(const char *path)
{
	struct stat held, now;
	int fd = desk_user_open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY, 0);

	if (fd < 0)
		return -1;
	/* locked, and still the file of that name: its holder may have
	 * saved it or put a newer one in its place between open and flock */
	if (flock(fd, LOCK_EX | LOCK_NB) || fstat(fd, &held) || !S_ISREG(held.st_mode) ||
	    stat(path, &now) || now.st_dev != held.st_dev || now.st_ino != held.st_ino) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The claimed draft's fields into out; CN_ENOINPUT when it belongs to
 * another database (two paths with one hash) or cannot be read. */
static int read_claimed(struct cn_ctx *ctx, struct draft *out)
{
	char *raw, err[512], *line, *save = NULL;
	size_t len;
	int rc, ours = 0;

	if ((rc = text_read_file(out->file, 1 << 20, &raw, &len, err, sizeof err)))
		return rc == CN_EOSERR ? cn_set_error(ctx, rc, "%s", err) : CN_ENOINPUT;
	for (line = strtok_r(raw, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		unescape(line);
		unescape(tab + 1);
		if (strcmp(line, "db") == 0)
			ours = strcmp(tab + 1, cn_db_path(ctx)) == 0;
		else
			draft_set(out, line, tab + 1);
	}
	free(raw);
	return ours ? CN_OK : CN_ENOINPUT;
}

/* The oldest draft no window holds, claimed into out. */
static int claim_oldest(struct cn_ctx *ctx, const char *kind, struct draft *out)
{
	char dir[4096], prefix[160], path[4400];
	struct offer *v;
	size_t n;
	int rc;

	if ((rc = draft_place(ctx, kind, 0, dir, sizeof dir, prefix, sizeof prefix)))
		return rc;
	list_offers(dir, prefix, &v, &n);
	rc = CN_ENOINPUT;
	for (size_t i = 0; i < n && rc == CN_ENOINPUT; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, v[i].name);
		if ((out->lock = claim(path)) < 0)
			continue;
		out->file = xstrdup(path);
		if ((rc = read_claimed(ctx, out)))
			draft_free(out); /* left for its own database's window */
	}
	free(v);
	return rc == CN_ENOINPUT ? cn_set_error(ctx, CN_ENOINPUT, _("no draft for this database")) : rc;
}

int draft_load(struct cn_ctx *ctx, const char *kind, struct draft *out)
{
	int rc;
	memset(out, 0, sizeof *out);
	desk_user_begin();
	rc = claim_oldest(ctx, kind, out);
	desk_user_end();
	return rc;
}

int draft_discard(struct cn_ctx *ctx, struct draft *d)
{
	int rc = CN_OK;
	if (!d->file)
		return CN_OK;
	/* removed while still claimed: no window can take it in between */
	desk_user_begin();
	if (unlink(d->file) && errno != ENOENT)
		rc = cn_set_error(ctx, CN_EIO, "%s: %s", d->file, strerror(errno));
	desk_user_end();
	close(d->lock);
	free(d->file);
	d->file = NULL;
	return rc;
}
