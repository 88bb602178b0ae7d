/* Registry functions for other core modules (inside their transaction). */
#ifndef CENTRALINO_REGISTRY_INTERNAL_H
#define CENTRALINO_REGISTRY_INTERNAL_H

#include "core.h"
#include "centralino/registry.h"

/* The ISTAT merge without BEGIN/COMMIT, permission check or audit row: the
 * caller holds the transaction. */
int registry_merge_istat(struct cn_ctx *ctx, const char *name, const char *data,
			 size_t len, struct registry_import_summary *out);

/* Marks the registry changed (meta 'registry_gen'), inside the caller's
 * transaction: every process's search index reloads on its next search. */
int registry_bump(struct cn_ctx *ctx);

/* The registry's generation (meta 'registry_gen', "" before the first
 * import) into out: caches built from the registry compare it. */
int registry_gen_read(struct cn_ctx *ctx, char *out, size_t size);

/* Fills c's successor and predecessors (registry_get). */
int registry_load_successors(struct cn_ctx *ctx, struct registry_comune *c);

/* Drops the search index so the next search reloads it. */
void registry_invalidate(struct cn_ctx *ctx);

/* The respondent's display name ("Forlì"), malloc'd; "" copy when unknown. */
char *registry_respondent_name(struct cn_ctx *ctx, const char *respondent_id);

#endif
