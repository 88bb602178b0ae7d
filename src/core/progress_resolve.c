/* Which respondent of a campaign does a typed value or a form's cell mean?
 * Exact ids and codes first, then names folded as search folds them.
 * Never a guess: several candidates are reported, not picked from. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "progress_internal.h"
#include "centralino/csv.h"
#include "centralino/xalloc.h"

static int cmp_entry_id(const void *a, const void *b)
{
	return strcmp(((const struct resp_entry *)a)->id, ((const struct resp_entry *)b)->id);
}

static int cmp_key(const void *a, const void *b)
{
	const struct resp_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

static void add_key(struct resp_key **v, size_t *n, size_t *cap, char *key, size_t entry)
{
	if (!key)
		return; /* not valid UTF-8: nothing to match it by */
	if (!*key) {
		free(key);
		return;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[*n].key = key;
	(*v)[(*n)++].entry = entry;
}

/* The folded name, and each half of a bilingual "Italiano/Deutsch". */
static void add_name_keys(struct resp_key **v, size_t *n, size_t *cap, const char *name, size_t entry)
{
	if (!name || !*name)
		return;
	add_key(v, n, cap, text_fold_lossy(name), entry);
	if (strchr(name, '/')) {
		char *copy = xstrdup(name), *save = NULL;
		for (char *part = strtok_r(copy, "/", &save); part; part = strtok_r(NULL, "/", &save))
			add_key(v, n, cap, text_fold_lossy(part), entry);
		free(copy);
	}
}

static const struct resp_entry *find_id(const struct resp_index *ix, const char *id)
{
	struct resp_entry probe = {.id = (char *)id};
	/* an empty index has no array: bsearch and qsort may not be given NULL */
	return ix->n ? bsearch(&probe, ix->v, ix->n, sizeof *ix->v, cmp_entry_id) : NULL;
}

int progress_resp_load(struct cn_ctx *ctx, long long campaign_id, struct resp_index *ix)
{
	static const char sql[] =
		"SELECT r.id, r.name, r.kind, p.sigla, c.name_other"
		"  FROM campaign_respondent cr JOIN respondent r ON r.id = cr.respondent_id"
		"  LEFT JOIN comune c ON c.istat = r.id"
		"  LEFT JOIN provincia p ON p.code = c.provincia_code"
		" WHERE cr.campaign_id = ? ORDER BY r.id";
	static const char former_sql[] =
		"SELECT f.istat, f.name FROM comune_former_name f"
		"  JOIN campaign_respondent cr ON cr.respondent_id = f.istat AND cr.campaign_id = ?";
	sqlite3_stmt *st;
	size_t cap = 0, ncap = 0, ccap = 0;
	int rc;

	memset(ix, 0, sizeof *ix);
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, campaign_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct resp_entry *e;
		if (ix->n == cap) {
			size_t c2 = cap ? cap * 2 : 1024;
			struct resp_entry *p = xrealloc(ix->v, c2 * sizeof *p);
			ix->v = p;
			cap = c2;
		}
		e = &ix->v[ix->n];
		memset(e, 0, sizeof *e);
		e->id = db_col_dup(st, 0);
		e->name = db_col_dup(st, 1);
		e->kind = db_col_dup(st, 2);
		snprintf(e->sigla, sizeof e->sigla, "%s", db_col(st, 3));
		ix->n++;
		if (!e->id || !e->name || !e->kind)
			goto oom;
		add_name_keys(&ix->names, &ix->nnames, &ncap, e->name, ix->n - 1);
		add_name_keys(&ix->names, &ix->nnames, &ncap, (const char *)sqlite3_column_text(st, 4), ix->n - 1);
		if (strcmp(e->kind, "ambito") == 0 && strncmp(e->id, "AMB:", 4) == 0)
			add_key(&ix->codes, &ix->ncodes, &ccap, xstrdup(e->id + 4), ix->n - 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto dbfail;
	/* rows came ordered by id (sqlite's BINARY collation = strcmp) */
	if ((rc = db_prepare(ctx, &st, former_sql)))
		goto fail;
	sqlite3_bind_int64(st, 1, campaign_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct resp_entry *e = find_id(ix, db_col(st, 0));
		if (e)
			add_name_keys(&ix->names, &ix->nnames, &ncap, db_col(st, 1), (size_t)(e - ix->v));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto dbfail;
	if (ix->nnames)
		qsort(ix->names, ix->nnames, sizeof *ix->names, cmp_key);
	if (ix->ncodes) /* none in a campaign without ambiti */
		qsort(ix->codes, ix->ncodes, sizeof *ix->codes, cmp_key);
	return CN_OK;
oom:
	sqlite3_finalize(st);
	rc = cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	goto fail;
dbfail:
	rc = db_fail(ctx, _("reading the campaign's respondents"));
fail:
	progress_resp_free(ix);
	return rc;
}

void progress_resp_free(struct resp_index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->v[i].id);
		free(ix->v[i].name);
		free(ix->v[i].kind);
	}
	for (size_t i = 0; i < ix->nnames; i++)
		free(ix->names[i].key);
	for (size_t i = 0; i < ix->ncodes; i++)
		free(ix->codes[i].key);
	free(ix->v);
	free(ix->names);
	free(ix->codes);
	memset(ix, 0, sizeof *ix);
}

struct found_set {
	size_t *v, max, n;
	const struct resp_index *ix;
	const char *sigla; /* restrict to this provincia, or NULL */
};

static void found_add(struct found_set *f, size_t entry)
{
	const size_t lim = f->n < f->max ? f->n : f->max;
	if (f->sigla && strcasecmp(f->ix->v[entry].sigla, f->sigla) != 0)
		return;
	for (size_t i = 0; i < lim; i++)
		if (f->v[i] == entry)
			return;
	if (f->n < f->max)
		f->v[f->n] = entry;
	f->n++;
}

/* Every entry whose key equals `key` in a sorted key array. */
static void keys_lookup(struct found_set *f, const struct resp_key *keys, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && strcmp(keys[lo].key, key) == 0; lo++)
		found_add(f, keys[lo].entry);
}

static void id_lookup(struct found_set *f, const char *id)
{
	const struct resp_entry *e = find_id(f->ix, id);
	if (e)
		found_add(f, (size_t)(e - f->ix->v));
}

static void upcase(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

/* Words people put before a name in forms; tried only when the whole
 * value matched nothing. */
static const char *const name_prefixes[] = {
	"comune di ", "comune ", "ambito territoriale sociale ", "ambito territoriale ",
	"ambito sociale ", "ambito ", "distretto sociale ", "distretto ", "regione ",
};

size_t progress_resp_match(const struct resp_index *ix, const char *value, size_t *found, size_t max)
{
	struct found_set f = {.v = found, .max = max, .ix = ix};
	char v[512], sigla[3] = "";
	size_t len;
	char *folded;

	snprintf(v, sizeof v, "%s", value ? value : "");
	csv_trim(v);
	len = strlen(v);
	if (!len)
		return 0;
	/* "AMB:x" / "REG:01" in any case */
	if (len > 4 && (strncasecmp(v, "AMB:", 4) == 0 || strncasecmp(v, "REG:", 4) == 0)) {
		for (int i = 0; i < 3; i++)
			v[i] = (char)toupper((unsigned char)v[i]);
		id_lookup(&f, v);
		if (!f.n) {
			upcase(v + 4);
			id_lookup(&f, v);
		}
		return f.n;
	}
	id_lookup(&f, v);
	if (f.n)
		return f.n;
	if (len < 6 && strspn(v, "0123456789") == len) {
		char pad[7];
		snprintf(pad, sizeof pad, "%06ld", strtol(v, NULL, 10));
		id_lookup(&f, pad);
	}
	keys_lookup(&f, ix->codes, ix->ncodes, v);
	if (!f.n) {
		char up[sizeof v];
		memcpy(up, v, sizeof v);
		upcase(up);
		keys_lookup(&f, ix->codes, ix->ncodes, up);
	}
	if (f.n)
		return f.n;
	/* "Castro (LE)": a provincia narrows the name */
	if (len > 5 && v[len - 1] == ')' && v[len - 4] == '(' &&
	    isalpha((unsigned char)v[len - 3]) && isalpha((unsigned char)v[len - 2])) {
		sigla[0] = (char)toupper((unsigned char)v[len - 3]);
		sigla[1] = (char)toupper((unsigned char)v[len - 2]);
		v[len - 4] = '\0';
		f.sigla = sigla;
	}
	folded = text_fold(v);
	if (!folded)
		return 0;
	keys_lookup(&f, ix->names, ix->nnames, folded);
	for (size_t i = 0; !f.n && i < sizeof name_prefixes / sizeof *name_prefixes; i++) {
		size_t pl = strlen(name_prefixes[i]);
		if (strncmp(folded, name_prefixes[i], pl) == 0 && folded[pl])
			keys_lookup(&f, ix->names, ix->nnames, folded + pl);
	}
	free(folded);
	return f.n;
}

char *progress_resp_describe(const struct resp_index *ix, const size_t *found, size_t n)
{
	struct cn_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		const struct resp_entry *e = &ix->v[found[i]];
		buf_printf(&b, "%s%s", i ? ", " : "", e->name);
		if (e->sigla[0])
			buf_printf(&b, " (%s)", e->sigla);
		buf_printf(&b, " %s", e->id);
	}
	return b.p ? b.p : xstrdup("");
}

int progress_resolve(struct cn_ctx *ctx, const struct campaign *c,
		     const char *arg, char id[48], char name[256])
{
	struct resp_index ix;
	size_t found[8], n;
	sqlite3_stmt *st;
	int rc;

	if (!arg || !*arg)
		return cn_set_error(ctx, CN_EUSAGE, _("which respondent? (ISTAT code, AMB:code, REG:nn or name)"));
	/* the common case, an exact id, without loading every name */
	if ((rc = db_prepare(ctx, &st,
		"SELECT r.id, r.name FROM campaign_respondent cr JOIN respondent r ON r.id = cr.respondent_id"
		" WHERE cr.campaign_id = ? AND cr.respondent_id = ?")))
		return rc;
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(id, 48, "%s", db_col(st, 0));
		snprintf(name, 256, "%s", db_col(st, 1));
		sqlite3_finalize(st);
		return CN_OK;
	}
	sqlite3_finalize(st);
	if ((rc = progress_resp_load(ctx, c->id, &ix)))
		return rc;
	n = progress_resp_match(&ix, arg, found, sizeof found / sizeof *found);
	if (n == 1) {
		snprintf(id, 48, "%s", ix.v[found[0]].id);
		snprintf(name, 256, "%s", ix.v[found[0]].name);
		rc = CN_OK;
	} else if (n == 0) {
		rc = cn_set_error(ctx, CN_ENOINPUT, _("'%s' is not a respondent of campaign %s"), arg, c->key);
	} else {
		char *list = progress_resp_describe(&ix, found, n < 8 ? n : 8);
		rc = cn_set_error(ctx, CN_EDATA, _("'%s' is ambiguous in campaign %s: %s%s; give the code"),
				  arg, c->key, list ? list : "", n > 8 ? ", ..." : "");
		free(list);
	}
	progress_resp_free(&ix);
	return rc;
}
