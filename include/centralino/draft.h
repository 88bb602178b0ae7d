/* Forms left unsaved when the terminal went away (the laptop lid closed, the
 * ssh connection dropped: SIGHUP; or SIGTERM): their fields are kept, per
 * login and database, in $XDG_STATE_HOME/centralino/drafts/ (default
 * ~/.local/state/centralino/drafts/), one file per window and form, mode
 * 0600 (callers' names and numbers), written whole or not at all: two
 * windows of one person never overwrite each other's draft. The interface
 * offers every form again, filled in, at its next start.
 *
 * A draft with a file is claimed by this process (an flock held on it):
 * no other window loads it until the claim ends, by draft_discard (gone),
 * draft_free (kept for the next start) or the process's end, a crash
 * included (kept). */
#ifndef CENTRALINO_DRAFT_H
#define CENTRALINO_DRAFT_H

#include <stddef.h>

struct cn_ctx;

/* A form's fields: key/value text pairs, in order. */
struct draft {
	size_t n;
	char **key, **value;
	char *file; /* where draft_load found it or draft_save put it (NULL: new) */
	int lock;   /* with a file: the open file that holds the claim */
};
/* Adds (or replaces) a field. A NULL value is "". */
void draft_set(struct draft *d, const char *key, const char *value);
/* The field's value, or NULL when the draft has no such field. */
const char *draft_get(const struct draft *d, const char *key);
/* The fields go, and the claim on the file (which stays). */
void draft_free(struct draft *d);

/* kind: a short name ("call"). A draft without a file is a new one of
 * its own (d->file then names it, claimed); with one (saved or loaded
 * before), it replaces that file, still claimed. */
int draft_save(struct cn_ctx *ctx, const char *kind, struct draft *d);
/* The oldest draft of that kind for this login and database that no
 * window holds, claimed; CN_ENOINPUT when there is none (a draft saved
 * against another database is not offered). */
int draft_load(struct cn_ctx *ctx, const char *kind, struct draft *out);
/* Removes the draft's file and ends the claim (no error when it is gone);
 * the fields stay. */
int draft_discard(struct cn_ctx *ctx, struct draft *d);

#endif
