#!/bin/sh
# Installs the Debian packages centralino needs to build, run and test.
# Idempotent: silent and quick when everything is already present.
set -eu
PKGS="build-essential pkg-config libncurses-dev libsqlite3-dev uuid-dev
libreadline-dev libutf8proc-dev libcmocka-dev gettext sqlite3 tmux
locales tzdata"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
  exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
