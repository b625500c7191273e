#!/bin/sh
# One kilometres-per-mile: NF_KM_PER_MILE (include/numbfoot/run.h) for the program, display.js's
# KM_PER_MILE for the served page's scripts (app.js takes it from display.js, journal.js from
# app.js), and the site's own copy in site/site.js. The three agree, and the figure is written
# nowhere else in the program's or the pages' sources.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
c=$(sed -n 's/^#define NF_KM_PER_MILE \([0-9.]*\).*/\1/p' include/numbfoot/run.h)
page=$(sed -n 's/^ *const KM_PER_MILE = \([0-9.]*\);$/\1/p' web/static/display.js)
site=$(sed -n 's/^ *const KM_PER_MI = \([0-9.]*\);$/\1/p' site/site.js)
[ "$c" = 1.609344 ] || fail "NF_KM_PER_MILE is '$c'"
[ "$page" = "$c" ] || fail "display.js's KM_PER_MILE '$page' is not NF_KM_PER_MILE $c"
[ "$site" = "$c" ] || fail "site.js's KM_PER_MI '$site' is not NF_KM_PER_MILE $c"
grep -q 'KM_PER_MILE } = D;' web/static/app.js || fail "app.js does not take KM_PER_MILE from display.js"
grep -q 'KM_PER_MILE } = nf;' web/static/journal.js || fail "journal.js does not take KM_PER_MILE from app.js"
# Written once in each place: three lines in all (a test's own copy aside).
n=$(grep -rlE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
m=$(grep -rhE '1\.60934|0\.62137' lib cli web include site --include='*.c' --include='*.h' --include='*.js' | wc -l)
[ "$n" = 3 ] && [ "$m" = 3 ] || { grep -rnE '1\.60934|0\.62137' lib cli web include site; fail "the figure is written $m times in $n files, wanted 3 in 3"; }
echo ok
