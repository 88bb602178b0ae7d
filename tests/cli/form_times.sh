#!/bin/sh
# The generic status import reads the timestamps the form tools write:
# Google Forms' CSV download (AM/PM and a zone), Google Sheets and
# LibreOffice in an Italian locale, ISO 8601 with an offset, or any spelling
# with --time-format. The zone in the file wins over Rome's; a day/month
# order the file does not settle is refused with the line, never guessed.
. tests/lib.sh

db=$(fresh_db form_times)
N=2020-05-20T12:00:00
cn() { run "$CN" --db "$db" --now $N "$@"; }
when() { q "SELECT group_concat(respondent_id || '=' || submitted_at, ' ') FROM (SELECT respondent_id, submitted_at FROM campaign_respondent WHERE campaign_id = (SELECT id FROM campaign WHERE key = '$1') AND status = 'inviato' ORDER BY respondent_id)"; }
imp() { c=$1; f=$2; shift 2; cn status import --campaign "$c" "$f" --generic --id-column Ente --time-column Timestamp "$@"; }
n=0
camp() { n=$((n + 1)); run "$CN" --db "$db" --now 2020-04-01T09:00:00 campaign add "c$n" --name "Modulo $n" --opens 2020-04-20 --deadline 2020-05-15 --respondents regione --codes no; }

# ---- Google Forms' CSV download ----
camp
cat >"$T/gforms.csv" <<'EOF'
"Timestamp","Ente","Risposta"
"2020/05/12 10:31:22 AM CEST","REG:01","sì"
"2020/05/12 3:05:00 PM GMT+2","REG:02","no"
"2020/05/11 9:00:00 AM GMT","REG:03",""
"2020/01/12 12:00:00 PM CET","REG:04",""
EOF
imp c1 "$T/gforms.csv"
check "google forms: exit 0" 0 "$RC"
check "google forms: AM/PM with CEST, GMT+2, GMT and CET; the file's zone wins" \
	"REG:01=2020-05-12T08:31:22Z REG:02=2020-05-12T13:05:00Z REG:03=2020-05-11T09:00:00Z REG:04=2020-01-12T11:00:00Z" "$(when c1)"

# ---- LibreOffice, Italian locale: times with dots say day first ----
camp
printf 'Timestamp;Ente\n12/05/2020 10.31.22;REG:01\n05/04/2020 09.00.00;REG:02\n' >"$T/lo.csv"
imp c2 "$T/lo.csv"
check "libreoffice (10.31.22): exit 0" 0 "$RC"
check "libreoffice: day first (05/04 = 5 April)" "REG:01=2020-05-12T08:31:22Z REG:02=2020-04-05T07:00:00Z" "$(when c2)"

# ---- Google Sheets, Italian locale: a day over 12 settles the file ----
camp
printf 'Timestamp,Ente\n12/05/2020 10:31:22,REG:01\n13/05/2020 08:00:00,REG:02\n' >"$T/sheets.csv"
imp c3 "$T/sheets.csv"
check "sheets (12/05 and 13/05): exit 0" 0 "$RC"
check "sheets: the 13 settles day first for every row" "REG:01=2020-05-12T08:31:22Z REG:02=2020-05-13T06:00:00Z" "$(when c3)"

# ---- ISO 8601 with an offset ----
camp
printf 'Timestamp,Ente\n2020-05-12T10:31:22+02:00,REG:01\n2020-05-12T10:31:22Z,REG:02\n2020-05-12 10:31:22.250+0100,REG:03\n' >"$T/iso.csv"
imp c4 "$T/iso.csv"
check "iso: exit 0" 0 "$RC"
check "iso: offsets, Z and a fraction" "REG:01=2020-05-12T08:31:22Z REG:02=2020-05-12T10:31:22Z REG:03=2020-05-12T09:31:22Z" "$(when c4)"

# ---- a file that cannot say whether 12/05 is 12 May or 5 December ----
camp
printf 'Timestamp,Ente\n12/05/2020 10:31:22,REG:01\n11/05/2020 09:00:00,REG:02\n' >"$T/amb.csv"
before=$(db_dump "$db")
imp c5 "$T/amb.csv"
check "unsettled order: exit 65" 65 "$RC"
check "unsettled order: refused with the line, never guessed" \
	"centralino: $T/amb.csv:2: Timestamp: '12/05/2020 10:31:22': day and month could be either way round and no row of the file settles it (a day over 12): give --time-format, e.g. '%d/%m/%Y %H:%M:%S'" "$ERR"
check "unsettled order: nothing changed" "$before" "$(db_dump "$db")"
imp c5 "$T/amb.csv" --time-format '%d/%m/%Y %H:%M:%S'
check "--time-format day first: exit 0" 0 "$RC"
check "--time-format day first: read so" "REG:01=2020-05-12T08:31:22Z REG:02=2020-05-11T07:00:00Z" "$(when c5)"
camp
imp c6 "$T/amb.csv" --time-format '%m/%d/%Y %H:%M:%S'
check "--time-format month first: 5 December is in the future: exit 65" 65 "$RC"
check "--time-format month first: says so" "centralino: $T/amb.csv:2: Timestamp: '12/05/2020 10:31:22' is in the future" "$ERR"
imp c6 "$T/amb.csv" --time-format '%d-%m-%Y %H:%M'
check "--time-format that does not match: exit 65" 65 "$RC"
check "--time-format that does not match: says so" "centralino: $T/amb.csv:2: Timestamp: '12/05/2020 10:31:22' does not match --time-format '%d-%m-%Y %H:%M'" "$ERR"
cn status import --campaign c6 "$T/amb.csv" --generic --id-column Ente --time-format '%d/%m/%Y'
check "--time-format without --time-column: exit 64" 64 "$RC"

# ---- a file that contradicts itself ----
printf 'Timestamp,Ente\n13/05/2020 10:00:00,REG:01\n05/14/2020 10:00:00,REG:02\n' >"$T/both.csv"
imp c6 "$T/both.csv"
check "day first and month first in one file: exit 65" 65 "$RC"
check "day first and month first: both lines named" \
	"centralino: $T/both.csv:3: Timestamp: '05/14/2020 10:00:00' puts the month first, but line 2 ('13/05/2020 10:00:00') the day: give --time-format" "$ERR"

# ---- in a dry run the same rules ----
imp c6 "$T/amb.csv" --dry-run
check "dry run: the same refusal" 65 "$RC"
