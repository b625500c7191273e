# numbfoot's case reader accepts exactly what the contract's reference checker accepts:
# each file of tests/cli/data/reader is judged alone by both.
set -u
checker=../shared/spec/validate_cases.py
[ -f "$checker" ] || { echo "no $checker beside the repository"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad=0; n=0
for f in tests/cli/data/reader/*.json; do
	rm -f "$tmp"/*.json; cp "$f" "$tmp/"
	python3 "$checker" "$tmp" >/dev/null 2>&1; ref=$?
	"$NUMBFOOT" eval "$tmp" >/dev/null 2>&1; ours=$?
	# The checker exits 1 on a fault, eval 2; both 0 when the file is valid.
	if [ $ref -eq 0 ] && [ $ours -ne 0 ]; then echo "$f: checker accepts, numbfoot rejects"; bad=1; fi
	if [ $ref -ne 0 ] && [ $ours -ne 2 ]; then echo "$f: checker rejects, numbfoot exit $ours"; bad=1; fi
	case "$(basename "$f")" in
	ok-*) [ $ref -eq 0 ] || { echo "$f: expected valid"; bad=1; } ;;
	bad-*) [ $ref -ne 0 ] || { echo "$f: expected invalid"; bad=1; } ;;
	esac
	n=$((n + 1))
done
echo "$n files judged"
exit $bad
