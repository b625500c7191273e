# The case-file rules of docs/cases.md, one file each in tests/cli/data/reader: eval reads each
# file alone and must accept every ok-*.json with scores, and reject every bad-*.json with exit 2,
# no scores and exactly the one fault below, as FILE:LINE: KEY: message.
set -u
dir=tests/cli/data/reader
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad=0; n=0

# FILE|the fault eval must print (empty for a valid file)
rules() {
	cat <<'EOF'
ok-minimal.json|
ok-full.json|
ok-float-zero.json|
ok-null-answers.json|
bad-array.json|bad-array.json:1: (file): top level is not a JSON object
bad-dup-key.json|bad-dup-key.json:6: (json): duplicate object key near '"age"'
bad-nan.json|bad-nan.json:5: (json): invalid token near 'NaN'
bad-top-key.json|bad-top-key.json:8: notes: unknown key (allowed: id, source, mode, answers, expected)
bad-id.json|bad-id.json:2: id: missing or not a non-empty string
bad-empty-id.json|bad-empty-id.json:2: id: missing or not a non-empty string
bad-source.json|bad-source.json:3: source: not a string
bad-mode.json|bad-mode.json:3: mode: must be "runner" or "clinician"
bad-no-answers.json|bad-no-answers.json:1: answers: missing or not an object
bad-unknown-finding.json|bad-unknown-finding.json:5: answers.toe_colour: unknown finding ID
bad-runner-exam.json|bad-runner-exam.json:4: answers.exam_slr: clinician finding in a runner-mode case
bad-bool-type.json|bad-bool-type.json:4: answers.diabetes: type bool wants true or false
bad-number-bool.json|bad-number-bool.json:4: answers.age: type number wants a JSON number
bad-negative.json|bad-negative.json:4: answers.age: number -1 is negative
bad-past-range.json|bad-past-range.json:4: answers.age: number 1e+308 is outside 0 to 120 years, the answers a person can give
bad-past-range-km.json|bad-past-range-km.json:4: answers.weekly_km: number 1000.5 is outside 0 to 1000 km, the answers a person can give
bad-enum.json|bad-enum.json:4: answers.sex: not one of the values of sex
bad-set-type.json|bad-set-type.json:4: answers.location: type set wants an array
bad-set-value.json|bad-set-value.json:4: answers.location: moon is not one of the values of location
bad-set-repeat.json|bad-set-repeat.json:4: answers.location: set repeats a value
bad-expected-type.json|bad-expected-type.json:4: expected: missing or not an object
bad-expected-key.json|bad-expected-key.json:7: expected.why: unknown key (allowed: condition, acceptable, triage)
bad-no-condition.json|bad-no-condition.json:4: expected.condition: missing (use null when the cause is outside the vocabulary)
bad-unknown-condition.json|bad-unknown-condition.json:5: expected.condition: unknown condition ID
bad-acceptable-type.json|bad-acceptable-type.json:6: expected.acceptable: not an array
bad-acceptable-unknown.json|bad-acceptable-unknown.json:6: expected.acceptable: unknown condition ID
bad-acceptable-dup.json|bad-acceptable-dup.json:6: expected.acceptable: an ID repeats
bad-acceptable-repeat.json|bad-acceptable-repeat.json:6: expected.acceptable: repeats expected.condition
bad-no-triage.json|bad-no-triage.json:4: expected.triage: missing
bad-triage.json|bad-triage.json:6: expected.triage: unknown triage level
EOF
}

# judge DIR FAULT NAME: eval DIR alone; FAULT empty means it must pass.
judge() {
	"$NUMBFOOT" eval "$1" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	sed -i "s|^$1/||" "$tmp/err"
	faults=$(grep -c '^[^:]*\.json:[0-9]*: ' "$tmp/err")
	if [ -z "$2" ]; then
		[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '1 cases' "$tmp/out" && return 0
		echo "$3: valid file rejected (exit $rc)"
	elif [ $rc -ne 2 ] || [ -s "$tmp/out" ]; then
		echo "$3: exit $rc, wanted 2 and no scores"
	elif [ "$faults" -ne 1 ] || ! awk -v w="$2" 'index($0, w) == 1 { f = 1 } END { exit !f }' "$tmp/err"; then
		echo "$3: wanted the one fault: $2"
	else
		return 0
	fi
	echo "---- stderr"; cat "$tmp/err"
	return 1
}

while IFS='|' read -r file fault; do
	n=$((n + 1))
	[ -f "$dir/$file" ] || { echo "$dir/$file: missing"; bad=1; continue; }
	case "$file" in
	ok-*) [ -z "$fault" ] || { echo "$file: an ok- file expects no fault"; bad=1; } ;;
	bad-*) [ -n "$fault" ] || { echo "$file: a bad- file expects a fault"; bad=1; } ;;
	esac
	rm -rf "$tmp/one"; mkdir "$tmp/one"; cp "$dir/$file" "$tmp/one/"
	judge "$tmp/one" "$fault" "$file" || bad=1
done <<EOF
$(rules)
EOF

# Every file in the folder has its rule above.
for f in "$dir"/*.json; do
	rules | grep -q "^$(basename "$f")|" || { echo "$f: no rule in $0"; bad=1; }
done

# Two files of one folder never share an id; the later one (by name) is named.
rm -rf "$tmp/one"; mkdir "$tmp/one"
cp "$dir/ok-full.json" "$tmp/one/a.json"; cp "$dir/ok-full.json" "$tmp/one/b.json"
judge "$tmp/one" "b.json:1: id: same id as $tmp/one/a.json" "two files with one id" || bad=1

# A fault in one file gives no scores for the others either (a suite is never half-read).
rm -rf "$tmp/one"; mkdir "$tmp/one"
cp "$dir/ok-full.json" "$dir/ok-minimal.json" "$dir/bad-triage.json" "$tmp/one/"
"$NUMBFOOT" eval "$tmp/one" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && [ ! -s "$tmp/out" ] || { echo "a suite with one bad file: exit $rc, wanted 2 and no scores"; bad=1; }

echo "$n case files judged"
exit $bad
