/* The start every CSV import shares (contacts, LimeSurvey statuses, generic
 * statuses, ambiti, the ISTAT list): reading the file, the header record,
 * and "FILE:LINE: ..." messages. Internal to src/core. */
#ifndef CENTRALINO_IMPORT_INTERNAL_H
#define CENTRALINO_IMPORT_INTERNAL_H

#include "core.h"
#include "centralino/csv.h"

/* The most each importer reads, far above any real file (the ISTAT list
 * is 1 MB, a LimeSurvey export of 8,000 participants 2 MB): a bigger one
 * is a mistake or an attack, refused before it is read. */
#define IMPORT_MAX_ISTAT (32u << 20)
#define IMPORT_MAX_AMBITI (16u << 20)
#define IMPORT_MAX_CONTACTS (32u << 20)
#define IMPORT_MAX_LIMESURVEY (64u << 20)
#define IMPORT_MAX_GENERIC (64u << 20)

/* The file at path (a regular file of at most max bytes: see
 * text_read_file), or mem (n bytes) when mem is not NULL, decoded to UTF-8
 * (BOM dropped, Latin-1 converted) into *data (malloc'd); on failure the
 * message is set on ctx and *data is NULL. */
int import_load(struct cn_ctx *ctx, const char *path, const char *mem, size_t n, size_t max,
		char **data, size_t *len);

/* A reader over data (separator detected) with the header record read into
 * *head (valid until the next csv_next). On failure *r is NULL and ctx says
 * "FILE:LINE: csv: ..." or "FILE:1: header: the file is empty". */
int import_header(struct cn_ctx *ctx, const char *path, const char *data, size_t len,
		  struct csv_reader **r, struct csv_record *head);

/* The next data record after the header: 1, 0 at the end, or a negative
 * status with the message set. Blank lines are skipped; a record with
 * another number of fields than the header's nheader is refused
 * ("FILE:LINE: columns: ..."), as is what the CSV reader cannot read. */
int import_next(struct cn_ctx *ctx, const char *path, struct csv_reader *r, struct csv_record *rec,
		size_t nheader);

/* After csv_next returned -1: "FILE:LINE: csv: what is wrong" (CN_EDATA). */
int import_csv_error(struct cn_ctx *ctx, const char *path, const struct csv_reader *r);

/* The file name without its directories, for audit rows and sources. */
const char *import_base_name(const char *path);

#endif
