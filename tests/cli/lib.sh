# Sourced by the scripted command-line tests (tests/cli/test_*.sh, run from the repository root
# with $NUMBFOOT set): a private scratch folder as HOME and XDG folders, removed on exit, and the
# checks they share.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data" XDG_CONFIG_HOME="$t/config" XDG_CACHE_HOME="$t/cache" \
	XDG_RUNTIME_DIR="$t/run" TZ=UTC
mkdir -m 700 "$XDG_RUNTIME_DIR"
nf() { "$NUMBFOOT" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
# has FILE TEXT / lacks FILE TEXT: the file holds the text (or not); else show it and fail.
has() { grep -qF -- "$2" "$1" || { echo "---- $1"; cat "$1"; fail "$1 lacks '$2'"; }; }
lacks() { if grep -qF -- "$2" "$1"; then echo "---- $1"; cat "$1"; fail "$1 has '$2'"; fi; }
