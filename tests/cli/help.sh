#!/bin/sh
# --help: a command's whole help, a subcommand's own (its usage and what
# concerns it, nothing about the others), and `help COMMAND SUBCOMMAND...`
# the same.
. tests/lib.sh

run "$CN" call close --help
check "call close --help: its usage and CALL, nothing else" "0|usage: centralino call close CALL [--outcome TEXT]
The desk's phone request log. 'call add' prints the new call's id; CALL is
that id or its first characters (at least 4, enough to be unique)." "$RC|$OUT"
run "$CN" call add --help
check "call add --help: its own usage line first" \
	"usage: centralino call add (--respondent ID | --unidentified | --follows CALL) [FIELDS]" \
	"$(printf '%s\n' "$OUT" | sed -n 1p)"
check_contains "call add --help: the fields" "Fields (add and update):" "$OUT"
check_contains "call add --help: what is done during the call" "  --code issue|reissue|reveal" "$OUT"
check_not_contains "call add --help: no other subcommand's usage" "centralino call show" "$OUT"
check_not_contains "call add --help: nothing about list" "List: newest first" "$OUT"
check "call add --help: one usage line" 1 "$(printf '%s\n' "$OUT" | grep -c 'centralino call ')"
run "$CN" call update --help
check_contains "call update --help: the fields" "An empty value ('') clears a field in 'update'." "$OUT"
check_not_contains "call update --help: not what add alone does" "--code issue" "$OUT"
run "$CN" help call category enable
check "help call category enable: that subcommand's" "0|usage: centralino call category disable|enable NAME         (admin)
Categories sort the calls (call add --category). A disabled one is no
longer offered for new calls; 'altro', where calls without one go, cannot
be disabled." "$RC|$OUT"
run "$CN" call category --help
check "call category --help: its three usage lines, then categories" \
	"usage: centralino call category list [--all] [--format table|tsv|csv]
       centralino call category add NAME --label TEXT      (admin)
       centralino call category disable|enable NAME         (admin)
Categories sort the calls" "$(printf '%s\n' "$OUT" | sed -n 1,4p | sed '4s/ (call add.*//')"
run "$CN" --lang it call close --help
check "in Italian: call close --help" "0|uso: centralino call close CHIAMATA [--outcome TESTO]
Il registro delle richieste telefoniche dello sportello. 'call add' stampa
l'identificativo della nuova chiamata; CHIAMATA è quell'identificativo o i
suoi primi caratteri (almeno 4, abbastanza da essere univoci)." "$RC|$OUT"
check "in Italian: the second usage line lines up under 'uso:'" "     centralino staff add" \
	"$("$CN" --lang it staff --help | sed -n 2p | cut -c1-25)"
run "$CN" staff set-role --help
check "staff set-role --help" "usage: centralino staff set-role LOGIN ROLE
Who may use the program, and with which role. LOGIN is the person's
system login name.
Roles, each including the one before:
  assistenza   search, log calls
  operatore    + issue access codes
  supervisore  + revoke codes, extensions, statuses, reports, exports, audit
  admin        + staff, imports, backups
The last active admin cannot be disabled or demoted.
Changes are for admins; the list is for everyone on it." "$OUT"
run "$CN" report daily --help
check "report daily --help" "usage: centralino report daily --campaign KEY [--format table|tsv|csv]

daily      per day: codes given out, calls by category, submissions and the
           running total (the series behind the dashboard's chart)." "$OUT"
run "$CN" import contacts --help
check "import contacts --help: the import's, for contacts" "usage: centralino import contacts [--dry-run] FILE
  contacts: contacts of respondents, CSV with a header naming the columns" \
	"$(printf '%s\n' "$OUT" | sed -n 1,2p)"
check_not_contains "import contacts --help: nothing about istat" "import istat" "$OUT"
run "$CN" status import --generic --help
check "status import --generic --help: the generic import's usage" \
	"usage: centralino status import --campaign KEY FILE --generic --id-column NAME" "$(printf '%s\n' "$OUT" | sed -n 1p)"
check_not_contains "status import --generic --help: not LimeSurvey's" "LimeSurvey's participant export" "$OUT"
run "$CN" status import --help
check_contains "status import --help: LimeSurvey's" "LimeSurvey's participant export" "$OUT"
check_not_contains "status import --help: not the generic one" "--id-column" "$OUT"

# Every subcommand: its own usage only, and `help` gives the same.
for cs in "call add show update close list callbacks" "campaign add list show set sync" \
	"code issue revoke reveal find spell list generate export" "contact add list remove" \
	"extension grant revoke list" "import istat ambiti contacts" "report progress reminders daily" \
	"staff list add set-role disable enable" "status set show"; do
	set -- $cs
	c=$1
	shift
	for s in "$@"; do
		run "$CN" "$c" "$s" --help
		check "$c $s --help: exit 0, its usage first" "0|usage: centralino $c $s" \
			"$RC|$(printf '%s\n' "$OUT" | sed -n '1s/^\(usage: centralino [a-z]* [a-z-]*\).*/\1/p')"
		check "$c $s --help: no other subcommand's usage" "" \
			"$(printf '%s\n' "$OUT" | grep "^ *\(usage: \)\?centralino $c " | grep -v "centralino $c $s\( \|$\)")"
		one=$OUT
		run "$CN" help "$c" "$s"
		check "help $c $s = $c $s --help" "$one" "$OUT"
		run "$CN" "$c" --help
		check_contains "$c --help: has $s's usage" "centralino $c $s" "$OUT"
	done
done
