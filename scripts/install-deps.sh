#!/bin/sh
# Installs the Debian packages centralino needs. Idempotent: silent and
# quick when everything is already present.
#   scripts/install-deps.sh run     what `make` and `make run` need: a C
#                                   toolchain, the libraries, gettext
#   scripts/install-deps.sh test    the run set + the test tools (`make test`,
#                                   `make test-deb`); the default
#   scripts/install-deps.sh --list SET...   prints the packages, installs nothing
# Extras after the set: `fuzz` (make fuzz: libFuzzer comes with clang's
# runtime), `valgrind` (scripts/valgrind-tui.sh, run by .ci/run), `lint`
# (cppcheck: scripts/lint.sh, run by .ci/run).
set -eu
RUN_PKGS="build-essential pkg-config libncurses-dev libsqlite3-dev uuid-dev
libreadline-dev libutf8proc-dev gettext locales tzdata bash-completion"
TEST_PKGS="libcmocka-dev sqlite3 tmux groff-base man-db procps
debhelper dpkg-dev devscripts fakeroot lintian"

list=0
if [ "${1:-}" = "--list" ]; then
  list=1
  shift
fi
set_name=${1:-test}
[ $# -gt 0 ] && shift
case $set_name in
  run) PKGS=$RUN_PKGS ;;
  test) PKGS="$RUN_PKGS $TEST_PKGS" ;;
  fuzz|valgrind|lint) PKGS="$RUN_PKGS $TEST_PKGS"; set -- "$set_name" "$@" ;;
  *) echo "usage: scripts/install-deps.sh [--list] run|test [fuzz] [valgrind] [lint]" >&2; exit 64 ;;
esac
for extra in "$@"; do
  case $extra in
    fuzz) PKGS="$PKGS clang libclang-rt-14-dev" ;;
    valgrind) PKGS="$PKGS valgrind" ;;
    lint) PKGS="$PKGS cppcheck" ;;
    *) echo "install-deps: unknown extra '$extra' (fuzz, valgrind, lint)" >&2; exit 64 ;;
  esac
done
if [ "$list" -eq 1 ]; then
  # shellcheck disable=SC2086
  printf '%s\n' $PKGS
  exit 0
fi
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
# Italian works without it (src/core/i18n.c falls back to C.UTF-8), but
# with it LANG=it_IT.UTF-8 is a real locale for every program: generate it
# when we can (root), quietly, once.
italian_locale() {
  locale -a 2>/dev/null | grep -qix 'it_IT.utf-\{0,1\}8' && return 0
  [ "$(id -u)" -eq 0 ] && command -v localedef >/dev/null 2>&1 || return 0
  localedef -i it_IT -f UTF-8 it_IT.UTF-8 >/dev/null 2>&1 || true
}
[ -z "$missing" ] && { italian_locale; exit 0; }
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
  exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
italian_locale
