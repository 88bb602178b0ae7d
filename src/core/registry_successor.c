/* Merged comuni: which comune a suppressed one became. A re-import learns
 * it when it can (registry_istat.c); an admin says it otherwise, lists
 * them and removes a wrong one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_internal.h"
#include "centralino/clock.h"
#include "centralino/text.h"
#include "centralino/xalloc.h"

/* A comune by ISTAT code (leading zeros may be left out) or by its name as
 * typed (folded), into istat; `what` names the argument in messages. */
static int resolve(struct cn_ctx *ctx, const char *in, const char *what, char istat[7])
{
	sqlite3_stmt *st;
	char *folded = NULL, list[256] = "";
	size_t n = strlen(in), used = 0;
	int rc, count = 0;

	if (n && n <= 6 && strspn(in, "0123456789") == n) {
		snprintf(istat, 7, "%06ld", strtol(in, NULL, 10));
		rc = db_prepare(ctx, &st, "SELECT istat, name FROM comune WHERE istat = ?1");
	} else if (!(folded = text_fold(in))) {
		return cn_set_error(ctx, CN_EDATA, _("%s: '%s' is not valid UTF-8"), what, in);
	} else {
		rc = db_prepare(ctx, &st, "SELECT istat, name FROM comune WHERE folded = ?1 ORDER BY istat");
	}
	if (rc) {
		free(folded);
		return rc;
	}
	sqlite3_bind_text(st, 1, folded ? folded : istat, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count++ == 0)
			snprintf(istat, 7, "%s", db_col(st, 0));
		if (used + 2 < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s %s", used ? ", " : "",
						 db_col(st, 0), db_col(st, 1));
	}
	sqlite3_finalize(st);
	free(folded);
	if (rc != SQLITE_DONE)
		return db_fail(ctx, _("reading the registry"));
	if (count == 0)
		return cn_set_error(ctx, CN_ENOINPUT, _("%s: no comune is called or numbered '%s'"), what, in);
	if (count > 1)
		return cn_set_error(ctx, CN_EDATA, _("%s: '%s' names several comuni (%s): give the ISTAT code"),
				    what, in, list);
	return CN_OK;
}

/* A row of: istat, name, successor, its name, since, source. */
static void fill_merger(struct registry_merger *m, sqlite3_stmt *st)
{
	snprintf(m->istat, sizeof m->istat, "%s", db_col(st, 0));
	snprintf(m->successor_istat, sizeof m->successor_istat, "%s", db_col(st, 2));
	snprintf(m->since, sizeof m->since, "%s", db_col(st, 4));
	snprintf(m->source, sizeof m->source, "%s", db_col(st, 5));
	m->name = db_col_dup(st, 1);
	m->successor_name = db_col_dup(st, 3);
}

/* The audit row of a change to the pair from -> to; source: who had said
 * it, for a removal (else NULL). */
static int audit_pair(struct cn_ctx *ctx, const char *action, const char *from, const char *to,
		      const char *since, const char *source)
{
	struct audit_details d = {0};
	int rc;
	audit_kv(&d, "successor", to);
	audit_kv(&d, "since", since);
	if (source)
		audit_kv(&d, "source", source);
	rc = audit_write(ctx, action, "comune", from, &d);
	audit_details_free(&d);
	return rc;
}

/* Checks the pair and writes it, inside the transaction. */
static int set_in_tx(struct cn_ctx *ctx, const char *old, const char *new, const char *since_in)
{
	char from[7], to[7], since[11];
	long long suppressed = 0, active = 0;
	int rc;

	if ((rc = resolve(ctx, old, _("the merged comune"), from)) ||
	    (rc = resolve(ctx, new, _("its successor"), to)))
		return rc;
	if (strcmp(from, to) == 0)
		return cn_set_error(ctx, CN_EDATA, _("a comune cannot be its own successor"));
	if ((rc = db_scalar_int(ctx, &suppressed, "SELECT count(*) FROM comune WHERE istat = ? AND suppressed_on IS NOT NULL",
				from, (char *)NULL)) ||
	    (rc = db_scalar_int(ctx, &active, "SELECT count(*) FROM comune WHERE istat = ? AND suppressed_on IS NULL",
				to, (char *)NULL)))
		return rc;
	if (!suppressed)
		return cn_set_error(ctx, CN_EDATA, _("%s is still in ISTAT's list: only a suppressed comune has a successor"), from);
	if (!active)
		return cn_set_error(ctx, CN_EDATA, _("%s is suppressed itself: give the comune in force"), to);
	if (since_in) {
		if (cn_parse_date(since_in, since))
			return cn_set_error(ctx, CN_EUSAGE, _("--since: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), since_in);
	} else {
		sqlite3_stmt *st;
		if ((rc = db_prepare(ctx, &st, "SELECT suppressed_on FROM comune WHERE istat = ?")))
			return rc;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		snprintf(since, sizeof since, "%s", rc == SQLITE_ROW ? db_col(st, 0) : "");
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return db_fail(ctx, _("reading the registry"));
	}
	if ((rc = db_exec_binds(ctx, _("saving the successor"),
		"INSERT INTO comune_successor (istat, successor, since, source) VALUES (?, ?, ?, 'admin')"
		" ON CONFLICT (istat) DO UPDATE SET successor = excluded.successor, since = excluded.since,"
		" source = 'admin'", from, to, since, (char *)NULL)))
		return rc;
	if ((rc = audit_pair(ctx, "registry_successor", from, to, since, NULL)))
		return rc;
	return registry_bump(ctx);
}

/* Forgets the pair, inside the transaction; the audit row keeps what it
 * was, and so does `was`. */
static int remove_in_tx(struct cn_ctx *ctx, const char *old, struct registry_merger *was)
{
	char from[7];
	sqlite3_stmt *st;
	int rc;

	if ((rc = resolve(ctx, old, _("the merged comune"), from)) ||
	    (rc = db_prepare(ctx, &st,
		"SELECT s.istat, o.name, s.successor, n.name, s.since, s.source FROM comune_successor s"
		" JOIN comune o ON o.istat = s.istat JOIN comune n ON n.istat = s.successor WHERE s.istat = ?")))
		return rc;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fill_merger(was, st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cn_set_error(ctx, CN_ENOINPUT, _("no successor is recorded for '%s' (%s)"), old, from);
	if (rc != SQLITE_ROW)
		return db_fail(ctx, _("reading the registry"));
	if (!was->name || !was->successor_name)
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	if ((rc = db_exec_binds(ctx, _("removing the successor"), "DELETE FROM comune_successor WHERE istat = ?",
				from, (char *)NULL)) ||
	    (rc = audit_pair(ctx, "registry_successor_remove", from, was->successor_istat, was->since, was->source)))
		return rc;
	return registry_bump(ctx);
}

/* What an admin changes: a pair to record, or one to forget. */
struct successor_change {
	const char *old, *new, *since;
	struct registry_merger *was;
};

/* An admin's change of the successors, in one transaction; the search
 * index is rebuilt after it. */
static int change(struct cn_ctx *ctx, const char *what, const struct successor_change *c)
{
	int rc;
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, what)) || (rc = db_begin(ctx)))
		return rc;
	rc = c->was ? remove_in_tx(ctx, c->old, c->was) : set_in_tx(ctx, c->old, c->new, c->since);
	if (rc || (rc = db_commit(ctx))) {
		db_rollback(ctx);
		return rc;
	}
	registry_invalidate(ctx);
	return CN_OK;
}

int registry_set_successor(struct cn_ctx *ctx, const char *old, const char *new, const char *since)
{
	const struct successor_change c = {old, new, since, NULL};
	return change(ctx, _("record a merged comune's successor"), &c);
}

int registry_remove_successor(struct cn_ctx *ctx, const char *old, struct registry_merger *was)
{
	int rc;
	memset(was, 0, sizeof *was);
	const struct successor_change c = {old, NULL, NULL, was};
	if ((rc = change(ctx, _("remove a merged comune's successor"), &c)))
		registry_merger_free(was);
	return rc;
}

void registry_merger_free(struct registry_merger *m)
{
	free(m->name);
	free(m->successor_name);
	m->name = m->successor_name = NULL;
}

void registry_mergers_free(struct registry_mergers *l)
{
	for (size_t i = 0; i < l->n; i++)
		registry_merger_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* One row of the list query into the next slot; status. */
static int add_merger(struct registry_mergers *l, size_t *cap, sqlite3_stmt *st)
{
	if (l->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct registry_merger *v = xrealloc(l->v, ncap * sizeof *v);
		l->v = v;
		*cap = ncap;
	}
	struct registry_merger *m = &l->v[l->n++];
	fill_merger(m, st);
	return m->name && m->successor_name ? CN_OK : CN_EOSERR;
}

int registry_list_successors(struct cn_ctx *ctx, const char *comune, struct registry_mergers *out)
{
	char istat[7] = "";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("read the registry"))) ||
	    (comune && (rc = resolve(ctx, comune, _("the comune"), istat))) ||
	    (rc = db_prepare(ctx, &st,
		"SELECT s.istat, o.name, s.successor, n.name, s.since, s.source FROM comune_successor s"
		" JOIN comune o ON o.istat = s.istat JOIN comune n ON n.istat = s.successor"
		" WHERE ?1 = '' OR ?1 IN (s.istat, s.successor) ORDER BY s.since, o.folded, s.istat")))
		return rc;
	sqlite3_bind_text(st, 1, istat, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (add_merger(out, &cap, st))
			break;
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return CN_OK;
	registry_mergers_free(out);
	return rc == SQLITE_ROW ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
				: db_fail(ctx, _("reading the registry"));
}

/* What the comune became, and what became it. */
int registry_load_successors(struct cn_ctx *ctx, struct registry_comune *c)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;
	if ((rc = db_prepare(ctx, &st,
		"SELECT s.successor, n.name, s.since FROM comune_successor s JOIN comune n ON n.istat = s.successor"
		" WHERE s.istat = ?")))
		return rc;
	sqlite3_bind_text(st, 1, c->istat, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(c->successor_istat, sizeof c->successor_istat, "%s", db_col(st, 0));
		c->successor_name = db_col_dup(st, 1);
		c->successor_since = db_col_dup(st, 2);
		if (!c->successor_name || !c->successor_since)
			rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc == SQLITE_NOMEM ? cn_set_error(ctx, CN_EOSERR, _("out of memory"))
					  : db_fail(ctx, _("reading the registry"));
	if ((rc = db_prepare(ctx, &st,
		"SELECT s.istat, o.name, s.since FROM comune_successor s JOIN comune o ON o.istat = s.istat"
		" WHERE s.successor = ? ORDER BY s.since, o.name")))
		return rc;
	sqlite3_bind_text(st, 1, c->istat, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->npredecessors == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			struct registry_predecessor *v = xrealloc(c->predecessors, ncap * sizeof *v);
			c->predecessors = v;
			cap = ncap;
		}
		struct registry_predecessor *p = &c->predecessors[c->npredecessors];
		snprintf(p->istat, sizeof p->istat, "%s", db_col(st, 0));
		p->name = db_col_dup(st, 1);
		p->since = db_col_dup(st, 2);
		c->npredecessors++;
		if (!p->name || !p->since)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return cn_set_error(ctx, CN_EOSERR, _("out of memory"));
	return rc == SQLITE_DONE ? CN_OK : db_fail(ctx, _("reading the registry"));
}
