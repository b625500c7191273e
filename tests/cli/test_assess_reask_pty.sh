# On a terminal an answer that cannot be read is said why and asked again (a person is there to
# retype it): the same lines that are an error when piped (assess-number-*.t, assess-blank-*.t).
set -eu
command -v script >/dev/null || { echo "script (util-linux) missing"; exit 1; }
out=$(mktemp); home=$(mktemp -d); trap 'rm -f "$out"; rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" NO_COLOR=1 COLUMNS=1000
data=tests/cli/data
# typed: the lines of file, each with Enter, on a pseudo-terminal; then each text must be shown.
typed() {
	file=$1; shift
	{ sleep 0.5; tr '\n' '\r' < "$file"; sleep 2; } |
		TERM=dumb script -qec "$NUMBFOOT assess --no-save" /dev/null > "$out" 2>&1 || true
	for want in "$@"; do
		grep -aqF -- "$want" "$out" || { echo "FAIL $file: no '$want'"; tail -30 "$out"; exit 1; }
	done
}
typed $data/blank-then-redflag.txt "Nothing typed: type the numbers of those that apply" \
	"STOP RUNNING AND GET EMERGENCY CARE NOW"
typed $data/number-past-range.txt "Please type a number from 0 to 120 years." \
	"Please type a number from 0 to 500 km." "Please type a number from 0 to 310 miles." \
	"age: 34 years" "distance into a run at which it usually starts: 3 km"
# An age under 12 is said back and kept when typed again; another age is taken at once.
typed $data/age-child-kept.txt "An age of 1 year? numbfoot's figures come from teenagers and adults" \
	"An age of 8 years?" "age: 8 years"
typed $data/age-child-retyped.txt "An age of 1 year?" "Please type a number from 0 to 120 years." "age: 34 years"
typed $data/hex-then-comma-minutes.txt "Please type a number (0 or more), or a range such as 20-30." \
	"minutes after stopping until feeling is normal again: 12.5"
typed $data/range-refused.txt "Please type a number (0 or more), or a range such as 20-30." \
	"A range goes from the smaller number to the larger: 20-30." "Taken as 15, the middle of the range." \
	"minutes after stopping until feeling is normal again: 15 minutes"
typed $data/distance-shorthand.txt "A range goes from the smaller number to the larger: 3-9." \
	"Please type a distance (0 or more), such as 5, 5k, 3 mi or 800-900 m." \
	"distance into a run at which it usually starts: 5 km"
typed $data/choices-by-word-ambiguous.txt "Please type the numbers of all that apply, from 1 to 12, for example 2 5"
echo ok
