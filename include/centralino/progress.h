/* Progress of a campaign against its deadline: each respondent's status,
 * late respondents, completion by group, the pace, whom to chase, the daily
 * series behind the chart, and the CSV for the public map.
 *
 * The rules (the README repeats them):
 *
 * Status. Each respondent of a campaign is in exactly one status:
 *   nessun_codice   no access code yet;
 *   codice_emesso   a code was issued (set by the codes module);
 *   in_compilazione the questionnaire was started (LimeSurvey import);
 *   inviato         submitted, with its time (LimeSurvey, generic import,
 *                   or set by hand, e.g. sent by PEC);
 *   esonerato       excused by a supervisor, with a reason.
 * A status set by hand or by the generic import to inviato/esonerato is a
 * person's decision: automatic sources (code issue/revoke, LimeSurvey) do
 * not move it back (a schema trigger skips such updates), except to
 * inviato. Only `status set` moves it anywhere.
 *
 * Effective deadline = the respondent's proroga in force (extension.h),
 * else the campaign deadline. A respondent is late (in_ritardo) when today
 * (local date of cn_now) is after its effective deadline — the deadline day
 * itself is not late — and it is neither inviato nor esonerato nor
 * screened out. Late is derived, never stored.
 *
 * Screened out: LimeSurvey's "Q" (screened out by a quota) marks a
 * respondent that answered but is kept apart: while not inviato/esonerato
 * it is counted as `screened`, never late, never chased.
 *
 * Denominator. Excused and screened-out respondents leave the denominator:
 *   % inviato = inviato / (respondents - esonerato - screened) * 100
 * (no value when the denominator is 0). The same denominator is the "100%"
 * of the pace figures and of the dashboard chart.
 *
 * Pace (struct progress_pace), from the campaign deadline (not prorogations):
 *   days_left      calendar days from today to the deadline: 0 on the
 *                  deadline day, negative after it;
 *   time left      from max(now, opening day 00:00) to the end of the
 *                  deadline day (24:00 local), in days, 0 once past;
 *   per_day        submissions with submitted_at in (now - 7 days, now],
 *                  divided by 7;
 *   projected      inviato + per_day * time left, rounded down, at most
 *                  the denominator;
 *   needed_per_day (denominator - inviato) / time left; 0 when nobody is
 *                  left, -1 (not computable) when no time is left.
 *
 * Groups (--by): a comune counts in its own regione/provincia/ambito/
 * ripartizione. An ambito respondent counts where its capofila comune is
 * (regione, provincia), and in its own ambito row. A regione respondent
 * counts in its regione and has no provincia or ambito ("none" group).
 * By ambito, each member comune counts once in its ambito row, the capofila
 * included (it is a member like the others: never counted twice), and the
 * row names the capofila with its status, because a capofila also reports
 * for its ambito. Comuni in no ambito form one "none" row. The total row is
 * the sum of the rows. Rows come in ISTAT order (regione, provincia,
 * ripartizione codes) or by name (ambito, respondent); "none" last.
 *
 * Reminders (whom to chase): respondents neither inviato nor esonerato (nor
 * screened out), ranked by
 *   1. an overdue callback (a call for the respondent in this campaign, or
 *      in none, not closed, callback due at or before now) — oldest due first;
 *   2. holding a code (codice_emesso, in_compilazione) before nessun_codice;
 *   3. the capofila of an ambito before other comuni;
 *   4. larger population first (an ambito: the sum of its comuni; a regione:
 *      the sum of its comuni);
 *   5. name, then id.
 * Each row carries the last contact (the newest call for the respondent, in
 * this campaign or in none), its outcome, and the best phone known: the
 * newest phone among the respondent's contacts, else the phone of its
 * newest call that had one.
 */
#ifndef CENTRALINO_PROGRESS_H
#define CENTRALINO_PROGRESS_H

#include <stddef.h>
#include <time.h>

#include "centralino/campaign.h"

struct cn_ctx;
struct cn_buf;

enum progress_status {
	PROGRESS_NESSUN_CODICE,
	PROGRESS_CODICE_EMESSO,
	PROGRESS_IN_COMPILAZIONE,
	PROGRESS_INVIATO,
	PROGRESS_ESONERATO,
	PROGRESS_NSTATUS
};

/* The stored name ("codice_emesso"); "?" when out of range. */
const char *progress_status_name(enum progress_status s);
/* For people ("codice emesso"), translated. */
const char *progress_status_label(enum progress_status s);
/* Stored name -> status; 0 or CN_EUSAGE. */
int progress_status_parse(const char *s, enum progress_status *out);

/* ---- one respondent ---------------------------------------------------- */

/* RESPONDENT arguments everywhere: the id ("001272", "AMB:<code>",
 * "REG:01"), an ISTAT code without leading zeros, an ambito code, or a
 * name matching exactly one respondent of the campaign (folded as in search;
 * "Castro (LE)" narrows to a provincia). Ambiguous names are refused with
 * the candidates listed. */

struct progress_state {
	char respondent_id[48];
	char name[256];
	char kind[8];
	enum progress_status status;
	char status_at[21];       /* "" unknown */
	char source[16];          /* codice|limesurvey|manuale|generico, "" */
	char reason[512];
	char submitted_at[21];    /* "" unless inviato */
	char campaign_deadline[11];
	char extended_until[11];  /* "" without a proroga in force */
	char deadline[11];        /* effective */
	int late;
	int days_left;            /* to the effective deadline, from today */
	int screened_out;
};

int progress_state_get(struct cn_ctx *ctx, const char *campaign_key,
		       const char *respondent, struct progress_state *out);

/* A supervisor sets a status by hand (submitted by PEC, excused, or a
 * correction), with a reason; audited. submitted_at: the submission time
 * for inviato (0 = now), ignored otherwise. Leaving inviato clears the
 * submission time. out (may be NULL) gets the state after the change;
 * *was the status before. Setting the status it already has is refused
 * (CN_EDATA) so the audit log holds only real changes. */
int progress_status_set(struct cn_ctx *ctx, const char *campaign_key,
			const char *respondent, enum progress_status status,
			const char *reason, time_t submitted_at,
			enum progress_status *was, struct progress_state *out);

/* ---- generic import of a form's responses ------------------------------ */

struct progress_import_opts {
	const char *id_column;    /* header of the column naming the respondent */
	const char *time_column;  /* header of the submission time, or NULL */
	const char *time_format;  /* strptime format of that column, or NULL (see below) */
};

struct progress_unresolved {
	long line;
	char *value;
	char *why;       /* "no respondent of the campaign is called so", or the candidates */
};

struct progress_import_summary {
	long rows;        /* data rows read */
	long blank;       /* rows with an empty id cell (skipped) */
	long matched;     /* rows matched to a respondent */
	long respondents; /* distinct respondents matched */
	long updated;     /* respondents now inviato that were not */
	long unchanged;   /* already inviato */
	size_t nunresolved;
	struct progress_unresolved *unresolved;
};

/* Any CSV (',' ';' TAB; BOM, Latin-1 handled) whose id column holds the
 * respondent's ISTAT code (leading zeros optional), ambito code, id, or
 * name. Every matched respondent becomes inviato at the earliest time its
 * rows give (time column: the form tools' spellings that
 * cn_parse_form_time reads — Google Forms' "2020/05/12 10:31:22 AM CEST",
 * spreadsheets' "12/05/2020 10.31.22", ISO 8601 with an offset — or the
 * time_format given; the zone written in the file wins over the local one;
 * without a time column, now). Day and month of "12/05/2020" are read in
 * the order the file settles (a cell with a day over 12, or times with
 * dots); a file that settles nothing, or contradicts itself, is refused
 * with the line, never guessed. Respondents already inviato are left
 * alone, so importing the same file again changes nothing. Unmatched or
 * ambiguous values are never guessed: they are returned in `unresolved`
 * and the rest is applied. A malformed file or a bad time changes nothing
 * ("FILE:LINE: field: what is wrong"). One transaction, one audit row.
 * Supervisore and up. */
int progress_import_generic(struct cn_ctx *ctx, const char *campaign_key,
			    const char *path, const struct progress_import_opts *opts,
			    struct progress_import_summary *out);
void progress_import_summary_free(struct progress_import_summary *s);

/* ---- completion by group ----------------------------------------------- */

enum progress_by {
	PROGRESS_BY_REGIONE,
	PROGRESS_BY_PROVINCIA,
	PROGRESS_BY_AMBITO,
	PROGRESS_BY_RIPARTIZIONE,
	PROGRESS_BY_RESPONDENT,   /* one row per respondent (drill-down leaves) */
	PROGRESS_NBY
};
/* "regione", "provincia", "ambito", "ripartizione", "rispondente"; 0 or CN_EUSAGE. */
int progress_by_parse(const char *s, enum progress_by *out);
const char *progress_by_name(enum progress_by by);

struct progress_counts {
	long respondents;
	long status[PROGRESS_NSTATUS];  /* each respondent in exactly one */
	long screened;                  /* screened out, not inviato/esonerato */
	long late;
};
/* status[INVIATO] / denominator * 100; -1 when the denominator is 0.
 * denominator = respondents - status[ESONERATO] - screened. */
double progress_pct(const struct progress_counts *c);
long progress_denominator(const struct progress_counts *c);

struct progress_row {
	char *key;        /* group code, respondent id; NULL for the "none" group */
	char *label;      /* name of the group or respondent */
	char *sigla;      /* provincia sigla (by provincia, by respondent), else NULL */
	struct progress_counts n;
	/* by ambito: the capofila comune, when a respondent of the campaign */
	char *capofila_id, *capofila_name;
	enum progress_status capofila_status;
	/* by respondent */
	enum progress_status status;
	char submitted_at[21];
	char deadline[11];
	int extended;
	int capofila;
	long population;  /* by respondent: a comune's, an ambito's or regione's comuni summed; -1 unknown */
};

struct progress_pace {
	int phase;              /* -1 not open yet, 0 open, 1 past the deadline */
	int days_left;
	double time_left;       /* days */
	long window_submissions;/* in the last 7 days */
	double per_day;
	long submitted, denominator, projected;
	double needed_per_day;  /* -1 when not computable */
};

/* The pace figures from their inputs (pure; see the rules above). */
void progress_pace_compute(const struct campaign *c, time_t now,
			   long submitted, long denominator, long window_submissions,
			   struct progress_pace *out);

/* Restricts a report to one group (drill-down): level and its key; a NULL
 * key selects the "none" group. */
struct progress_filter {
	enum progress_by level;
	const char *key;
};

struct progress_report {
	struct campaign campaign;
	time_t now;
	char today[11];
	enum progress_by by;
	struct progress_counts total;   /* sum of the rows */
	size_t n;
	struct progress_row *rows;
	struct progress_pace pace;      /* for the whole campaign, whatever the filter
					 * (the dashboard's: the group's, see below) */
};

/* Supervisore and up. filter may be NULL. */
int progress_report(struct cn_ctx *ctx, const char *campaign_key, enum progress_by by,
		    const struct progress_filter *filter, struct progress_report *out);
void progress_report_free(struct progress_report *r);

/* ---- daily series -------------------------------------------------------- */

struct progress_day {
	char date[11];       /* YYYY-MM-DD, local */
	long codes;          /* codes given out that day: told by phone, re-issues
	                        included (a batch generated for LimeSurvey counts
	                        on the day a code of it is told to a caller) */
	long submitted;      /* submissions that day */
	long cumulative;     /* submissions up to and including that day */
	long calls_total;
	long *calls;         /* per category, ncat entries */
};

struct progress_daily {
	struct campaign campaign;
	long denominator;    /* the 100% line (see progress_denominator) */
	size_t ncat;
	char **categories;   /* call categories, in the calls module's order */
	size_t n;
	struct progress_day *days;
};

/* Days from the opening day (or the first event, if earlier) to the later
 * of the last event and min(today, deadline). PROGRESS_DAILY_FULL adds codes
 * issued and calls by category; without it only submissions are counted
 * (what the dashboard chart needs, cheaply). Supervisore and up. */
enum { PROGRESS_DAILY_SUBMISSIONS = 0, PROGRESS_DAILY_FULL = 1 };
int progress_daily(struct cn_ctx *ctx, const char *campaign_key, int what,
		   struct progress_daily *out);
void progress_daily_free(struct progress_daily *d);

/* ---- reminders ------------------------------------------------------------ */

enum progress_tier {
	PROGRESS_TIER_CALLBACK = 1,  /* overdue callback */
	PROGRESS_TIER_CODE = 2,      /* holds a code, not submitted */
	PROGRESS_TIER_NO_CODE = 3,
};

struct progress_reminder {
	int rank;
	enum progress_tier tier;
	char *respondent_id, *name;
	char kind[8];
	char sigla[3];
	enum progress_status status;
	int capofila;
	long population;            /* -1 unknown */
	int late;
	char deadline[11];          /* effective */
	char callback_due[21];      /* overdue callback (ISO), "" none */
	char *callback_call_id;
	char *callback_owner;
	char last_contact[21];      /* ISO time of the newest call, "" none */
	char *last_call_id;
	char *last_outcome;
	char *last_category;
	char *phone;                /* best phone known, NULL none */
	const char *phone_source;   /* "contatto" or "chiamata" */
};

struct progress_reminders {
	long total;                 /* respondents to chase, before the limit */
	size_t n;
	struct progress_reminder *v;
};

/* limit <= 0: all. Any staff (the desk makes the reminder calls). */
int progress_reminders(struct cn_ctx *ctx, const char *campaign_key, int limit,
		       struct progress_reminders *out);
void progress_reminders_free(struct progress_reminders *r);

/* ---- the public map --------------------------------------------------------- */

struct progress_map_row {
	const char *istat, *name, *provincia, *sigla, *regione;
	const char *status;         /* stored status name */
	const char *submitted_on;   /* YYYY-MM-DD local, "" when not inviato */
};

/* One row per comune respondent of the campaign, by ISTAT code; the
 * callback returns non-zero to stop (that value is returned). Supervisore
 * and up. CN_EDATA when the campaign asks no comuni. */
int progress_map(struct cn_ctx *ctx, const char *campaign_key,
		 int (*row)(void *arg, const struct progress_map_row *r), void *arg);
/* The map as a file appended to out (`export map`): the header
 *   codice_istat,comune,provincia,sigla,regione,stato,data_invio
 * then the rows, CSV or TSV (tsv 1), each cell through text_cell; *rows
 * (may be NULL) the comuni written. A refused export appends nothing. */
int progress_map_csv(struct cn_ctx *ctx, const char *campaign_key, int tsv, struct cn_buf *out, long *rows);
/* The same written as the whole of path (text_file_replace). */
int progress_map_write(struct cn_ctx *ctx, const char *campaign_key, int tsv, const char *path, long *rows);

/* ---- the dashboard ------------------------------------------------------------ */

/* What the supervisor's dashboard shows at once: completion by `by` (with
 * the filter of a drill-down), the pace, the submissions series for the
 * chart, and the first `reminders` rows of the reminders list. With a
 * filter, the pace, the series and the reminders are those of the group
 * looked at (a regione, provincia, ambito), not the whole campaign's. One call per refresh (scripts/bench-progress.sh times it).
 * Supervisore and up. */
struct progress_dashboard {
	struct progress_report report;
	struct progress_daily series;
	struct progress_reminders reminders;
};
int progress_dashboard(struct cn_ctx *ctx, const char *campaign_key, enum progress_by by,
		       const struct progress_filter *filter, int reminders,
		       struct progress_dashboard *out);
void progress_dashboard_free(struct progress_dashboard *d);

#endif
