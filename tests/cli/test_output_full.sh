# Output that cannot be written (/dev/full) makes every command fail with a message, whatever it
# printed: assess, kb check, eval, help, run list, export.
. tests/cli/lib.sh
[ -w /dev/full ] || { echo "no /dev/full here"; exit 0; }
check() {
	if "$NUMBFOOT" "$@" >/dev/full 2>"$t/err"; then
		fail "'numbfoot $*' > /dev/full exited 0"
	fi
	has "$t/err" "writing the output failed"
}
check assess --answers cases/shoe-race-day-laces-man.json --json
check assess --answers cases/shoe-race-day-laces-man.json
check kb check
check eval cases
check help
nf run add 5 >/dev/null
check run list --json
check export --format csv
