/* A CSV reader for the files people feed the desk: quoted fields with
 * doubled quotes, line breaks inside quotes, CRLF/LF/CR line ends,
 * separator ',' ';' or TAB (auto-detected from the header line). */
#ifndef CENTRALINO_CSV_H
#define CENTRALINO_CSV_H

#include <stddef.h>

struct csv_reader;

struct csv_record {
	size_t nfields;
	char **fields;   /* owned by the reader, valid until the next csv_next */
	long line;       /* 1-based line where the record starts */
};

/* sep 0 = detect from the first line (the one with most of , ; TAB). The
 * data must stay alive while the reader is used. */
struct csv_reader *csv_open(const char *data, size_t len, char sep);
void csv_close(struct csv_reader *r);
char csv_separator(const struct csv_reader *r);

/* 1 = a record, 0 = end of data, -1 = error (csv_error says what, with the
 * line it was seen on in *line). */
int csv_next(struct csv_reader *r, struct csv_record *rec);
const char *csv_error(const struct csv_reader *r, long *line);

/* Trims spaces/tabs at both ends, in place. */
char *csv_trim(char *s);

#endif
