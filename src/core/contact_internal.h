/* Contacts for other core modules (a code issued saves its caller). */
#ifndef CENTRALINO_CONTACT_INTERNAL_H
#define CENTRALINO_CONTACT_INTERNAL_H

#include "core.h"
#include "centralino/contact.h"

/* Inserts a contact (value already checked) inside the caller's
 * transaction; *added = 0 when the same value is already on file. */
int contact_insert_in_tx(struct cn_ctx *ctx, const char *respondent_id, enum contact_kind kind,
			 const char *value, const char *name, const char *office,
			 const char *source, const char *noted_on, int *added);

#endif
