#!/bin/bash
# Many operators at once on one database: N processes for S
# seconds run a random mix through the CLI — issue, re-issue and revoke
# codes, log and close calls, import a LimeSurvey export, grant proroghe,
# run reports. Each process logs every attempt (op, exit code, ids). Then
# the figures and the checks: attempted/succeeded/refused by rule, errors
# that are not rule refusals (must be 0: a busy database is waited for),
# integrity_check, every successful call and code present exactly once,
# never two active codes for one respondent, one audit row per change.
#
# usage: scripts/stress.sh [--procs N] [--seconds S] [--ops N] [--dir DIR] [--bin PATH]
# (--ops: each process runs at least N operations, however long it takes)
# Exit 0 when every check holds. Output lines "check NAME: ok|FAILED ..."
# and "total attempted=.. succeeded=.. refused=.. errors=.." are stable
# (tests/cli/stress.sh reads them).
set -u
PROCS=8
SECS=60
MIN_OPS=0
DIR=
BIN=${CENTRALINO_BIN:-${BUILD:-build}/centralino}
while [ $# -gt 0 ]; do
	case $1 in
	--procs) PROCS=$2; shift 2 ;;
	--seconds) SECS=$2; shift 2 ;;
	--ops) MIN_OPS=$2; shift 2 ;;
	--dir) DIR=$2; shift 2 ;;
	--bin) BIN=$2; shift 2 ;;
	-h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "stress.sh: unknown option $1" >&2; exit 64 ;;
	esac
done
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
[ -x "$BIN" ] || { echo "stress.sh: no program at $BIN (run make)" >&2; exit 66; }
if [ -z "$DIR" ]; then
	DIR=$(mktemp -d "${TMPDIR:-/tmp}/cn-stress.XXXXXX")
	trap 'rm -rf "$DIR"' EXIT
fi
mkdir -p "$DIR"
export LC_ALL=C.UTF-8 TZ=Europe/Rome CENTRALINO_USER=admin HOME="$DIR"
unset CENTRALINO_NOW CENTRALINO_LANG XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME
DB="$DIR/stress.db"
rm -f "$DB" "$DB-wal" "$DB-shm" "$DIR"/w*.log
cn() { "$BIN" --db "$DB" "$@"; }

# ---- setup: staff (operatori and supervisori alternate), two campaigns
# running today, a pool of 120 comuni everyone works on (contention), a
# batch campaign with codes and four LimeSurvey exports of it ----
cn init >/dev/null || exit 70
for i in $(seq 1 "$PROCS"); do
	role=supervisore
	[ $((i % 2)) -eq 0 ] && role=operatore
	cn staff add "w$i" --name "Worker $i" --role "$role" >/dev/null || exit 70
done
opens=$(date -d '-10 days' +%F)
deadline=$(date -d '+50 days' +%F)
later=$(date -d '+80 days' +%F)
cn campaign add stress --name "Stress" --opens "$opens" --deadline "$deadline" --respondents comune >/dev/null || exit 70
cn campaign add batch --name "Batch" --opens "$opens" --deadline "$deadline" --respondents comune >/dev/null || exit 70
cn code generate --campaign batch --all >/dev/null || exit 70
sqlite3 "$DB" "SELECT istat FROM comune ORDER BY istat LIMIT 120" >"$DIR/pool"
LSHEAD='tid,firstname,lastname,email,emailstatus,token,language,validfrom,validuntil,invited,reminded,remindercount,completed,usesleft, attribute_1 <Codice>'
for k in 1 2 3 4; do
	{
		printf '\357\273\277%s\n' "$LSHEAD"
		sqlite3 "$DB" "SELECT printf('\"%d\",\"Comune di\",\"%s\",\"\",\"OK\",\"%s\",\"it\",\"\",\"\",\"%s\",\"N\",\"0\",\"%s\",\"1\",\"%s\"',
			a.id, replace(c.name, '\"', '\"\"'), a.code, CASE a.id % 3 WHEN 0 THEN 'Y' ELSE 'N' END,
			CASE (a.id + $k) % 5 WHEN 0 THEN 'Y' WHEN 1 THEN '$(date -d '-2 days' '+%F %H'):1$k' WHEN 2 THEN 'Q' ELSE 'N' END, c.istat)
			FROM access_code a JOIN campaign k ON k.id = a.campaign_id JOIN comune c ON c.istat = a.respondent_id
			WHERE k.key = 'batch' AND a.id % 4 = $((k - 1)) ORDER BY a.id LIMIT 400"
	} >"$DIR/ls$k.csv"
done
audit0=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")

# ---- the workers ----
worker() {
	local i=$1 login=w$i log="$DIR/w$i.log" err="$DIR/w$i.err"
	local -a pool=() codes=() calls=()
	local end=$((SECONDS + SECS)) r resp out rc code id n
	mapfile -t pool <"$DIR/pool"
	RANDOM=$((i * 7919 + $$))
	: >"$log"
	w() { "$BIN" --db "$DB" --user "$login" "$@" 2>"$err"; }
	rec() { # OP RC ID [EXTRA [PREV]]: one line per attempt; refusals keep their message
		local msg=""
		[ "$2" -ne 0 ] && msg=$(head -n 1 "$err" | tr '\t' ' ')
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" "${5:-}" "$msg" >>"$log"
	}
	# every kind of operation once first, in this order (a revoke needs a
	# code issued), then at random: a short run on a slow machine still
	# tries each, and the supervisori make each succeed
	local first=(0 22 32 40 60 70 75 82) step=0 done_ops=0
	while [ $SECONDS -lt $end ] || [ $done_ops -lt $MIN_OPS ]; do
		done_ops=$((done_ops + 1))
		if [ $step -lt ${#first[@]} ]; then
			r=${first[step]}
			step=$((step + 1))
		else
			r=$((RANDOM % 100))
		fi
		resp=${pool[RANDOM % ${#pool[@]}]}
		if [ $r -lt 22 ]; then
			out=$(w code issue --campaign stress "$resp" --caller "Caller $i" --office "Segreteria" \
				--phone "011 55$i$RANDOM" --verified referente_noto)
			rc=$?
			code=$(printf '%s\n' "$out" | sed -n 's/^    \([2-9A-Z ]\{13,\}\)$/\1/p' | tr -d ' ')
			[ $rc -eq 0 ] && codes+=("$code")
			rec issue $rc "$resp" "$code"
		elif [ $r -lt 32 ]; then
			out=$(w code issue --campaign stress "$resp" --caller "Caller $i" --office "Segreteria" \
				--phone "011 66$i$RANDOM" --verified richiamata_centralino --reissue --reason "smarrito")
			rc=$?
			code=$(printf '%s\n' "$out" | sed -n 's/^    \([2-9A-Z ]\{13,\}\)$/\1/p' | tr -d ' ')
			[ $rc -eq 0 ] && codes+=("$code")
			# the code it replaced, when the respondent had one
			rec reissue $rc "$resp" "$code" "$(printf '%s\n' "$out" | sed -n 's/^The previous code \([2-9A-Z ]*\) is revoked\.$/\1/p' | tr -d ' ')"
		elif [ $r -lt 40 ]; then
			[ ${#codes[@]} -eq 0 ] && continue
			n=$((RANDOM % ${#codes[@]}))
			code=${codes[n]}
			w code revoke "$code" --reason "prova di carico" >/dev/null
			rc=$?
			[ $rc -eq 0 ] && unset "codes[$n]" && codes=("${codes[@]}")
			rec revoke $rc "$code"
		elif [ $r -lt 60 ]; then
			id=$(w call add --respondent "$resp" --campaign stress --caller "Caller $i" \
				--phone "0543 71$RANDOM" --category richiesta_codice --notes "riga uno
riga due, con \"virgolette\"")
			rc=$?
			[ $rc -eq 0 ] && calls+=("$id")
			rec call $rc "$id"
		elif [ $r -lt 70 ]; then
			[ ${#calls[@]} -eq 0 ] && continue
			n=$((RANDOM % ${#calls[@]}))
			id=${calls[n]}
			w call close "$id" --outcome "risolto" >/dev/null
			rc=$?
			[ $rc -eq 0 ] && unset "calls[$n]" && calls=("${calls[@]}")
			rec close $rc "$id"
		elif [ $r -lt 75 ]; then
			n=$((RANDOM % 4 + 1))
			out=$(w status import --campaign batch "$DIR/ls$n.csv")
			rc=$?
			# newly submitted + submission times + screened out + codes issued
			n=$(printf '%s\n' "$out" | sed -n 's/.* participants: \([0-9]*\) newly submitted, \([0-9]*\) submission times, \([0-9]*\) screened out, \([0-9]*\) codes issued.*/\1 \2 \3 \4/p' |
				awk '{print $1 + $2 + $3 + $4}')
			rec lsimport $rc "ls$n" "${n:-0}"
		elif [ $r -lt 82 ]; then
			w extension grant --campaign stress "$resp" --until "$later" --reason "richiesta $i" >/dev/null
			rec extension $? "$resp"
		else
			case $((RANDOM % 4)) in
			0) w report progress --campaign stress --format tsv >/dev/null ;;
			1) w report reminders --campaign stress --limit 20 --format tsv >/dev/null ;;
			2) w call list --open --limit 50 --format tsv >/dev/null ;;
			3) w code list --campaign stress --format tsv >/dev/null ;;
			esac
			rec report $? "-"
		fi
	done
}

start=$(date +%s.%N)
for i in $(seq 1 "$PROCS"); do
	worker "$i" &
done
wait
elapsed=$(echo "$(date +%s.%N) $start" | awk '{printf "%.1f", $1 - $2}')

# ---- figures ----
cat "$DIR"/w*.log >"$DIR/all.log"
printf 'stress: %s processes, %s s (ran %s s), database %s\n' "$PROCS" "$SECS" "$elapsed" "$DB"
# exit 65 (a rule: one active code, already revoked, already closed) and
# 77 (the role may not) are refusals; anything else non-zero is an error.
awk -F '\t' '
	{ a[$1]++; if ($2 == 0) s[$1]++; else if ($2 == 65 || $2 == 77) f[$1]++; else e[$1]++ }
	END {
		printf "%-10s %9s %9s %9s %7s\n", "op", "attempted", "succeeded", "refused", "errors"
		n = split("issue reissue revoke call close lsimport extension report", ops, " ")
		for (k = 1; k <= n; k++) { o = ops[k]
			printf "%-10s %9d %9d %9d %7d\n", o, a[o], s[o], f[o], e[o]
			ta += a[o]; ts += s[o]; tf += f[o]; te += e[o] }
		printf "total attempted=%d succeeded=%d refused=%d errors=%d\n", ta, ts, tf, te
	}' "$DIR/all.log"
echo "refusals by message (first 8):"
awk -F '\t' '$2 == 65 || $2 == 77 { m = $6; sub(/^centralino: /, "", m); gsub(/[0-9A-Z]{8,}|[0-9]{6}|[0-9\/]{10} [0-9:]{5}|w[0-9]+|Caller [0-9]+/, "#", m); print $2 " " substr(m, 1, 90) }' "$DIR/all.log" |
	sort | uniq -c | sort -rn | head -8
errors=$(awk -F '\t' '$2 != 0 && $2 != 65 && $2 != 77' "$DIR/all.log")
if [ -n "$errors" ]; then
	echo "errors (first 10):"
	printf '%s\n' "$errors" | head -10 | sed 's/^/  /'
fi

FAIL=0
check() { # NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		printf 'check %s: ok (%s)\n' "$1" "$3"
	else
		printf 'check %s: FAILED (expected %s, got %s)\n' "$1" "$2" "$3"
		FAIL=1
	fi
}
q() { sqlite3 "$DB" "$1"; }
# the ids that succeeded go into a scratch database beside it
qc() { sqlite3 "$DIR/check.db" "ATTACH '$DB' AS s; $1"; }
rm -f "$DIR/check.db"
ok_of() { awk -F '\t' -v op="$1" '$1 == op && $2 == 0' "$DIR/all.log"; }
# ids of successes into a temp table, for exact-once checks
load() { # TABLE OP COLUMN
	ok_of "$2" | cut -f "$3" >"$DIR/$1.ids"
	sqlite3 "$DIR/check.db" "CREATE TABLE $1 (id TEXT)" ".import $DIR/$1.ids $1"
}

check "errors that are not rule refusals" 0 "$(printf '%s' "$errors" | grep -c .)"
check "integrity_check" ok "$(q 'PRAGMA integrity_check')"
check "foreign_key_check" "" "$(q 'PRAGMA foreign_key_check')"
n_call=$(ok_of call | wc -l)
n_close=$(ok_of close | wc -l)
n_issue=$(ok_of issue | wc -l)
n_reissue=$(ok_of reissue | wc -l)
n_replaced=$(ok_of reissue | awk -F '\t' '$5 != ""' | wc -l)
n_revoke=$(ok_of revoke | wc -l)
n_ext=$(ok_of extension | wc -l)
n_ls=$(ok_of lsimport | awk -F '\t' '$4 > 0' | wc -l)
load calls call 3
check "every logged call in the database exactly once" "$n_call|$n_call|0" \
	"$(q "SELECT count(*) FROM call")|$(qc "SELECT count(*) FROM calls t JOIN s.call c ON c.id = t.id")|$(qc "SELECT count(*) FROM (SELECT id FROM calls GROUP BY id HAVING count(*) > 1)")"
load closes close 3
check "every closed call is chiusa" "$n_close" "$(qc "SELECT count(*) FROM closes t JOIN s.call c ON c.id = t.id WHERE c.state = 'chiusa'")"
ok_of issue | cut -f 4 >"$DIR/codes.ids"
ok_of reissue | cut -f 4 >>"$DIR/codes.ids"
sqlite3 "$DIR/check.db" "CREATE TABLE codes (code TEXT)" ".import $DIR/codes.ids codes"
check "every code given is in the database exactly once" "$((n_issue + n_reissue))|$((n_issue + n_reissue))|$((n_issue + n_reissue))" \
	"$(q "SELECT count(*) FROM access_code a JOIN campaign k ON k.id = a.campaign_id WHERE k.key = 'stress'")|$(qc "SELECT count(DISTINCT code) FROM codes")|$(qc "SELECT count(*) FROM codes t JOIN s.access_code a ON a.code = t.code")"
load revokes revoke 3
check "every revoked code is revoked" "$n_revoke" "$(qc "SELECT count(*) FROM revokes t JOIN s.access_code a ON a.code = t.id WHERE a.state = 'revoked'")"
ok_of reissue | awk -F '\t' '$5 != "" {print $5}' >"$DIR/replaced.ids"
sqlite3 "$DIR/check.db" "CREATE TABLE replaced (id TEXT)" ".import $DIR/replaced.ids replaced"
check "every code a re-issue replaced is revoked" "$n_replaced" \
	"$(qc "SELECT count(*) FROM replaced t JOIN s.access_code a ON a.code = t.id WHERE a.state = 'revoked'")"
check "never two active codes for one respondent" 0 \
	"$(q "SELECT count(*) FROM (SELECT 1 FROM access_code WHERE state = 'active' GROUP BY campaign_id, respondent_id HAVING count(*) > 1)")"
check "every re-issue revoked the code before it" 0 \
	"$(q "SELECT count(*) FROM (SELECT respondent_id FROM access_code a JOIN campaign k ON k.id = a.campaign_id WHERE k.key = 'stress' GROUP BY respondent_id HAVING count(*) - sum(state = 'revoked') > 1)")"
check "one audit row per change" \
	"code.issue=$((n_issue + n_reissue - n_replaced)) code.reissue=$n_replaced code.revoke=$n_revoke call.add=$n_call call.close=$n_close extension.grant=$n_ext status.import=$n_ls other=0" \
	"$(q "SELECT 'code.issue=' || sum(action = 'code.issue') || ' code.reissue=' || sum(action = 'code.reissue')
		|| ' code.revoke=' || sum(action = 'code.revoke') || ' call.add=' || sum(action = 'call.add')
		|| ' call.close=' || sum(action = 'call.close') || ' extension.grant=' || sum(action = 'extension.grant')
		|| ' status.import=' || sum(action = 'status.import')
		|| ' other=' || sum(action NOT IN ('code.issue', 'code.reissue', 'code.revoke', 'call.add', 'call.close', 'extension.grant', 'status.import'))
		FROM (SELECT action FROM audit_log ORDER BY seq LIMIT -1 OFFSET $audit0)")"
check "audit rows name existing objects" 0 \
	"$(q "SELECT count(*) FROM (SELECT action, object_id FROM audit_log ORDER BY seq LIMIT -1 OFFSET $audit0)
		WHERE (action LIKE 'code.%' AND object_id NOT IN (SELECT CAST(id AS TEXT) FROM access_code))
		   OR (action LIKE 'call.%' AND object_id NOT IN (SELECT id FROM call))")"
[ $FAIL -eq 0 ] && echo "stress: all checks passed" || echo "stress: SOME CHECKS FAILED"
exit $FAIL
