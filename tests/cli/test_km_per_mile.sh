#!/bin/sh
# One kilometres-per-mile: NF_KM_PER_MILE (include/numbfoot/run.h) for the program and
# display.js's KM_PER_MILE for the pages' scripts: the served page's app.js and the site's
# site.js take it from display.js, and journal.js from app.js. The two agree, and the figure is
# written nowhere else in the program's or the pages' sources.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
c=$(sed -n 's/^#define NF_KM_PER_MILE \([0-9.]*\).*/\1/p' include/numbfoot/run.h)
page=$(sed -n 's/^ *const KM_PER_MILE = \([0-9.]*\);$/\1/p' web/static/display.js)
[ "$c" = 1.609344 ] || fail "NF_KM_PER_MILE is '$c'"
[ "$page" = "$c" ] || fail "display.js's KM_PER_MILE '$page' is not NF_KM_PER_MILE $c"
# site.js reads typed numbers with display.js's numberAnswer and no longer uses the figure; a
# page script that does takes it from display.js.
for js in web/static/app.js site/site.js; do
	grep -q KM_PER_MILE $js || continue
	grep -q 'const D = window.numbfootDisplay;' $js && grep -q 'KM_PER_MILE } = D;' $js ||
		fail "$js does not take KM_PER_MILE from display.js"
done
grep -q KM_PER_MILE web/static/app.js || fail "app.js does not take KM_PER_MILE"

grep -q 'KM_PER_MILE } = nf;' web/static/journal.js || fail "journal.js does not take KM_PER_MILE from app.js"
# Written once in each place: two lines in all (a test's own copy aside).
n=$(grep -rlE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
m=$(grep -rhE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
[ "$n" = 2 ] && [ "$m" = 2 ] || { grep -rnE '1\.60934|0\.62137' lib cli web include site; fail "the figure is written $m times in $n files, wanted 2 in 2"; }
echo ok
