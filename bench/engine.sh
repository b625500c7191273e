#!/bin/sh
# Engine benchmark: knowledge-base load, interview step, and the bare arithmetic side by side.
# Usage: sh bench/engine.sh [path/to/numbfoot]   (run from the repository root; make bench does)
set -eu
make -s build/bench/engine_bench
build/bench/engine_bench kb/vocabulary.json kb/numbfoot.json cases
