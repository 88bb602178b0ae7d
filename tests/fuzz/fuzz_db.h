/* The database the fuzz targets import into: created once per process in
 * a temporary folder, with the shipped ISTAT list, an admin, a campaign
 * "fuzz" of every comune, ambito and regione with a code each, the first 64
 * of them replaced by fixed codes (fuzz_code_of) so seed files can name
 * them. Shared by tests/fuzz/fuzz_*.c and tests/unit/test_fuzz_regress.c. */
#ifndef CENTRALINO_FUZZ_DB_H
#define CENTRALINO_FUZZ_DB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "centralino/campaign.h"
#include "centralino/code.h"
#include "centralino/ctx.h"
#include "centralino/setup.h"
#include "../../src/core/core.h"

#define FUZZ_FIXED_CODES 64

/* The fixed code number i (1-based): "FUZZ" + 8 symbols of i + check. */
static inline void fuzz_code_of(long i, char out[CODE_BUFSZ])
{
	memcpy(out, "FUZZ", 4);
	for (int k = 11; k >= 4; k--, i /= CODE_RADIX)
		out[k] = CODE_ALPHABET[i % CODE_RADIX];
	out[12] = code_check_symbol(out, 12);
	out[13] = '\0';
}

static char fuzz_dir[64];
static char fuzz_path[96];

static void fuzz_db_cleanup(void)
{
	char p[128];
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", fuzz_path, ext[i]);
		unlink(p);
	}
	rmdir(fuzz_dir);
}

static inline void fuzz_die(const char *what, struct cn_ctx *ctx)
{
	fprintf(stderr, "fuzz setup: %s: %s\n", what, ctx ? cn_error(ctx) : "");
	abort();
}

static inline struct cn_ctx *fuzz_db(void)
{
	static struct cn_ctx *ctx;
	struct cn_open_opts o = {0};
	struct setup_summary s;
	struct campaign_new c = {.key = "fuzz", .name = "Fuzz", .opens_on = "2019-06-01",
				 .deadline = "2019-07-31", .uses_codes = 1};
	char err[512], code[CODE_BUFSZ];
	long n;
	sqlite3_stmt *st;

	if (ctx)
		return ctx;
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/cn-fuzz.XXXXXX", "/tmp");
	if (!mkdtemp(fuzz_dir))
		fuzz_die("mkdtemp", NULL);
	snprintf(fuzz_path, sizeof fuzz_path, "%s/fuzz.db", fuzz_dir);
	atexit(fuzz_db_cleanup);
	o.db_path = fuzz_path;
	o.user = "fuzz";
	o.now = "2019-06-20T10:00:00";
	o.create = 1;
	o.no_staff_check = 1;
	if (cn_ctx_open(&o, &ctx, err, sizeof err))
		fuzz_die(err, NULL);
	/* speed over durability: the file is thrown away */
	sqlite3_exec(ctx->db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	if (setup_init(ctx, &s))
		fuzz_die("setup_init", ctx);
	if (campaign_kinds_parse("comune,ambito,regione", &c.kinds) ||
	    campaign_add(ctx, &c, &n) || code_generate_all(ctx, "fuzz", &n))
		fuzz_die("campaign", ctx);
	if (sqlite3_prepare_v2(ctx->db, "UPDATE access_code SET code = ? WHERE id = ?", -1, &st, NULL))
		fuzz_die("prepare", NULL);
	for (long i = 1; i <= FUZZ_FIXED_CODES; i++) {
		fuzz_code_of(i, code);
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, i);
		if (sqlite3_step(st) != SQLITE_DONE)
			fuzz_die("fixed codes", NULL);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ctx;
}

#endif
