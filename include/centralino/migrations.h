/* The schema migrations embedded at build time from db/NNN_name.sql. */
#ifndef CENTRALINO_MIGRATIONS_H
#define CENTRALINO_MIGRATIONS_H

struct cn_migration {
	int version;
	const char *name;
	const char *sql;
};

/* Ordered by version, ended by a {0, 0, 0} row. */
extern const struct cn_migration cn_migrations[];

#endif
