# forget --all --yes where there is no journal (a first run, or a mistyped --db) creates none and does not say "forgot everything": it says there is nothing to forget, exit 2
args: forget --all --yes
exit: 2
err: journal.db: no journal there: nothing to forget
no-out: forgot everything
