#!/bin/sh
# A folder given where a file is wanted (a case file, a knowledge base, the journal, a report to
# write) is bad input like any other: "is a folder, not a file", exit 2, nothing written, rather
# than "read error" or "cannot write" with exit 1 as if the disk had failed. import of a folder
# is allowed (it reads the files in it) and is not changed.
. tests/cli/lib.sh
mkdir "$t/dir" "$t/r.html" "$t/r.pdf"
nf gear add peg > /dev/null
snapshot
refused "$t/dir: is a folder, not a file" assess --answers "$t/dir"
refused "$t/dir/: is a folder, not a file" assess --answers "$t/dir/" --json
refused "$t/dir: is a folder, not a file" assess --kb "$t/dir" --answers tests/cli/data/laces.json
refused "$t/dir: is a folder, not a file" kb check --kb "$t/dir"
refused "$t/dir: is a folder, not a file" eval --kb "$t/dir" tests/cli/data/badcases
refused "report: $t/r.html: is a folder, not a file" report -o "$t/r.html"
refused "report: $t/r.pdf: is a folder, not a file" report -o "$t/r.pdf"
refused "--db: $t/dir: is a folder, not a file" run list --db "$t/dir"
refused "--db: $t/dir: is a folder, not a file" run add 10 --db "$t/dir"
rc=0
NUMBFOOT_KB="$t/dir" nf assess --answers tests/cli/data/laces.json > /dev/null 2> "$t/err" || rc=$?
[ "$rc" = 2 ] || fail "NUMBFOOT_KB a folder: exit $rc, wanted 2"
has "$t/err" "is a folder, not a file"
[ -z "$(find "$t/r.html" "$t/r.pdf" -mindepth 1)" ] || fail "something was written into the folders"
# A folder is what import reads.
rc=0
nf import "$t/dir" > "$t/out" 2> "$t/err" || rc=$?
lacks "$t/err" "is a folder"
echo ok
