#!/bin/sh
# One kilometres-per-mile: NF_KM_PER_MILE (include/numbfoot/run.h) for the program and
# display.js's KM_PER_MILE for the pages' scripts: the served page's app.js takes it from
# display.js, journal.js from app.js, and the site's site.js converts through display.js's
# numberAnswer. The two agree, and the figure is
# written nowhere else in the program's or the pages' sources.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
c=$(sed -n 's/^#define NF_KM_PER_MILE \([0-9.]*\).*/\1/p' include/numbfoot/run.h)
page=$(sed -n 's/^ *const KM_PER_MILE = \([0-9.]*\);$/\1/p' web/static/display.js)
[ "$c" = 1.609344 ] || fail "NF_KM_PER_MILE is '$c'"
[ "$page" = "$c" ] || fail "display.js's KM_PER_MILE '$page' is not NF_KM_PER_MILE $c"
grep -q 'const D = window.numbfootDisplay;' web/static/app.js && grep -q 'KM_PER_MILE } = D;' web/static/app.js ||
	fail "web/static/app.js does not take KM_PER_MILE from display.js"
# The site reads a typed distance with display.js's numberAnswer, and converts nothing itself.
grep -q 'const D = window.numbfootDisplay;' site/site.js && grep -q 'D.numberAnswer(' site/site.js ||
	fail "site/site.js does not read numbers with display.js's numberAnswer"
! grep -q 'KM_PER_MILE' site/site.js || fail "site/site.js converts miles itself"
grep -q 'KM_PER_MILE } = nf;' web/static/journal.js || fail "journal.js does not take KM_PER_MILE from app.js"
# Written once in each place: two lines in all (a test's own copy aside).
n=$(grep -rlE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
m=$(grep -rhE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
[ "$n" = 2 ] && [ "$m" = 2 ] || { grep -rnE '1\.60934|0\.62137' lib cli web include site; fail "the figure is written $m times in $n files, wanted 2 in 2"; }
echo ok
