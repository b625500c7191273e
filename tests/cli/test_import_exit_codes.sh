# A folder import that stores runs but refuses a file exits 3 (some files refused), not 2 (nothing
# changed); refusing every file that is not already stored exits 2; each message names a file as
# it was given (the folder before it), once.
. tests/cli/lib.sh
mkdir -p "$t/watch/sub"
cp tests/cli/data/journal/run.gpx "$t/watch/"
cp tests/cli/data/journal/broken.gpx "$t/watch/sub/"
cd "$t"
rc=0; nf import watch --db j.db > out 2> err || rc=$?
[ $rc -eq 3 ] || fail "stored one run, refused one file: exit $rc, not 3"
has out "imported 1 run, 1 failed (nothing written from it)"
has err "[1/2] watch/run.gpx"
has err "[2/2] watch/sub/broken.gpx"
has err "numbfoot: watch/sub/broken.gpx:1:"
rc=0; nf import watch --db j.db > out 2> err || rc=$?
[ $rc -eq 2 ] || fail "nothing new stored: exit $rc, not 2"
has err "numbfoot: skipped: watch/run.gpx: already in the journal as run 1"
# every message line names its file once, as given
for f in watch/run.gpx watch/sub/broken.gpx; do
	[ "$(grep -c -- "$f" err)" -eq 2 ] || { cat err; fail "$f not named once per message"; }
	! grep -q -- "$f.*$f" err || { cat err; fail "$f named twice in one line"; }
	! grep -q -- " $(basename $f):" err || { cat err; fail "$f also named by its base name"; }
done
nf import watch --db j.db --json > out 2> err || true
has out '"message": "watch/run.gpx: already in the journal as run 1"'
nf help > out
has out "3  import stored runs but refused some files"
echo ok
