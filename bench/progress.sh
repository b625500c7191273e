#!/bin/sh
# Progress benchmark: the estimate of the screens left against the count left, over the case suite.
# Usage: sh bench/progress.sh [path/to/numbfoot]   (run from the repository root; make bench does)
set -eu
make -s build/bench/progress_bench
build/bench/progress_bench kb/vocabulary.json kb/numbfoot.json cases
