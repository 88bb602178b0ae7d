/* First start of a desk's database. */
#ifndef CENTRALINO_SETUP_H
#define CENTRALINO_SETUP_H

#include "centralino/registry.h"

struct cn_ctx;

struct setup_summary {
	int already;     /* the database was set up before: nothing changed */
	struct registry_import_summary istat;
};

/* In one transaction: the running user becomes the first admin, and the
 * ISTAT list shipped in the binary is loaded. On a database that already
 * has staff or comuni it changes nothing and sets `already`. Open the
 * context with create=1, no_staff_check=1. */
int setup_init(struct cn_ctx *ctx, struct setup_summary *out);
/* The same with `admin` (a user of this host, not root; named by root
 * only) as the first administrator, named `name` (else the passwd
 * entry's full name). NULL admin: the running user. */
int setup_init_admin(struct cn_ctx *ctx, const char *admin, const char *name,
		     struct setup_summary *out);

/* The shipped list: name (for messages) and bytes. */
const char *setup_shipped_istat(size_t *len, const char **name);

#endif
