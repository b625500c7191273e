# The case suite passes the contract's reference checker in strict mode, and numbfoot reads it.
set -eu
python3 ../shared/spec/validate_cases.py --strict cases
"$NUMBFOOT" eval cases > /dev/null
