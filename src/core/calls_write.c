/* Calls: logging, changing and closing. Each is one transaction with one
 * audit row. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls_internal.h"
#include "centralino/text.h"
#include "centralino/clock.h"
#include "centralino/xalloc.h"

/* A call as stored: the values the columns hold ("" for NULL). */
struct row {
	char id[37];
	char started[21], ended[21];
	char operator[65];
	long long campaign_id;          /* 0: none */
	char respondent[80];
	int unidentified;
	char *caller, *office, *email, *notes, *outcome;
	char phone[PHONE_KEY_MAX];
	char direction[10], category[41], state[10];
	char callback_due[21], callback_owner[65];
	char follows[37];
	char closed_at[21], closed_by[65];
	long version;
};

static void row_free(struct row *r)
{
	free(r->caller);
	free(r->office);
	free(r->email);
	free(r->notes);
	free(r->outcome);
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}
#define COPY(dst, src) copy(dst, sizeof dst, src)

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* The one column table of a stored call: it drives the SELECT, the INSERT,
 * the UPDATE and the list of changed fields in the audit row. The order is
 * the order of that list (campaign first, as operators read it). */
enum col_kind {
	COL_CHARS,    /* char[N] in the row, NULL stored for "" */
	COL_TEXT,     /* char * in the row (owned), NULL for NULL */
	COL_ID,       /* long long, NULL stored for 0 */
	COL_FLAG,     /* int */
	COL_VERSION,  /* long */
};

static const struct column {
	const char *name;   /* the SQL column */
	enum col_kind kind;
	size_t off, size;
	const char *change; /* its name among the changed fields; NULL: never listed */
} columns[] = {
#define M(m) offsetof(struct row, m), sizeof ((struct row *)0)->m
	{"id", COL_CHARS, M(id), NULL},
	{"campaign_id", COL_ID, M(campaign_id), "campaign"},
	{"unidentified", COL_FLAG, M(unidentified), "unidentified"},
	{"started_at", COL_CHARS, M(started), "started"},
	{"ended_at", COL_CHARS, M(ended), "ended"},
	{"respondent_id", COL_CHARS, M(respondent), "respondent"},
	{"caller_name", COL_TEXT, M(caller), "caller"},
	{"caller_office", COL_TEXT, M(office), "office"},
	{"phone", COL_CHARS, M(phone), "phone"},
	{"email", COL_TEXT, M(email), "email"},
	{"direction", COL_CHARS, M(direction), "direction"},
	{"category", COL_CHARS, M(category), "category"},
	{"notes", COL_TEXT, M(notes), "notes"},
	{"outcome", COL_TEXT, M(outcome), "outcome"},
	{"state", COL_CHARS, M(state), "state"},
	{"callback_due", COL_CHARS, M(callback_due), "callback"},
	{"callback_owner", COL_CHARS, M(callback_owner), "callback_owner"},
	{"follows_call", COL_CHARS, M(follows), "follows"},
	{"operator", COL_CHARS, M(operator), NULL},
	{"closed_at", COL_CHARS, M(closed_at), NULL},
	{"closed_by", COL_CHARS, M(closed_by), NULL},
	{"version", COL_VERSION, M(version), NULL},
#undef M
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

static void *field(struct row *r, const struct column *c) { return (char *)r + c->off; }
static const void *cfield(const struct row *r, const struct column *c) { return (const char *)r + c->off; }

/* A column's value as text for comparing ("" for NULL). */
static const char *text_of(const struct row *r, const struct column *c)
{
	const char *s = c->kind == COL_TEXT ? *(char *const *)cfield(r, c) : (const char *)cfield(r, c);
	return s ? s : "";
}

/* CN_ENOINPUT when there is no such call. */
static int row_load(struct cn_ctx *ctx, const char *id, struct row *r)
{
	struct cn_buf sql = {0};
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof *r);
	buf_puts(&sql, "SELECT ");
	for (size_t i = 0; i < NCOLUMNS; i++)
		buf_printf(&sql, "%s%s", i ? ", " : "", columns[i].name);
	buf_puts(&sql, " FROM call WHERE id = ?");
	rc = db_prepare(ctx, &st, buf_str(&sql));
	buf_free(&sql);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? cn_set_error(ctx, CN_ENOINPUT, _("no call %s"), id)
				       : db_fail(ctx, _("reading the call"));
		sqlite3_finalize(st);
		return rc;
	}
	for (size_t i = 0; i < NCOLUMNS; i++) {
		const struct column *c = &columns[i];
		int k = (int)i;
		switch (c->kind) {
		case COL_CHARS: copy(field(r, c), c->size, db_col(st, k)); break;
		case COL_TEXT: *(char **)field(r, c) = db_col_dup(st, k); break;
		case COL_ID: *(long long *)field(r, c) = sqlite3_column_int64(st, k); break;
		case COL_FLAG: *(int *)field(r, c) = sqlite3_column_int(st, k); break;
		case COL_VERSION: *(long *)field(r, c) = (long)sqlite3_column_int64(st, k); break;
		}
	}
	sqlite3_finalize(st);
	return CN_OK;
}

/* Runs sql, an INSERT or UPDATE taking column i as ?(i+1) and now as the
 * parameter after the last column. */
static int row_save(struct cn_ctx *ctx, const char *sql, const struct row *r)
{
	char now[21];
	sqlite3_stmt *st;
	int rc;
	if ((rc = db_prepare(ctx, &st, sql)))
		return rc;
	for (size_t i = 0; i < NCOLUMNS; i++) {
		const struct column *c = &columns[i];
		int k = (int)i + 1;
		switch (c->kind) {
		case COL_CHARS:
		case COL_TEXT: db_bind_text(st, k, text_of(r, c)); break;
		case COL_ID:
			if (*(const long long *)cfield(r, c))
				sqlite3_bind_int64(st, k, *(const long long *)cfield(r, c));
			else
				sqlite3_bind_null(st, k);
			break;
		case COL_FLAG: sqlite3_bind_int(st, k, *(const int *)cfield(r, c)); break;
		case COL_VERSION: sqlite3_bind_int64(st, k, *(const long *)cfield(r, c)); break;
		}
	}
	cn_now_iso(ctx, now);
	sqlite3_bind_text(st, (int)NCOLUMNS + 1, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? CN_OK : db_fail(ctx, _("saving the call"));
	sqlite3_finalize(st);
	return rc;
}

static int row_insert(struct cn_ctx *ctx, const struct row *r)
{
	struct cn_buf sql = {0};
	int rc;
	buf_puts(&sql, "INSERT INTO call (");
	for (size_t i = 0; i < NCOLUMNS; i++)
		buf_printf(&sql, "%s, ", columns[i].name);
	buf_puts(&sql, "created_at, updated_at) VALUES (");
	for (size_t i = 0; i < NCOLUMNS; i++)
		buf_printf(&sql, "?%zu, ", i + 1);
	buf_printf(&sql, "?%zu, ?%zu)", NCOLUMNS + 1, NCOLUMNS + 1);
	rc = row_save(ctx, buf_str(&sql), r);
	buf_free(&sql);
	return rc;
}

static int row_update(struct cn_ctx *ctx, const struct row *r)
{
	struct cn_buf sql = {0};
	int rc;
	buf_puts(&sql, "UPDATE call SET ");
	for (size_t i = 1; i < NCOLUMNS; i++) /* columns[0] is the id */
		buf_printf(&sql, "%s = ?%zu, ", columns[i].name, i + 1);
	buf_printf(&sql, "updated_at = ?%zu WHERE id = ?1", NCOLUMNS + 1);
	rc = row_save(ctx, buf_str(&sql), r);
	buf_free(&sql);
	return rc;
}

/* 1 active, 0 disabled, -1 unknown login. */
static int staff_state(struct cn_ctx *ctx, const char *login, int *state)
{
	long long n, active;
	int rc;
	*state = -1;
	if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM staff WHERE login = ?", login, (char *)NULL)) ||
	    (rc = db_scalar_int(ctx, &active, "SELECT active FROM staff WHERE login = ?", login, (char *)NULL)))
		return rc;
	if (n)
		*state = (int)active;
	return CN_OK;
}

static int check_owner(struct cn_ctx *ctx, const char *login)
{
	int state, rc;
	if ((rc = staff_state(ctx, login, &state)))
		return rc;
	if (state < 0)
		return cn_set_error_field(ctx, CN_ENOINPUT, "callback_owner",
					  _("callback owner: %s is not on the staff list"), login);
	if (state == 0)
		return cn_set_error_field(ctx, CN_EDATA, "callback_owner", _("callback owner: %s is disabled"), login);
	return CN_OK;
}

static int check_category(struct cn_ctx *ctx, const char *name)
{
	long long n, active;
	int rc;
	if ((rc = db_scalar_int(ctx, &n, "SELECT count(*) FROM call_category WHERE name = ?", name, (char *)NULL)) ||
	    (rc = db_scalar_int(ctx, &active, "SELECT active FROM call_category WHERE name = ?", name, (char *)NULL)))
		return rc;
	if (!n)
		return cn_set_error_field(ctx, CN_ENOINPUT, "category",
					  _("no category '%s' (see 'centralino call category list')"), name);
	if (!active)
		return cn_set_error_field(ctx, CN_EDATA, "category", _("category '%s' is no longer in use"), name);
	return CN_OK;
}

static int check_email(struct cn_ctx *ctx, const char *e)
{
	const char *at = strchr(e, '@');
	if (!at || at == e || strchr(at + 1, '@') || strpbrk(e, " \t\n,;<>") ||
	    !strchr(at + 1, '.') || at[1] == '.' || e[strlen(e) - 1] == '.')
		return cn_set_error_field(ctx, CN_EDATA, "email", _("e-mail: '%s' is not an address"), e);
	return CN_OK;
}

/* Replaces *dst with the cleaned text; `field` names it in errors, `label`
 * in messages. */
static int set_text(struct cn_ctx *ctx, char **dst, const char *field, const char *label,
		    const char *in,
		    enum text_kind kind)
{
	char *v;
	int rc = text_clean_ctx(ctx, label, in, kind, &v);
	if (rc)
		return cn_error_on_field(ctx, rc, field);
	free(*dst);
	*dst = v;
	return CN_OK;
}

static void iso_or_empty(time_t t, char out[21])
{
	if (t)
		cn_fmt_iso(t, out);
	else
		out[0] = '\0';
}

/* 1 when following `target` would come back to `id`. */
static int follows_cycle(struct cn_ctx *ctx, const char *id, const char *target, int *cycle)
{
	long long n;
	int rc = db_scalar_int(ctx, &n,
		"WITH RECURSIVE chain(x) AS (SELECT ?1 UNION SELECT c.follows_call FROM call c"
		" JOIN chain ON c.id = chain.x WHERE c.follows_call IS NOT NULL)"
		" SELECT count(*) FROM chain WHERE x = ?2", target, id, (char *)NULL);
	*cycle = n > 0;
	return rc;
}

/* The fields of `in` onto r, checked. `owner_default`: who owns a new
 * callback when no owner is given and the call had none. */
static int apply(struct cn_ctx *ctx, struct row *r, const struct call_input *in, const char *owner_default)
{
	unsigned set = in->set;
	int rc;

	if (set & CALL_F_RESPONDENT) {
		if (!in->respondent || !*in->respondent) {
			r->respondent[0] = '\0';
			r->unidentified = 1;
		} else {
			if ((rc = calls_find_respondent(ctx, in->respondent, r->respondent, sizeof r->respondent)))
				return cn_error_on_field(ctx, rc, "respondent");
			r->unidentified = 0;
		}
	}
	if (set & CALL_F_CAMPAIGN) {
		r->campaign_id = 0;
		if (in->campaign && *in->campaign && (rc = calls_find_campaign(ctx, in->campaign, &r->campaign_id)))
			return cn_error_on_field(ctx, rc, "campaign");
	}
	if ((set & CALL_F_CALLER) && (rc = set_text(ctx, &r->caller, "caller_name", _("caller"), in->caller_name, TEXT_PERSON)))
		return rc;
	if ((set & CALL_F_OFFICE) && (rc = set_text(ctx, &r->office, "caller_office", _("office"), in->caller_office, TEXT_OFFICE)))
		return rc;
	if (set & CALL_F_EMAIL) {
		if ((rc = set_text(ctx, &r->email, "email", _("e-mail"), in->email, TEXT_VALUE)))
			return rc;
		if (r->email && (rc = check_email(ctx, r->email)))
			return rc;
	}
	if (set & CALL_F_PHONE) {
		const char *why;
		r->phone[0] = '\0';
		if (in->phone && in->phone[strspn(in->phone, " \t")] &&
		    phone_normalise(in->phone, r->phone, &why))
			return cn_set_error_field(ctx, CN_EDATA, "phone", _("phone: '%s': %s"), in->phone, why);
	}
	if (set & CALL_F_DIRECTION)
		COPY(r->direction, call_direction_name(in->direction));
	if (set & CALL_F_CATEGORY) {
		if (!in->category || !*in->category)
			return cn_set_error_field(ctx, CN_EUSAGE, "category", _("a call needs a category"));
		if (strcmp(in->category, r->category) != 0 && (rc = check_category(ctx, in->category)))
			return rc;
		COPY(r->category, in->category);
	}
	if ((set & CALL_F_NOTES) && (rc = set_text(ctx, &r->notes, "notes", _("notes"), in->notes, TEXT_NOTES)))
		return rc;
	if ((set & CALL_F_OUTCOME) && (rc = set_text(ctx, &r->outcome, "outcome", _("outcome"), in->outcome, TEXT_OUTCOME)))
		return rc;
	if (set & CALL_F_STATE)
		COPY(r->state, call_state_name(in->state));
	if (set & CALL_F_CALLBACK) {
		iso_or_empty(in->callback_due, r->callback_due);
		if (!in->callback_due)
			r->callback_owner[0] = '\0';
		else if (!r->callback_owner[0])
			COPY(r->callback_owner, owner_default);
	}
	if (set & CALL_F_CALLBACK_OWNER) {
		if (!r->callback_due[0])
			return cn_set_error_field(ctx, CN_EUSAGE, "callback_due", _("a callback owner needs a callback time"));
		if (!in->callback_owner || !*in->callback_owner)
			return cn_set_error_field(ctx, CN_EUSAGE, "callback_owner", _("no callback owner given"));
		if ((rc = check_owner(ctx, in->callback_owner)))
			return rc;
		COPY(r->callback_owner, in->callback_owner);
	} else if ((set & CALL_F_CALLBACK) && in->callback_due && (rc = check_owner(ctx, r->callback_owner))) {
		return rc;
	}
	if (set & CALL_F_FOLLOWS) {
		r->follows[0] = '\0';
		if (in->follows && *in->follows) {
			int cycle = 0;
			if ((rc = calls_resolve_id(ctx, in->follows, r->follows)))
				return cn_error_on_field(ctx, rc, "follows");
			if (strcmp(r->follows, r->id) == 0)
				return cn_set_error_field(ctx, CN_EDATA, "follows", _("a call cannot follow itself"));
			if ((rc = follows_cycle(ctx, r->id, r->follows, &cycle)))
				return rc;
			if (cycle)
				return cn_set_error_field(ctx, CN_EDATA, "follows", _("call %.8s already follows this one"),
							  r->follows);
		}
	}
	if (set & CALL_F_STARTED) {
		if (!in->started)
			return cn_set_error_field(ctx, CN_EUSAGE, "started", _("a call needs its start time"));
		cn_fmt_iso(in->started, r->started);
	}
	if (set & CALL_F_ENDED)
		iso_or_empty(in->ended, r->ended);
	return CN_OK;
}

/* What holds for every stored call, with messages for people. */
static int finish(struct cn_ctx *ctx, struct row *r, int new_start)
{
	char a[17], b[17];
	time_t started = calls_iso_time(r->started);
	if (new_start && started > cn_now(ctx) + 300) {
		cn_fmt_display(started, a);
		return cn_set_error_field(ctx, CN_EDATA, "started", _("a call cannot start in the future (%s)"), a);
	}
	if (r->ended[0] && strcmp(r->ended, r->started) < 0) {
		cn_fmt_display(calls_iso_time(r->ended), a);
		cn_fmt_display(started, b);
		return cn_set_error_field(ctx, CN_EDATA, "ended", _("a call cannot end (%s) before it started (%s)"),
					  a, b);
	}
	if (!r->respondent[0] && !r->unidentified)
		return cn_set_error_field(ctx, CN_EUSAGE, "respondent",
			_("who called? give the respondent (ISTAT code, AMB:CODE, REG:NN), or mark the caller unidentified"));
	if (strcmp(r->state, "chiusa") == 0) {
		if (!r->closed_at[0]) {
			cn_now_iso(ctx, r->closed_at);
			COPY(r->closed_by, cn_login(ctx));
		}
	} else {
		r->closed_at[0] = r->closed_by[0] = '\0';
	}
	return CN_OK;
}

/* Takes respondent, campaign and caller details of the followed call for
 * the fields the operator did not give. */
static int inherit(struct cn_ctx *ctx, struct row *r, unsigned set)
{
	struct row f;
	int rc = row_load(ctx, r->follows, &f);
	if (rc)
		return rc;
	if (!(set & CALL_F_RESPONDENT)) {
		COPY(r->respondent, f.respondent);
		r->unidentified = f.unidentified;
	}
	if (!(set & CALL_F_CAMPAIGN))
		r->campaign_id = f.campaign_id;
	if (!(set & CALL_F_CALLER))
		r->caller = dup_or_null(f.caller);
	if (!(set & CALL_F_OFFICE))
		r->office = dup_or_null(f.office);
	if (!(set & CALL_F_PHONE))
		COPY(r->phone, f.phone);
	if (!(set & CALL_F_EMAIL))
		r->email = dup_or_null(f.email);
	row_free(&f);
	return CN_OK;
}

/* The audit details of a new call. */
static void add_details(const struct row *r, const char *campaign, struct audit_details *d)
{
	audit_kv(d, "respondent", r->respondent[0] ? r->respondent : "-");
	audit_kv(d, "campaign", campaign[0] ? campaign : "-");
	audit_kv(d, "category", r->category);
	audit_kv(d, "state", r->state);
	audit_kv(d, "direction", r->direction);
	if (r->callback_due[0]) {
		audit_kv(d, "callback", r->callback_due);
		audit_kv(d, "owner", r->callback_owner);
	}
	if (r->follows[0])
		audit_kv(d, "follows", r->follows);
}

int calls_add(struct cn_ctx *ctx, const struct call_input *in, char id_out[37])
{
	struct audit_details details = {0};
	struct row r;
	char campaign[64] = "";
	int rc;

	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, _("log calls"))))
		return rc;
	memset(&r, 0, sizeof r);
	cn_uuid(r.id);
	cn_now_iso(ctx, r.started);
	COPY(r.operator, cn_login(ctx));
	COPY(r.direction, "inbound");
	COPY(r.category, "altro");
	r.version = 1;
	if ((rc = db_begin(ctx)))
		return rc;
	if (in->set & CALL_F_FOLLOWS) {
		struct call_input only = {.set = CALL_F_FOLLOWS, .follows = in->follows};
		if ((rc = apply(ctx, &r, &only, cn_login(ctx))) ||
		    (r.follows[0] && (rc = inherit(ctx, &r, in->set))))
			goto out;
	}
	if ((rc = apply(ctx, &r, in, cn_login(ctx))))
		goto out;
	if (!(in->set & CALL_F_CAMPAIGN) && !r.follows[0]) {
		if ((rc = calls_default_campaign(ctx, r.respondent, campaign, sizeof campaign)))
			goto out;
		if (campaign[0] && (rc = calls_find_campaign(ctx, campaign, &r.campaign_id)))
			goto out;
	}
	if (!(in->set & CALL_F_STATE))
		COPY(r.state, r.callback_due[0] ? "in_attesa" : r.outcome ? "chiusa" : "aperta");
	if (!(in->set & CALL_F_CATEGORY) && (rc = check_category(ctx, r.category)))
		goto out;
	if ((rc = finish(ctx, &r, 1)) || (rc = row_insert(ctx, &r)))
		goto out;
	if (r.campaign_id) {
		sqlite3_stmt *st;
		if ((rc = db_prepare(ctx, &st, "SELECT key FROM campaign WHERE id = ?")))
			goto out;
		sqlite3_bind_int64(st, 1, r.campaign_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			COPY(campaign, db_col(st, 0));
		sqlite3_finalize(st);
	}
	add_details(&r, campaign, &details);
	if ((rc = audit_write(ctx, "call.add", "call", r.id, &details)) || (rc = db_commit(ctx)))
		goto out;
	snprintf(id_out, 37, "%s", r.id);
out:
	if (rc)
		db_rollback(ctx);
	audit_details_free(&details);
	row_free(&r);
	return rc;
}

/* Names of the columns that differ, comma-separated. */
/* The listed columns whose value differs, "a,b,c". A respondent given
 * after an unidentified call shows as the respondent alone. */
static void changed_fields(const struct row *a, const struct row *b, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NCOLUMNS && used < n; i++) {
		const struct column *c = &columns[i];
		int differ;
		if (!c->change)
			continue;
		if (c->kind == COL_ID)
			differ = *(const long long *)cfield(a, c) != *(const long long *)cfield(b, c);
		else if (c->kind == COL_FLAG)
			differ = *(const int *)cfield(a, c) != *(const int *)cfield(b, c) &&
				 a->respondent[0] == b->respondent[0];
		else
			differ = strcmp(text_of(a, c), text_of(b, c)) != 0;
		if (differ)
			used += (size_t)snprintf(out + used, n - used, "%s%s", used ? "," : "", c->change);
	}
}

static void clone_texts(struct row *dst, const struct row *src)
{
	*dst = *src;
	dst->caller = dup_or_null(src->caller);
	dst->office = dup_or_null(src->office);
	dst->email = dup_or_null(src->email);
	dst->notes = dup_or_null(src->notes);
	dst->outcome = dup_or_null(src->outcome);
}

/* Loads, applies, checks and saves; audit action `action`. */
static int update(struct cn_ctx *ctx, const char *id_in, const struct call_input *in,
		  const char *action, int closing, int *changed)
{
	struct row before, r;
	struct audit_details details = {0};
	char id[37], fields[256];
	int rc;

	if (changed)
		*changed = 0;
	if ((rc = cn_require(ctx, CN_ROLE_ASSISTENZA, closing ? _("close calls") : _("change calls"))))
		return rc;
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = calls_resolve_id(ctx, id_in, id)) || (rc = row_load(ctx, id, &before))) {
		db_rollback(ctx);
		return rc;
	}
	clone_texts(&r, &before);
	if (in->expect_version && in->expect_version != before.version) {
		rc = cn_set_error(ctx, CN_EDATA,
			_("call %.8s was changed by someone else since you opened it: open it again"), id);
		goto out;
	}
	if (closing && strcmp(before.state, "chiusa") == 0) {
		char when[17];
		cn_fmt_display(calls_iso_time(before.closed_at), when);
		rc = cn_set_error(ctx, CN_EDATA, _("call %.8s is already closed (%s, %s)"), id, when, before.closed_by);
		goto out;
	}
	if ((rc = apply(ctx, &r, in, cn_login(ctx))))
		goto out;
	if (closing && !r.outcome) {
		rc = cn_set_error_field(ctx, CN_EUSAGE, "outcome", _("closing a call needs its outcome"));
		goto out;
	}
	if ((rc = finish(ctx, &r, (in->set & CALL_F_STARTED) != 0)))
		goto out;
	changed_fields(&before, &r, fields, sizeof fields);
	if (!fields[0]) {
		rc = db_commit(ctx);
		goto out;
	}
	r.version = before.version + 1;
	if ((rc = row_update(ctx, &r)))
		goto out;
	audit_kv(&details, "changed", fields);
	audit_kv(&details, "state", r.state);
	if ((rc = audit_write(ctx, action, "call", id, &details)) || (rc = db_commit(ctx)))
		goto out;
	if (changed)
		*changed = 1;
out:
	audit_details_free(&details);
	db_rollback(ctx);
	row_free(&before);
	row_free(&r);
	return rc;
}

int calls_update(struct cn_ctx *ctx, const char *id, const struct call_input *in, int *changed)
{
	return update(ctx, id, in, "call.update", 0, changed);
}

int calls_close(struct cn_ctx *ctx, const char *id, const char *outcome)
{
	struct call_input in = {.set = CALL_F_STATE, .state = CALL_CHIUSA, .outcome = outcome};
	if (outcome && *outcome)
		in.set |= CALL_F_OUTCOME;
	return update(ctx, id, &in, "call.close", 1, NULL);
}
