/* What the registry's unit tests share: a database with a context on it as
 * the state (the core alone: the role set by hand, no staff list), and the
 * search's answers as text to compare. Header only, after <cmocka.h> and
 * the core's headers, like fixture.h. */
#ifndef CENTRALINO_TEST_REGISTRY_FIXTURE_H
#define CENTRALINO_TEST_REGISTRY_FIXTURE_H

#include "centralino/registry.h"
#include "fixture.h"

struct rfx {
	struct fx fx;
	struct cn_ctx *ctx;
};

/* A context on f's file (created when absent) as "tester", the clock at now. */
static inline struct cn_ctx *rfx_open(struct fx *f, const char *now, enum cn_role role)
{
	struct cn_open_opts o = {.db_path = f->db, .now = now, .user = "tester", .create = 1, .no_staff_check = 1};
	struct cn_ctx *ctx;
	char err[1024];
	if (cn_ctx_open(&o, &ctx, err, sizeof err))
		fail_msg("open: %s", err);
	ctx->role = role; /* no staff list needed below the CLI */
	return ctx;
}

/* A new database t.db in /tmp/cn-NAME.XXXXXX, an admin's context on it. */
static inline struct rfx *rfx_new(const char *name, const char *now)
{
	struct rfx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fx_create(&f->fx, name, "t.db", "tester", now);
	f->ctx = rfx_open(&f->fx, now, CN_ROLE_ADMIN);
	return f;
}

/* cmocka teardown for a struct rfx state. */
static inline int rfx_teardown(void **state)
{
	struct rfx *f = *state;
	cn_ctx_close(f->ctx);
	if (fx_remove(&f->fx) != 0)
		return -1;
	free(f);
	return 0;
}

/* "istat:rank istat:rank ..." of the first `limit` hits (0: all), the
 * suppressed ones marked "!". */
static inline const char *search_hits(struct cn_ctx *ctx, const char *q, int limit)
{
	static char out[4096];
	struct registry_hits h;
	size_t o = 0;
	if (registry_search(ctx, q, limit, &h))
		fail_msg("search '%s': %s", q, cn_error(ctx));
	out[0] = '\0';
	for (size_t i = 0; i < h.n && o < sizeof out - 32; i++)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s%s:%d", i ? " " : "",
				      h.v[i].suppressed ? "!" : "", h.v[i].istat, h.v[i].rank);
	registry_hits_free(&h);
	return out;
}

/* The first hit's ISTAT code, "" when nothing matches. */
static inline const char *search_first(struct cn_ctx *ctx, const char *q)
{
	static char istat[7];
	struct registry_hits h;
	if (registry_search(ctx, q, 5, &h))
		fail_msg("search '%s': %s", q, cn_error(ctx));
	snprintf(istat, sizeof istat, "%s", h.n ? h.v[0].istat : "");
	registry_hits_free(&h);
	return istat;
}

#endif
