# spaces before the XML declaration (a Polar export) are no reason to refuse a file
args: import tests/cli/data/import/polar-spaces.tcx
exit: 0
out: imported 1 run
