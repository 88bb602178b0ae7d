#!/bin/sh
# Benchmark (not a test): `report progress` and one dashboard refresh on a
# campaign of about 8,000 respondents (every comune, one ambito per
# provincia, the 20 regioni) with 200,000 calls. Target: under 20 ms.
# Usage: scripts/bench-progress.sh [BUILD_DIR]   (after `make`)
set -eu
BUILD=${1:-build}
cd "$(dirname "$0")/.."
CN="$PWD/$BUILD/centralino"
LIB="$PWD/$BUILD/libcentralino.a"
[ -x "$CN" ] && [ -f "$LIB" ] || { echo "bench-progress: build first (make BUILD=$BUILD)" >&2; exit 1; }
# BENCH_KEEP=1 keeps the generated database for a look with sqlite3
T=$(mktemp -d "${TMPDIR:-/tmp}/cn-bench-progress.XXXXXX")
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
db="$T/bench.db"
export CENTRALINO_USER=bench TZ=Europe/Rome LC_ALL=C.UTF-8
NOW=2019-07-21T12:00:00
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "generating the database in $T ..."
"$CN" --db "$db" --now 2019-05-20T09:00:00 init >/dev/null
# one ambito per provincia, led by its most populous comune
sqlite3 -separator ';' "$db" "
	SELECT 'codice_ambito', 'denominazione', 'codice_istat', 'capofila';
	SELECT 'P' || c.provincia_code, 'Ambito ' || p.name, c.istat,
	       c.istat = (SELECT istat FROM comune x WHERE x.provincia_code = c.provincia_code
	                  ORDER BY population DESC, istat LIMIT 1)
	  FROM comune c JOIN provincia p ON p.code = c.provincia_code WHERE c.suppressed_on IS NULL;" >"$T/ambiti.csv"
"$CN" --db "$db" --now 2019-05-20T09:00:00 import ambiti "$T/ambiti.csv" >/dev/null
"$CN" --db "$db" --now 2019-05-20T09:00:00 campaign add bench --name "Benchmark" --opens 2019-05-23 \
	--deadline 2019-07-31 --respondents comune,ambito,regione >/dev/null
sqlite3 "$db" <<'EOF'
PRAGMA foreign_keys = OFF;
BEGIN;
-- rn is the rowid: a random pick is one seek, its expression evaluated once
CREATE TEMP TABLE resp (rn INTEGER PRIMARY KEY, id TEXT UNIQUE, r INTEGER);
INSERT INTO resp
	SELECT row_number() OVER (ORDER BY respondent_id) - 1, respondent_id, abs(random()) % 100
	  FROM campaign_respondent WHERE campaign_id = (SELECT id FROM campaign WHERE key = 'bench');
-- 40% submitted over the campaign so far, 20% with a code, 5% started, 1% excused;
-- calls: 1 in 100 still waiting for its callback (2,000 open callbacks)
UPDATE campaign_respondent SET
	status = CASE WHEN (SELECT r FROM resp WHERE id = respondent_id) < 40 THEN 'inviato'
	              WHEN (SELECT r FROM resp WHERE id = respondent_id) < 60 THEN 'codice_emesso'
	              WHEN (SELECT r FROM resp WHERE id = respondent_id) < 65 THEN 'in_compilazione'
	              WHEN (SELECT r FROM resp WHERE id = respondent_id) < 66 THEN 'esonerato'
	              ELSE status END,
	status_source = 'limesurvey', status_reason = 'benchmark',
	status_at = strftime('%Y-%m-%dT%H:%M:%SZ', '2019-05-23', '+' || (abs(random()) % (59 * 86400)) || ' seconds')
 WHERE campaign_id = (SELECT id FROM campaign WHERE key = 'bench');
UPDATE campaign_respondent SET submitted_at = status_at WHERE status = 'inviato';
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO call (id, started_at, ended_at, operator, campaign_id, respondent_id, caller_name, phone,
                  direction, category, notes, outcome, state, callback_due, callback_owner,
                  created_at, updated_at, closed_at, closed_by)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), t, t, 'bench',
       (SELECT id FROM campaign WHERE key = 'bench'),
       (SELECT id FROM resp WHERE rn = (i + abs(random()) % 1000000) % (SELECT count(*) FROM resp)),
       'Chiamante ' || i, '+39055' || printf('%07d', i), CASE WHEN i % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE i % 8 WHEN 0 THEN 'richiesta_codice' WHEN 1 THEN 'codice_smarrito' WHEN 2 THEN 'problema_accesso'
                  WHEN 3 THEN 'problema_tecnico' WHEN 4 THEN 'chiarimento_contenuti' WHEN 5 THEN 'richiesta_proroga'
                  WHEN 6 THEN 'invio_completato' ELSE 'altro' END,
       'note della chiamata ' || i, 'esito ' || i,
       CASE WHEN i % 100 = 0 THEN 'in_attesa' ELSE 'chiusa' END,
       CASE WHEN i % 100 = 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', t, '+1 day') END,
       CASE WHEN i % 100 = 0 THEN 'bench' END,
       t, t, CASE WHEN i % 100 = 0 THEN NULL ELSE t END, CASE WHEN i % 100 = 0 THEN NULL ELSE 'bench' END
  -- t from i (not random()): the flattened subquery evaluates it per use
  FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%SZ', '2019-05-23', '+' || ((i * 2654435761) % (59 * 86400)) || ' seconds') AS t FROM n);
COMMIT;
ANALYZE;
EOF
[ -z "${BENCH_KEEP:-}" ] || echo "kept: $db"
echo "respondents: $(sqlite3 "$db" "SELECT count(*) FROM campaign_respondent"), calls: $(sqlite3 "$db" "SELECT count(*) FROM call"), submitted: $(sqlite3 "$db" "SELECT count(*) FROM campaign_respondent WHERE status = 'inviato'")"

# ---- the CLI, whole process (open, migrations check, query, print) ----
cli_avg() {
	n=20
	cn "$@" >/dev/null
	t0=$(ms)
	i=0
	while [ $i -lt $n ]; do cn "$@" >/dev/null; i=$((i + 1)); done
	t1=$(ms)
	echo "$(( (t1 - t0) / n ))"
}
echo "CLI (whole process, average of 20 runs; load average now $(cut -d' ' -f1 /proc/loadavg)):"
echo "  report progress --by regione    $(cli_avg report progress --campaign bench) ms"
echo "  report progress --by provincia  $(cli_avg report progress --campaign bench --by provincia) ms"
echo "  report progress --by ambito     $(cli_avg report progress --campaign bench --by ambito) ms"
echo "  report reminders --limit 20     $(cli_avg report reminders --campaign bench --limit 20) ms"
echo "  report daily                    $(cli_avg report daily --campaign bench) ms"
echo "  export map                      $(cli_avg export map --campaign bench) ms"
echo "  (init of the process alone:     $(cli_avg stats) ms for 'stats')"

# ---- in process: the core calls a dashboard refresh makes ----
cat >"$T/bench.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "centralino/ctx.h"
#include "centralino/progress.h"

/* wall clock and this process's CPU time: on a shared, busy machine the
 * second says what the code costs */
static double ms(clockid_t clk)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int run(struct cn_ctx *ctx, int what)
{
	struct progress_dashboard d;
	struct progress_report r;
	struct progress_filter f = {PROGRESS_BY_PROVINCIA, "040"};
	int rc;
	switch (what) {
	case 0:
		rc = progress_report(ctx, "bench", PROGRESS_BY_REGIONE, NULL, &r);
		progress_report_free(&r);
		return rc;
	case 1:
		rc = progress_dashboard(ctx, "bench", PROGRESS_BY_REGIONE, NULL, 20, &d);
		break;
	default:
		rc = progress_dashboard(ctx, "bench", PROGRESS_BY_RESPONDENT, &f, 20, &d);
	}
	progress_dashboard_free(&d);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *const names[] = {
		"progress_report (by regione)",
		"dashboard refresh (regioni, chart, 20 reminders)",
		"dashboard refresh (comuni of FC, chart, 20)",
	};
	struct cn_open_opts o = {.db_path = argv[1], .now = argv[2]};
	struct cn_ctx *ctx;
	char err[1024];
	const int n = 50;
	(void)argc;
	if (cn_ctx_open(&o, &ctx, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	for (int what = 0; what < 3; what++) {
		double first = 0, wall = 0, cpu = 0, max = 0;
		for (int i = 0; i <= n; i++) {
			double w0 = ms(CLOCK_MONOTONIC), c0 = ms(CLOCK_PROCESS_CPUTIME_ID), dw;
			if (run(ctx, what)) {
				fprintf(stderr, "%s\n", cn_error(ctx));
				return 1;
			}
			dw = ms(CLOCK_MONOTONIC) - w0;
			if (i == 0) {
				first = dw; /* builds the registry cache */
				continue;
			}
			wall += dw;
			cpu += ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
			if (dw > max)
				max = dw;
		}
		printf("  %-50s first %6.1f ms; then wall %5.1f ms (max %5.1f), cpu %5.1f ms\n",
		       names[what], first, wall / n, max, cpu / n);
	}
	cn_ctx_close(ctx);
	return 0;
}
EOF
# shellcheck disable=SC2046
cc -O2 -std=gnu11 -Iinclude -o "$T/bench" "$T/bench.c" "$LIB" $(pkg-config --cflags --libs ncursesw sqlite3 uuid readline libutf8proc) -lm
echo "In process (core calls: the first, then the average of 50; target < 20 ms):"
"$T/bench" "$db" "$NOW"
