/* How to reach a respondent: its referent and office, e-mail and PEC
 * addresses, phone numbers — each with where it came from and when. */
#ifndef CENTRALINO_CONTACT_H
#define CENTRALINO_CONTACT_H

#include <stddef.h>

struct cn_ctx;

enum contact_kind {
	CONTACT_REFERENTE, /* value: the person's name; office: their office */
	CONTACT_UFFICIO,   /* value: the office's name */
	CONTACT_EMAIL,
	CONTACT_PEC,
	CONTACT_TELEFONO,
	CONTACT_NKINDS
};
/* referente, ufficio, email, pec, telefono */
const char *contact_kind_name(enum contact_kind k);
int contact_kind_parse(const char *s, enum contact_kind *out);

/* Checks (and tidies into out) a value for its kind: e-mail and PEC
 * "x@y.z" lower-cased; phone numbers digits with + . / - ( ) and spaces,
 * at least 6 digits; names not empty; every value by the text policy
 * (text.h). 0, or CN_EDATA with the reason in why. */
int contact_value_check(enum contact_kind k, const char *value, char *out, size_t outsz,
			char *why, size_t whylen);

struct contact {
	long long id;
	char *respondent_id;
	enum contact_kind kind;
	char *value, *name, *office, *source;
	char noted_on[11];
	char *added_at, *added_by;
	char *removed_at, *removed_by, *remove_reason; /* "" while current */
};
struct contacts {
	size_t n;
	struct contact *v;
};
void contacts_free(struct contacts *l);

struct contact_new {
	const char *respondent;  /* id or exact name (campaign_resolve_respondent) */
	enum contact_kind kind;
	const char *value, *name, *office;
	const char *source;      /* NULL: "inserito a mano" */
	const char *noted_on;    /* NULL: today */
};

/* Assistenza and up. CN_EDATA when the same value is already on file. */
int contact_add(struct cn_ctx *ctx, const struct contact_new *c, long long *id);
/* Current contacts (all when with_removed), by kind then newest first. */
int contact_list(struct cn_ctx *ctx, const char *respondent, int with_removed, struct contacts *out);
/* Marks it removed (kept for history). Assistenza and up. */
int contact_remove(struct cn_ctx *ctx, long long id, const char *reason);

struct contact_import_summary {
	long read, added, unchanged;
};
/* CSV with a header naming the columns (any order, any case):
 * respondent (or istat/codice), kind (or tipo), value (or valore), and
 * optionally name/nome, office/ufficio, source/fonte, date/data. A value
 * already on file counts as unchanged. Admin; one transaction; any error
 * "FILE:LINE: field: what is wrong" and nothing changed. */
int contact_import(struct cn_ctx *ctx, const char *path, struct contact_import_summary *out);
/* The same from memory (tests, fuzzing); `name` stands for the file. */
int contact_import_mem(struct cn_ctx *ctx, const char *name, const char *bytes, size_t n,
		       struct contact_import_summary *out);

#endif
