# With "units = mi" in the settings file, a distance without a unit is in miles.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r tests/cli/data/config-mi "$tmp/config"
XDG_CONFIG_HOME="$tmp/config" "$NUMBFOOT" run add 5 --db "$tmp/j.db" > /dev/null
XDG_CONFIG_HOME="$tmp/config" "$NUMBFOOT" run add 5km --db "$tmp/j.db" > /dev/null
"$NUMBFOOT" run list --json --db "$tmp/j.db" > "$tmp/runs.json"
python3 - "$tmp/runs.json" <<'PY'
import json, sys
d = sorted(r["distance_m"] for r in json.load(open(sys.argv[1])))
assert abs(d[0] - 5000) < 1e-6, d
assert abs(d[1] - 8046.72) < 1e-3, d
PY
