/* See import_internal.h. */
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"
#include "centralino/text.h"

int import_load(struct cn_ctx *ctx, const char *path, const char *mem, size_t n, size_t max,
		char **data, size_t *len)
{
	enum text_encoding enc;
	char err[1024];
	int rc;

	*data = NULL;
	if (mem && max && n > max)
		return cn_set_error(ctx, CN_EDATA, _("%s: more than the %zu MiB such a file may have"), path, max >> 20);
	if ((rc = mem ? text_load_mem(path, mem, n, data, len, &enc, err, sizeof err)
		      : text_load_file(path, max, data, len, &enc, err, sizeof err)))
		return cn_set_error(ctx, rc, "%s", err);
	return CN_OK;
}

int import_header(struct cn_ctx *ctx, const char *path, const char *data, size_t len,
		  struct csv_reader **r, struct csv_record *head)
{
	int got, rc;

	*r = csv_open(data, len, 0);
	if ((got = csv_next(*r, head)) > 0)
		return CN_OK;
	rc = got < 0 && csv_error(*r, NULL) ? import_csv_error(ctx, path, *r)
		: cn_set_error(ctx, CN_EDATA, _("%s:1: header: the file is empty"), path);
	csv_close(*r);
	*r = NULL;
	return rc;
}

int import_next(struct cn_ctx *ctx, const char *path, struct csv_reader *r, struct csv_record *rec,
		size_t nheader)
{
	int got;

	while ((got = csv_next(r, rec)) > 0) {
		if (rec->nfields == 1 && !*csv_trim(rec->fields[0]))
			continue; /* blank line */
		if (rec->nfields != nheader)
			return cn_set_error(ctx, CN_EDATA, _("%s:%ld: columns: %zu fields where the header has %zu"),
					    path, rec->line, rec->nfields, nheader);
		return 1;
	}
	return got < 0 ? import_csv_error(ctx, path, r) : 0;
}

int import_csv_error(struct cn_ctx *ctx, const char *path, const struct csv_reader *r)
{
	long line = 1;
	const char *msg = csv_error(r, &line);
	return cn_set_error(ctx, CN_EDATA, "%s:%ld: csv: %s", path, line, _(msg));
}

const char *import_base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
