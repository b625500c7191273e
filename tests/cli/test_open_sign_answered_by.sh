# A warning sign the other answers already answer is not listed as open: a stated recovery time
# (or numbness that goes away on stopping) answers "not back to normal hours later"; without
# either, the sign is listed.
set -eu
signs() {
	"$NUMBFOOT" assess --answers "$1" --no-save --json | python3 -c '
import json, sys
print(" ".join(s["finding"] for s in json.load(sys.stdin)["triage"]["open_signs"]))'
}
f=tests/cli/data/advice-probes/sole-settles-40min.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
with=$(signs "$f")
case " $with " in *" not_settled_hours "*) echo "listed though 40 minutes was answered: $with"; exit 1 ;; esac
case " $with " in *" saddle_numbness "*) ;; *) echo "other signs missing: $with"; exit 1 ;; esac
python3 -c '
import json, sys
c = json.load(open(sys.argv[1])); del c["answers"]["resolve_minutes"]
json.dump(c, open(sys.argv[2] + "/none.json", "w"))
c["answers"]["resolves_on_stopping"] = True
json.dump(c, open(sys.argv[2] + "/goes.json", "w"))' "$f" "$tmp"
without=$(signs "$tmp/none.json")
case " $without " in *" not_settled_hours "*) ;; *) echo "not listed with no recovery answer: $without"; exit 1 ;; esac
goes=$(signs "$tmp/goes.json")
case " $goes " in *" not_settled_hours "*) echo "listed though it goes away on stopping: $goes"; exit 1 ;; esac
