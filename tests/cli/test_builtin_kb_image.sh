# The built-in knowledge base loads from its compiled image (lib/kb/image.c); the same knowledge
# base read from its JSON with --kb gives every case the same ranking, probabilities, triage and
# interview, on the curated suite and the held-out ones.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for suite in cases cases-sparse cases-atypical cases-selfcare; do
	for mode in "" --interview; do
		"$NUMBFOOT" eval $mode --json "$suite" > "$tmp/image.json"
		"$NUMBFOOT" eval $mode --json --kb kb/numbfoot.json "$suite" > "$tmp/json.json"
		cmp "$tmp/image.json" "$tmp/json.json" || { echo "eval $mode $suite differs"; exit 1; }
	done
done
