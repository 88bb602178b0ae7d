/* `centralino init`: the first admin and the shipped ISTAT list. */
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "centralino/setup.h"
#include "centralino/staff.h"
#include "centralino/text.h"
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
	return setup_init_admin(ctx, NULL, NULL, out);
}

/* The first administrator named by root: a person of this host, not root. */
static int check_admin(struct cn_ctx *ctx, const char *admin, const char *given_name,
		       char *name, size_t namelen)
{
	struct passwd *pw;
	char *clean;
	int rc;

	if (getuid() != 0)
		return cn_set_error(ctx, CN_ENOPERM, _("--admin: only root names the desk's first administrator"));
	if (!staff_login_valid(admin))
		return cn_set_error(ctx, CN_EUSAGE, _("--admin: '%s' is not a login"), admin);
	if (!(pw = getpwnam(admin)))
		return cn_set_error(ctx, CN_ENOUSER, _("--admin: %s is not a user of this host (create the account first)"), admin);
	if (pw->pw_uid == 0)
		return cn_set_error(ctx, CN_EUSAGE, _("--admin: the first administrator is a person, not root"));
	if (!given_name) {
		full_name(admin, name, namelen);
		return CN_OK;
	}
	if ((rc = text_clean_ctx(ctx, "--name", given_name, TEXT_PERSON, &clean)))
		return rc;
	if (!clean)
		return cn_set_error(ctx, CN_EUSAGE, _("the name is empty: give the person's name and surname"));
	snprintf(name, namelen, "%s", clean);
	free(clean);
	return CN_OK;
}

int setup_init_admin(struct cn_ctx *ctx, const char *admin, const char *given_name, struct setup_summary *out)
{
	long long staff = 0, comuni = 0;
	struct audit_details details = {0};
	char now[21], name[129];
	const char *listname;
	size_t len;
	const char *data = setup_shipped_istat(&len, &listname);
	int rc;

	memset(out, 0, sizeof *out);
	if (admin && (rc = check_admin(ctx, admin, given_name, name, sizeof name)))
		return rc;
	if (!admin) {
		admin = ctx->real_login;
		full_name(admin, name, sizeof name);
	}
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
	if ((rc = db_exec_binds(ctx, _("adding the first administrator"),
		"INSERT INTO staff (login, name, role, active, created_at) VALUES (?, ?, 'admin', 1, ?)",
		admin, name, now, (char *)NULL)))
		goto fail;
	if ((rc = registry_merge_istat(ctx, listname, data, len, &out->istat)))
		goto fail;
	audit_kv(&details, "admin", admin);
	audit_kv(&details, "list", listname);
	audit_kv_long(&details, "comuni", out->istat.added);
	rc = audit_write(ctx, "init", "database", ctx->db_path, &details);
	audit_details_free(&details);
	if (rc)
		goto fail;
	if ((rc = db_commit(ctx)))
		return rc;
	if (strcmp(admin, ctx->real_login) == 0) {
		ctx->role = CN_ROLE_ADMIN;
		snprintf(ctx->user_name, sizeof ctx->user_name, "%s", name);
	}
	return CN_OK;
fail:
	db_rollback(ctx);
	return rc;
}
