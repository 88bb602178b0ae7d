/* Shared by the calls_*.c modules. */
#ifndef CENTRALINO_CALLS_INTERNAL_H
#define CENTRALINO_CALLS_INTERNAL_H

#include "core.h"
#include "centralino/calls.h"

/* The columns every call query selects, in the order calls_read_row reads. */
#define CALLS_SELECT \
	"SELECT c.id, c.started_at, c.ended_at, c.operator, s.name, k.key," \
	" c.respondent_id, r.name, r.kind, p.sigla, c.unidentified," \
	" c.caller_name, c.caller_office, c.phone, c.email, c.direction," \
	" c.category, cat.label, c.notes, c.outcome, c.state, c.callback_due," \
	" c.callback_owner, c.follows_call, c.created_at, c.updated_at," \
	" c.closed_at, c.closed_by, c.version" \
	" FROM call c JOIN staff s ON s.login = c.operator" \
	" JOIN call_category cat ON cat.name = c.category" \
	" LEFT JOIN campaign k ON k.id = c.campaign_id" \
	" LEFT JOIN respondent r ON r.id = c.respondent_id" \
	" LEFT JOIN comune co ON co.istat = c.respondent_id" \
	" LEFT JOIN provincia p ON p.code = co.provincia_code"

/* Fills *c from the current row of a CALLS_SELECT statement. */
int calls_read_row(sqlite3_stmt *st, struct call *c);

/* A stored ISO time -> time_t (0 for NULL/empty). */
time_t calls_iso_time(const char *iso);

/* The respondent's id from any spelling calls.h accepts; CN_ENOINPUT or
 * CN_EDATA (ambiguous name) with a message. */
int calls_find_respondent(struct cn_ctx *ctx, const char *in, char *out, size_t outsz);
/* The campaign's rowid from its key; CN_ENOINPUT when unknown. */
int calls_find_campaign(struct cn_ctx *ctx, const char *key, long long *id);

#endif
