/* Calls: the categories pick list; admins add to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls_internal.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

int call_categories_list(struct cn_ctx *ctx, int all, struct call_categories *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the call log"))))
		return rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT k.name, k.label, k.active,"
		" (SELECT count(*) FROM call c WHERE c.category = k.name)"
		" FROM call_category k WHERE ?1 OR k.active = 1 ORDER BY k.position, k.name")))
		return rc;
	sqlite3_bind_int(st, 1, all != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct call_category *k;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, ncap * sizeof *out->v);
			cap = ncap;
		}
		k = &out->v[out->n++];
		k->name = db_col_dup(st, 0);
		k->label = db_col_dup(st, 1);
		k->active = sqlite3_column_int(st, 2);
		k->calls = (long)sqlite3_column_int64(st, 3);
		if (!k->name || !k->label)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		call_categories_free(out);
		return rc == SQLITE_ROW ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					: db_fail(ctx, _("reading the categories"));
	}
	return CN_OK;
}

void call_categories_free(struct call_categories *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].name);
		free(c->v[i].label);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

int call_category_add(struct cn_ctx *ctx, const char *name, const char *label_in)
{
	struct audit_details details = {0};
	char now[21];
	char *label = NULL;
	long long n;
	size_t len = name ? strlen(name) : 0;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("add call categories"))))
		return rc;
	if (!len || len > 40 || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != len)
		return cn_set_error(ctx, CN_EUSAGE,
			_("category name '%s': use 1 to 40 lower-case letters, digits and _"), name ? name : "");
	if ((rc = text_clean_ctx(ctx, _("label"), label_in, TEXT_LABEL, &label)))
		return rc;
	if (!label)
		return cn_set_error(ctx, CN_EUSAGE, _("a category needs its label (--label TEXT)"));
	if ((rc = db_begin(ctx)))
		goto out;
	if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM call_category WHERE name = ?", name, (char *)NULL)))
		goto fail;
	if (n) {
		rc = cn_set_error(ctx, CN_EDATA, _("category '%s' exists already"), name);
		goto fail;
	}
	cn_now_iso(ctx, now);
	if ((rc = db_exec_binds(ctx, _("adding the category"),
		"INSERT INTO call_category (name, label, position, created_at)"
		" VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 10 FROM call_category), ?3)",
		name, label, now, (char *)NULL)))
		goto fail;
	audit_kv(&details, "name", name);
	if ((rc = audit_write(ctx, "call_category.add", "call_category", name, &details)) ||
	    (rc = db_commit(ctx)))
		goto fail;
	goto out;
fail:
	db_rollback(ctx);
out:
	audit_details_free(&details);
	free(label);
	return rc;
}

int call_category_set_active(struct cn_ctx *ctx, const char *name, int active)
{
	struct audit_details details = {0};
	long long n, is;
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, active ? _("enable call categories") : _("disable call categories"))))
		return rc;
	if (!active && name && strcmp(name, "altro") == 0)
		return cn_set_error(ctx, CN_EDATA, _("category 'altro' is where calls go without one: it cannot be disabled"));
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM call_category WHERE name = ?", name ? name : "",
				(char *)NULL)) ||
	    (rc = db_scalar_int(ctx, &is, "SELECT count(*) FROM call_category WHERE name = ? AND active = 1",
				name ? name : "", (char *)NULL)))
		goto fail;
	if (!n) {
		rc = cn_set_error(ctx, CN_ENOINPUT, _("no call category '%s' (see 'call category list --all')"),
				  name ? name : "");
		goto fail;
	}
	if (is == active) {
		rc = cn_set_error(ctx, CN_EDATA, active ? _("category '%s' is already enabled")
							: _("category '%s' is already disabled"), name);
		goto fail;
	}
	if ((rc = db_exec_binds(ctx, _("changing the category"),
		active ? "UPDATE call_category SET active = 1 WHERE name = ?1"
		       : "UPDATE call_category SET active = 0 WHERE name = ?1", name, (char *)NULL)))
		goto fail;
	audit_kv(&details, "name", name);
	rc = audit_write(ctx, active ? "call_category.enable" : "call_category.disable", "call_category",
			 name, &details);
	audit_details_free(&details);
	if (rc || (rc = db_commit(ctx)))
		goto fail;
	return CN_OK;
fail:
	db_rollback(ctx);
	return rc;
}
