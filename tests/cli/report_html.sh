#!/bin/sh
# `report progress --format html --output FILE`: one self-contained HTML
# document. Checked with python3's html.parser: well-formed (every element
# closed in order), no reference to anything outside the file (no http, no
# src/href, no url()), the text of the database escaped; its regione rows
# carry the numbers of `report progress --format tsv`, its late list,
# proroghe and day-by-day table those of the other reports; in Italian with
# --lang it; refusals change nothing.
. tests/lib.sh

db=$(fresh_db report_html)
at() { now=$1; shift; run "$CN" --db "$db" --now "$now" "$@"; }
as() { u=$1; now=$2; shift 2; run env CENTRALINO_USER="$u" "$CN" --db "$db" --now "$now" "$@"; }
value() { printf '%s\n' "$OUT" | sed -n "s/^# $1=//p"; }

S=2020-04-01T09:00:00
at $S staff add anna --name "Anna Verdi" --role assistenza
at $S campaign add fam --name 'Politiche <famiglia> & "minori" 2020' --opens 2020-04-20 --deadline 2020-05-15 \
	--respondents comune,regione --codes no
check "setup: campaign" 0 "$RC"
cat >"$T/resp.csv" <<'EOF'
Codice,Inviato il
001272,2020-04-22 10:00
015146,2020-04-28 11:30
058091,2020-05-04 09:15
063049,2020-05-04 16:40
082053,2020-05-06 12:00
037006,2020-05-08 10:00
048017,2020-05-11 17:00
REG:08,2020-05-11 09:00
EOF
at 2020-05-12T12:00:00 status import --campaign fam "$T/resp.csv" --generic --id-column Codice --time-column "Inviato il"
check "setup: submissions imported" 0 "$RC"
at 2020-05-12T12:00:00 status set --campaign fam 001001 esonerato --reason 'fuso <script>alert(1)</script>'
at 2020-05-12T12:00:00 extension grant --campaign fam 001002 --until 2020-05-30 --reason 'Sindaco "nuovo" <b>& C'
at 2020-05-12T12:00:00 extension grant --campaign fam Bolzano --until 2020-05-25 --reason "Problemi tecnici"
check "setup: proroghe" 0 "$RC"

# html_check FILE LANG: 'ok' when well-formed and self-contained, else what is wrong;
# then the regione rows (key, name, numbers as in tsv), one per line, tab-separated;
# then lines 'late N', 'proroghe N', 'daily DATE CUMULATIVE', 'svg N'; the text
# as a reader sees it in FILE.txt.
html_check() {
	python3 - "$1" "$2" <<'EOF'
import sys, re
from html.parser import HTMLParser
path, lang = sys.argv[1], sys.argv[2]
raw = open(path, encoding="utf-8").read()
VOID = {"meta", "br", "img", "hr", "input", "link", "line", "rect", "polyline", "path", "circle"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.stack, s.errors, s.tables, s.cur, s.row, s.cell, s.text = [], [], {}, None, None, None, []
        s.doctype = False
    def handle_decl(s, d):
        s.doctype = d.lower() == "doctype html"
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k in ("src", "href") or k.startswith("on"):
                s.errors.append("attribute %s" % k)
        if tag == "script" or tag == "link" or tag == "iframe" or tag == "img":
            s.errors.append("element %s" % tag)
        if tag == "html" and a.get("lang") != lang:
            s.errors.append("lang %r" % a.get("lang"))
        if tag not in VOID:
            s.stack.append(tag)
        if tag == "table":
            s.cur = a.get("id"); s.tables[s.cur] = []
        if tag == "tr":
            s.row = [a.get("data-key", "")]
        if tag in ("td", "th"):
            s.cell = ""
    def handle_startendtag(s, tag, attrs):
        pass
    def handle_endtag(s, tag):
        if tag in VOID:
            return
        if not s.stack or s.stack[-1] != tag:
            s.errors.append("</%s> closes %s" % (tag, s.stack[-1] if s.stack else "nothing"))
            return
        s.stack.pop()
        if tag in ("td", "th") and s.row is not None:
            s.row.append(s.cell.strip()); s.cell = None
        if tag == "tr" and s.cur:
            s.tables[s.cur].append(s.row); s.row = None
    def handle_data(s, d):
        if s.cell is not None:
            s.cell += d
        s.text.append(d)
p = P(); p.feed(raw); p.close()
p.text = [t for t in p.text if "{" not in t]
if not p.doctype: p.errors.append("no doctype")
if p.stack: p.errors.append("unclosed " + ",".join(p.stack))
if re.search("http", raw, re.I): p.errors.append("http reference")
if re.search(r"url\(|@import", raw): p.errors.append("url() in the styles")
if not re.search(r"@media print", raw) or not re.search(r"size:\s*A4", raw): p.errors.append("no print styles")
print("ok" if not p.errors else "; ".join(p.errors))
def norm(c):
    if re.fullmatch(r"-?[\d.,]+%?|-", c):
        if c == "-": return ""
        c = c.rstrip("%")
        c = c.replace(".", "").replace(",", ".") if lang == "it" else c.replace(",", "")
    return c
for r in p.tables.get("regions", [])[1:]:
    if r[0]:
        print("\t".join([r[1], r[2]] + [norm(c) for c in r[3:]]))
print("late", len(p.tables.get("late", [[]])) - 1)
print("proroghe", len(p.tables.get("proroghe", [[]])) - 1)
for r in p.tables.get("daily", [])[1:]:
    print("daily", r[1], norm(r[5]))
print("svg", raw.count("<svg"))
open(path + ".txt", "w", encoding="utf-8").write(" ".join(" ".join(p.text).split()) + "\n")
EOF
}

# ---- after the deadline: everything present ----
N=2020-05-18T12:00:00
as anna $N report progress --campaign fam --format html --output "$T/r.html"
check "assistenza refused: exit 77" 77 "$RC"
check "assistenza refused: no file" "" "$(ls "$T"/r.html* 2>/dev/null)"
at $N report progress --campaign fam --format html
check "html without --output: exit 64" 64 "$RC"
at $N report progress --campaign fam --format tsv --output "$T/r.html"
check "--output without html: exit 64" 64 "$RC"
at $N report progress --campaign nope --format html --output "$T/r.html"
check "unknown campaign: exit 66" 66 "$RC"
at $N report progress --campaign fam --format html --output "$T/no/such/dir/r.html"
check "unwritable place: exit 73" 73 "$RC"
check_contains "unwritable place: names the file" "$T/no/such/dir/r.html" "$ERR"
check "nothing written by the refusals" "" "$(ls "$T"/r.html* 2>/dev/null)"

at $N report progress --campaign fam --format html --output "$T/r.html"
check "written: exit 0" 0 "$RC"
check "written: says so" "$T/r.html: progress report of campaign fam written" "$OUT"
check "written: private to the user" "600" "$(stat -c %a "$T/r.html")"
check "no temporary file left" "$T/r.html" "$(ls "$T"/r.html*)"
H=$(html_check "$T/r.html" en)
check "well-formed and self-contained" ok "$(printf '%s\n' "$H" | head -n 1)"
check "two charts drawn as inline SVG" "svg 2" "$(printf '%s\n' "$H" | grep '^svg ')"

at $N report progress --campaign fam --format tsv
TSV=$OUT
want=$(printf '%s\n' "$TSV" | grep -v '^#' | sed 1d | awk -F '\t' '$2 != "TOTAL"' | cut -f1-11)
got=$(printf '%s\n' "$H" | sed -n '2,/^late /p' | sed '$d')
check "regione rows carry the numbers of the tsv report" "$want" "$got"
check "20 regione rows" 20 "$(printf '%s\n' "$got" | grep -c .)"
# has FILE TEXT: yes when the file holds the text
has() { if grep -qF -- "$2" "$1"; then echo yes; else echo no; fi; }
den=$(printf '%s\n' "$TSV" | sed -n 's/^# denominator=//p' | sed 's/\(.\)\(...\)$/\1,\2/')
check "headline: submitted of the denominator" yes "$(has "$T/r.html.txt" "8 submitted of $den expected")"
check "title escaped, read as written" yes "$(has "$T/r.html.txt" 'Progress of Politiche <famiglia> & "minori" 2020')"
check "proroga reason escaped, read as written" yes "$(has "$T/r.html.txt" 'Sindaco "nuovo" <b>& C')"
check "no markup from the data in the file" no "$(has "$T/r.html" '<b>&')"
check "late list: as many as the tsv total" "late $(printf '%s\n' "$TSV" | sed -n 's/^# late=//p')" \
	"$(printf '%s\n' "$H" | grep '^late ')"
check "proroghe in force: two rows" "proroghe 2" "$(printf '%s\n' "$H" | grep '^proroghe ')"
at $N report daily --campaign fam --format tsv
wantd=$(printf '%s\n' "$OUT" | sed 1d | awk -F '\t' '{ print "daily", $NF }')
gotd=$(printf '%s\n' "$H" | grep '^daily ' | awk '{ print $1, $3 }')
check "day-by-day table: the cumulative column of report daily" "$wantd" "$gotd"

# ---- in Italian ----
at $N --lang it report progress --campaign fam --format html --output "$T/r-it.html"
check "italian: exit 0" 0 "$RC"
HI=$(html_check "$T/r-it.html" it)
check "italian: well-formed, lang=it" ok "$(printf '%s\n' "$HI" | head -n 1)"
goti=$(printf '%s\n' "$HI" | sed -n '2,/^late /p' | sed '$d')
check "italian: the same numbers (1.234 and 12,5%)" "$want" "$goti"
check "italian: headings in Italian" yes "$(has "$T/r-it.html.txt" "Proroghe in vigore")"

# ---- before opening: no data yet, still a valid document ----
at 2020-04-10T09:00:00 report progress --campaign fam --format html --output "$T/early.html"
check "before opening: exit 0" 0 "$RC"
check "before opening: well-formed" ok "$(html_check "$T/early.html" en | head -n 1)"
