/* `centralino init`: the first admin and the shipped ISTAT list. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "centralino/setup.h"
#include "registry_internal.h"

extern const char cn_istat_blob[], cn_istat_blob_end[];

const char *setup_shipped_istat(size_t *len, const char **name)
{
	/* the two symbols bracket one blob the Makefile's assembly lays out */
	// cppcheck-suppress comparePointers
	*len = (size_t)(cn_istat_blob_end - cn_istat_blob);
	if (name)
		*name = "comuni-2019-05-15.csv";
	return cn_istat_blob;
}

/* The full name from the passwd entry (GECOS up to the first comma). */
static void full_name(const char *login, char *out, size_t outlen)
{
	struct passwd *pw = getpwnam(login);
	snprintf(out, outlen, "%s", login);
	if (pw && pw->pw_gecos && *pw->pw_gecos && *pw->pw_gecos != ',') {
		snprintf(out, outlen, "%s", pw->pw_gecos);
		out[strcspn(out, ",")] = '\0';
	}
}

int setup_init(struct cn_ctx *ctx, struct setup_summary *out)
{
	long long staff = 0, comuni = 0;
	char now[21], name[129], details[256];
	const char *listname;
	size_t len;
	const char *data = setup_shipped_istat(&len, &listname);
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_begin(ctx)))
		return rc;
	if ((rc = db_scalar_int(ctx, &staff, "SELECT count(*) FROM staff", (char *)NULL)) ||
	    (rc = db_scalar_int(ctx, &comuni, "SELECT count(*) FROM comune", (char *)NULL)))
		goto fail;
	if (staff || comuni) {
		db_rollback(ctx);
		out->already = 1;
		return CN_OK;
	}
	cn_now_iso(ctx, now);
	full_name(ctx->real_login, name, sizeof name);
	if ((rc = db_exec_binds(ctx, _("adding the first administrator"),
		"INSERT INTO staff (login, name, role, active, created_at) VALUES (?, ?, 'admin', 1, ?)",
		ctx->real_login, name, now, (char *)NULL)))
		goto fail;
	if ((rc = registry_merge_istat(ctx, listname, data, len, &out->istat)))
		goto fail;
	snprintf(details, sizeof details, "admin=%s list=%s comuni=%ld",
		 ctx->real_login, listname, out->istat.added);
	if ((rc = audit_write(ctx, "init", "database", ctx->db_path, details)))
		goto fail;
	if ((rc = db_commit(ctx)))
		return rc;
	ctx->role = CN_ROLE_ADMIN;
	snprintf(ctx->user_name, sizeof ctx->user_name, "%s", name);
	return CN_OK;
fail:
	db_rollback(ctx);
	return rc;
}
