# The library exports only the public API: every defined global symbol starts with nf_.
set -u
so=build/libnumbfoot.so
[ -f "$so" ] || { echo "$so missing (make all builds it)"; exit 1; }
bad=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRV]$/ {print $3}' | grep -v '^nf_' | grep -v '^_' || true)
if [ -n "$bad" ]; then echo "exported without the nf_ prefix:"; echo "$bad"; exit 1; fi
nm -D --defined-only "$so" | grep -q ' T nf_engine_next$' || { echo "nf_engine_next is not exported"; exit 1; }
