/* `centralino doctor`: is the desk's installation sound? Each finding is
 * one line, an error or a warning, saying what is wrong and what to do. */
#ifndef CENTRALINO_DOCTOR_H
#define CENTRALINO_DOCTOR_H

#include <stddef.h>

#include "centralino/ctx.h"

/* The system group the installed program runs with (setgid). */
#define CN_DESK_GROUP "centralino"

enum doctor_level { DOCTOR_WARNING = 1, DOCTOR_ERROR = 2 };

struct doctor_finding {
	enum doctor_level level;
	char *text;
};

struct doctor_report {
	size_t n;
	struct doctor_finding *v;
	int errors;
};

/* Where the installation's pieces are; doctor_default_paths gives the
 * installed desk's (tests point them at their own files). */
struct doctor_paths {
	char program[4096];     /* the running binary */
	char group[64];         /* CN_DESK_GROUP */
	char conf[4096];        /* /etc/centralino.conf */
	char timer_link[4096];  /* the timer's link in timers.target.wants */
	char systemd_dir[4096]; /* exists while systemd runs the host */
};
void doctor_default_paths(struct doctor_paths *p);

/* Root or admin. Checks the program's owner and mode, the group and that
 * nobody is in it, the modes of the desk's folder and files, the system
 * configuration, the schema version, then maint_check (integrity, foreign
 * keys, every table, index, trigger and view against the migrations'), WAL
 * mode, the newest backup (age over 2 days: warning; it must open), the backup
 * timer and the free disk space. CN_OK when no finding is an error (there
 * may be warnings), CN_EDATA otherwise; free out with doctor_report_free. */
int doctor_run(struct cn_ctx *ctx, const struct doctor_paths *paths, struct doctor_report *out);
void doctor_report_free(struct doctor_report *r);

#endif
