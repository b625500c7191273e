# a folder's .fit.gz and .tcx.gz files are found and imported, not silently ignored
args: import tests/cli/data/import/gzfolder
exit: 0
err: [1/2] tests/cli/data/import/gzfolder/fenix5.fit.gz
err: [2/2] tests/cli/data/import/gzfolder/sub/no_hr.tcx.gz
out: imported 2 runs
