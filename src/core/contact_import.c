/* `import contacts FILE`: a CSV of contacts, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "contact_internal.h"
#include "import_internal.h"
#include "centralino/clock.h"
#include "centralino/csv.h"

enum col { C_RESPONDENT, C_KIND, C_VALUE, C_NAME, C_OFFICE, C_SOURCE, C_DATE, C_N };

/* Accepted header names per column (English and Italian). */
static const char *const col_names[C_N][5] = {
	[C_RESPONDENT] = {"respondent", "istat", "codice", "codice_istat", "id"},
	[C_KIND] = {"kind", "tipo"},
	[C_VALUE] = {"value", "valore", "contatto"},
	[C_NAME] = {"name", "nome", "referente"},
	[C_OFFICE] = {"office", "ufficio"},
	[C_SOURCE] = {"source", "fonte"},
	[C_DATE] = {"date", "data"},
};

/* "Codice ISTAT" reads as codice_istat. */
static int header_col(char *h)
{
	for (char *p = h; *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
	for (int c = 0; c < C_N; c++)
		for (int i = 0; i < 5 && col_names[c][i]; i++)
			if (strcasecmp(h, col_names[c][i]) == 0)
				return c;
	return -1;
}

/* The header's columns into cols (-1 when absent); CN_EDATA when one of
 * respondent, kind and value is missing. */
static int find_columns(struct cn_ctx *ctx, const char *path, const struct csv_record *rec, int cols[C_N])
{
	for (int c = 0; c < C_N; c++)
		cols[c] = -1;
	for (size_t i = 0; i < rec->nfields; i++) {
		int c = header_col(csv_trim(rec->fields[i]));
		if (c >= 0 && cols[c] < 0)
			cols[c] = (int)i;
	}
	for (int c = 0; c <= C_VALUE; c++)
		if (cols[c] < 0)
			return cn_set_error(ctx, CN_EDATA, _("%s:%ld: header: no column '%s' (columns: %s, %s, %s"
				" and optionally name, office, source, date)"), path, rec->line, col_names[c][0],
				col_names[C_RESPONDENT][0], col_names[C_KIND][0], col_names[C_VALUE][0]);
	return CN_OK;
}

/* One contact line, checked and inserted (or found already on file). */
static int import_row(struct cn_ctx *ctx, const char *path, const struct csv_record *rec, const int cols[C_N],
		      const char *source, struct contact_import_summary *out)
{
	const char *f[C_N];
	char rid[RESPONDENT_ID_BUFSZ], value[512], name[256] = "", office[256] = "", date[11], srcbuf[256];
	enum contact_kind kind;
	char why[256];
	int added, rc;

	for (int c = 0; c < C_N; c++)
		f[c] = cols[c] >= 0 ? csv_trim(rec->fields[cols[c]]) : "";
	out->read++;
	if (campaign_resolve_respondent(ctx, f[C_RESPONDENT], rid)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", cn_error(ctx));
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: respondent: %s", path, rec->line, msg);
	}
	if (contact_kind_parse(f[C_KIND], &kind))
		return cn_set_error(ctx, CN_EDATA,
			_("%s:%ld: kind: '%s' is not referente, ufficio, email, pec or telefono"),
			path, rec->line, f[C_KIND]);
	if (contact_value_check(kind, f[C_VALUE], value, sizeof value, why, sizeof why))
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: value: '%s': %s", path, rec->line, f[C_VALUE], why);
	if (*f[C_NAME] && contact_value_check(CONTACT_REFERENTE, f[C_NAME], name, sizeof name, why, sizeof why))
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: name: '%s': %s", path, rec->line, f[C_NAME], why);
	if (*f[C_OFFICE] && contact_value_check(CONTACT_UFFICIO, f[C_OFFICE], office, sizeof office, why, sizeof why))
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: office: '%s': %s", path, rec->line, f[C_OFFICE], why);
	if (*f[C_SOURCE] && contact_value_check(CONTACT_UFFICIO, f[C_SOURCE], srcbuf, sizeof srcbuf, why, sizeof why))
		return cn_set_error(ctx, CN_EDATA, "%s:%ld: source: '%s': %s", path, rec->line, f[C_SOURCE], why);
	if (!*f[C_DATE])
		cn_today_ymd(ctx, date);
	else if (cn_parse_date(f[C_DATE], date))
		return cn_set_error(ctx, CN_EDATA, _("%s:%ld: date: '%s' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
				    path, rec->line, f[C_DATE]);
	if ((rc = contact_insert_in_tx(ctx, rid, kind, value, name, office,
				       *f[C_SOURCE] ? srcbuf : source, date, &added)))
		return rc;
	if (added)
		out->added++;
	else
		out->unchanged++;
	return CN_OK;
}

/* From the file at path, or from mem (n bytes) when mem is not NULL. */
static int import_contacts(struct cn_ctx *ctx, const char *path, const char *mem, size_t n,
			   struct contact_import_summary *out)
{
	char source[300];
	char *data = NULL;
	size_t len;
	struct csv_reader *r = NULL;
	struct csv_record rec;
	struct cn_buf details = {0};
	int cols[C_N], rc, got;
	size_t nheader = 0;

	memset(out, 0, sizeof *out);
	if ((rc = cn_require(ctx, CN_ROLE_ADMIN, _("import contacts"))))
		return rc;
	if ((rc = import_load(ctx, path, mem, n, IMPORT_MAX_CONTACTS, &data, &len)))
		return rc;
	snprintf(source, sizeof source, "import %s", import_base_name(path));
	if ((rc = import_header(ctx, path, data, len, &r, &rec)))
		goto done;
	nheader = rec.nfields;
	if ((rc = find_columns(ctx, path, &rec, cols)) || (rc = db_begin(ctx)))
		goto done;
	while ((got = import_next(ctx, path, r, &rec, nheader)) > 0)
		if ((rc = import_row(ctx, path, &rec, cols, source, out)))
			goto fail;
	if (got < 0) {
		rc = got;
		goto fail;
	}
	if (!out->added) {
		db_rollback(ctx); /* nothing new: no trace */
		goto done;
	}
	campaign_audit_kv(&details, "file", import_base_name(path));
	campaign_audit_long(&details, "read", out->read);
	campaign_audit_long(&details, "added", out->added);
	if ((rc = audit_write(ctx, "contact.import", "contact", NULL, buf_str(&details))) ||
	    (rc = db_commit(ctx)))
		goto fail;
	goto done;
fail:
	db_rollback(ctx);
	out->added = out->unchanged = 0;
done:
	csv_close(r);
	free(data);
	buf_free(&details);
	return rc;
}

int contact_import(struct cn_ctx *ctx, const char *path, struct contact_import_summary *out)
{
	return import_contacts(ctx, path, NULL, 0, out);
}

int contact_import_mem(struct cn_ctx *ctx, const char *name, const char *bytes, size_t n,
		       struct contact_import_summary *out)
{
	return import_contacts(ctx, name, bytes ? bytes : "", n, out);
}
