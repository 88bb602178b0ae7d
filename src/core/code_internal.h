/* Shared by the code_*.c files: reading access_code rows. */
#ifndef CENTRALINO_CODE_INTERNAL_H
#define CENTRALINO_CODE_INTERNAL_H

#include "campaign_internal.h"
#include "centralino/code.h"

/* The columns code_info_read expects, FROM access_code a JOIN campaign c
 * JOIN respondent r (see CODE_FROM). */
#define CODE_COLS \
	"a.id, a.code, c.key, c.name, r.id, r.name, r.kind, a.state, a.origin," \
	" a.issued_at, a.issued_by, a.given_at, a.given_by, a.caller_name," \
	" a.caller_office, a.caller_phone, a.verified, a.call_id, a.revoked_at," \
	" a.revoked_by, a.revoke_reason"
#define CODE_FROM \
	" FROM access_code a JOIN campaign c ON c.id = a.campaign_id" \
	" JOIN respondent r ON r.id = a.respondent_id"

/* Fills c from a row of CODE_COLS: the code in clear when reveal, else
 * masked. */
void code_info_read(sqlite3_stmt *st, struct code_info *c, int reveal);

/* Appends one zeroed code_info to the list (grows it) and returns it. */
struct code_info *code_infos_push(struct code_infos *l);

/* Marks an active code revoked now by the acting user. */
int code_revoke_row(struct cn_ctx *ctx, long long id, const char *reason);

/* Status follows the codes: a code given raises nessun_codice to
 * codice_emesso; revoking the only code lowers codice_emesso back.
 * Changes the status only when it is `from` (statuses further along are
 * never touched). */
int code_status_follow(struct cn_ctx *ctx, long long campaign_id, const char *respondent_id,
		       const char *from, const char *to);

#endif
