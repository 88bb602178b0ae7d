#!/bin/sh
# A refusal of the core goes under the field it names (cn_error_field),
# in every form, whatever the message's words or language: staff (login,
# role), campaigns (key, deadline), an access code (phone, caller), as
# whole screens in script mode; a refusal that names no field goes to the
# message line and the form stays open.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
. tests/tui/lib_script.sh

db=$(screen_db formerr)
NOW=2019-07-12T10:30:00
cn() { "$CN" --db "$db" --now "$NOW" "$@"; }
cn staff add luisa --name "Luisa Bianchi" --role operatore >/dev/null
cn campaign add fam --name "Politiche per la famiglia 2019" --opens 2019-06-01 --deadline 2019-07-31 \
	--respondents comune >/dev/null
# The row under the field labelled LABEL (the field's own row first).
under() { grep -A1 -F "$2" "$(screen_file "$1")" | sed -n 2p; }

# ---- staff: a login already there; the last admin's role ----
tui_script errors-staff "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:staff<Enter><C-a>luisa<Tab>Luisa Rossi<F2>
!screen login
<Esc>y<End><C-r><Right><F2>
!screen role
KEYS
screen_is errors-staff/login
screen_is errors-staff/role
check_contains "staff: a login taken, under Login" "luisa is already on the staff list" "$(under errors-staff/login "Login  luisa")"
check_contains "staff: the last admin, under Role" "last active administrator" "$(under errors-staff/role "Role  ‹")"

# ---- campaigns: a key taken; a deadline before the opening ----
tui_script errors-camp "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
:campaigns<Enter><C-a>fam<Tab>Altra<Tab><C-u>01/07/2019<Tab>30/06/2019<F2>
!screen deadline
<C-u>31/07/2019<S-Tab><S-Tab><S-Tab><F2>
!screen key
KEYS
screen_is errors-camp/deadline
screen_is errors-camp/key
check_contains "campaign: the deadline before the opening, under Deadline" "is before the openin" \
	"$(under errors-camp/deadline "Deadline  30")"
check_contains "campaign: a key taken, under Key" "campaign 'fam' already exists" "$(under errors-camp/key "Key  fam")"

# ---- an access code: a phone that is not one; a refusal of no field ----
tui_script errors-code "$CN" --db "$db" --now "$NOW" tui <<'KEYS'
torino<Enter><C-g>Mario Rossi<Tab>Segreteria<Tab>12<Tab>2<F2>
!screen phone
<C-u>011 1234567<F2>
!screen given
<Esc><C-g>Anna Verdi<Tab>Protocollo<Tab>011 7654321<Tab>2<F2>
!screen refused
KEYS
screen_is errors-code/phone
screen_is errors-code/refused
check_contains "code: a phone that is not one, under Phone" "phone '12'" "$(under errors-code/phone "Phone  12")"
# (the code itself is random: the given screen is not compared whole)
screen_has "code: given once the phone is right" errors-code/given "code given to Mario Rossi for Torino"
check_contains "code: a refusal of no field on the message line" "already holds an active code" \
	"$(screen_line errors-code/refused 23)"
screen_has "code: the form stays open" errors-code/refused "Phone  011 7654321"

# ---- the same in Italian: the field comes from the core, not the words ----
tui_script errors-staff-it "$CN" --db "$db" --now "$NOW" --lang it tui <<'KEYS'
:staff<Enter><C-a>luisa<Tab>Luisa Rossi<F2>
!screen login
KEYS
it_msg=$(cn --lang it staff add luisa --name "Luisa Rossi" --role operatore 2>&1 | sed 's/^centralino: //' | cut -c1-30)
check_not_contains "Italian: the CLI says it in Italian" "already" "$it_msg"
check_contains "Italian: under Login too" "$it_msg" "$(under errors-staff-it/login "Login  luisa")"
