#!/bin/sh
# A session with the journal: gear, runs with default shoes, the wear warning when a run takes
# shoes past their retirement distance, episodes, edits, cascade on delete, import with
# duplicate skip and default gear, export.
. tests/cli/lib.sh

nf gear add ghost --start-km 795 > "$t/out"
nf gear add soles --kind insoles --first-use 2026-09-01 > "$t/out"
# 4 km: 799 km, no warning yet.
nf run add 4 --date 2026-11-01 --time 07:00 > "$t/out" 2> "$t/err"
has "$t/out" "in 'ghost' with insoles 'soles'"
[ ! -s "$t/err" ] || fail "a warning before the retirement distance: $(cat "$t/err")"
# 5 km more: 804 km, the warning names the pair.
nf run add 5 --date 2026-11-02 --time 07:00 > "$t/out" 2> "$t/err"
has "$t/err" "warning: shoes 'ghost' have now run 804 km, past their 800 km retirement distance"
# Insoles have no retirement distance: never a warning for them.
grep -q "insoles 'soles'" "$t/err" && fail "warned about insoles"
# Once past, not again.
nf run add 3 --date 2026-11-03 > "$t/out" 2> "$t/err"
[ ! -s "$t/err" ] || fail "warned twice: $(cat "$t/err")"
nf gear list > "$t/out"
has "$t/out" "807.0 km / 800 km"
has "$t/out" "retire"
nf gear list --json > "$t/out"
has "$t/out" '"wear": "retire"'

# Episodes: on the last run, then listed, edited.
nf episode add last --at 2 --where ball,toes_3_4 --side both --severity 3 > "$t/out"
has "$t/out" "added episode 1 on run 3"
nf episode list --json > "$t/out"
has "$t/out" '"run_id": 3'
has "$t/out" '"toes_3_4"'
nf episode edit 1 --severity 5 --no-cramp > "$t/out"
has "$t/out" "severity 5/10"
nf episode list --run 3 --json > "$t/out"
has "$t/out" '"calf_cramp_first": false'
nf episode edit 1 --severity 12 > "$t/out" 2> "$t/err" && fail "severity 12 accepted"
nf episode list --json > "$t/out"
has "$t/out" '"severity": 5'

# run list --json: the fields, ISO times, nulls.
nf run list --json > "$t/out"
has "$t/out" '"start_time": "2026-11-01T07:00:00Z"'
has "$t/out" '"shoes": "ghost"'
has "$t/out" '"cadence_spm": null'
has "$t/out" '"source_file": null'
python3 - "$t/out" <<'PY' || fail "run list --json is not the promised shape"
import json, sys
runs = json.load(open(sys.argv[1]))
assert len(runs) == 3, runs
need = {"id", "start_time", "distance_m", "moving_s", "elapsed_s", "cadence_spm", "stride_m",
        "temperature_c", "heart_rate_bpm", "shoes", "source_file"}
for r in runs:
    assert need <= set(r), need - set(r)
assert [r["distance_m"] for r in runs] == [3000, 5000, 4000]  # newest first
PY

# Edit a run: --time alone keeps the date; other shoes.
nf gear add spare --first-use 2026-10-01 > "$t/out"
nf run edit 1 --time 18:15 --shoes spare --notes "evening" > "$t/out"
nf run show 1 --json > "$t/out"
has "$t/out" '"start_time": "2026-11-01T18:15:00Z"'
has "$t/out" '"shoes": "spare"'
has "$t/out" '"notes": "evening"'
nf run edit 1 --shoes soles > "$t/out" 2> "$t/err" && fail "insoles accepted as shoes"
has "$t/err" "'soles' are insoles"
nf run show 3 > "$t/out"
has "$t/out" "numbness   episode 1 at 2.00 km, both feet, severity 5/10"

# Deleting a run deletes its episodes.
nf run delete 3 --yes > "$t/out"
nf episode list --json > "$t/out"
has "$t/out" "[]"

# Retire and default.
nf gear retire ghost --date 2026-11-05 > "$t/out"
has "$t/out" "retired shoes 'ghost' on 2026-11-05"
nf gear list > "$t/out"
grep -q ghost "$t/out" && fail "retired gear listed without --all"
nf gear list --all > "$t/out"
has "$t/out" "retired 2026-11-05"
nf gear default spare > "$t/out"
has "$t/out" "new runs now get shoes 'spare'"
nf gear default ghost > "$t/out" 2> "$t/err" && fail "retired gear made default"

# Import: the gear in service on the run's date assigned, duplicates skipped and named.
nf import tests/cli/data/journal/run.gpx > "$t/out"
has "$t/out" "imported 1 run"
nf run show 4 --json > "$t/out"
has "$t/out" '"shoes": "spare"'
has "$t/out" '"insoles": "soles"'
has "$t/out" '"source_file": "run.gpx"'
has "$t/out" '"cadence_unit": "spm"'
nf import tests/cli/data/journal/run.gpx > "$t/out" 2> "$t/err"
has "$t/out" "imported 0 runs, 1 already in the journal"
has "$t/err" "already in the journal as run"
# The folder's run.fit and run.tcx are run.gpx's run in two other formats: the same run.
nf import tests/cli/data/journal/folder --shoes none > "$t/out" 2> "$t/err"
has "$t/out" "imported 0 runs, 2 the same as a run from another file, 1 not a run"
has "$t/err" "run.tcx: the same run as run 4"

# Export.
nf export > "$t/out"
python3 - "$t/out" <<'PY' || fail "export JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["numbfoot_journal"] == 6
assert len(d["runs"]) == 3, len(d["runs"])
assert {g["nickname"] for g in d["gear"]} == {"ghost", "soles", "spare"}
PY
nf export --format csv > "$t/out"
[ "$(wc -l < "$t/out")" -eq 4 ] || fail "CSV has $(wc -l < "$t/out") lines, wanted 4"
has "$t/out" "evening"
echo ok
