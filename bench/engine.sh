#!/bin/sh
# Engine benchmark: knowledge-base load (JSON and compiled image), interview step, and their peers
# (jansson's parse, the bare arithmetic of the look-ahead) side by side.
# Usage: sh bench/engine.sh [path/to/numbfoot]   (run from the repository root; make bench does)
set -eu
make -s build/bench/engine_bench build/kb/numbfoot.kbi
build/bench/engine_bench kb/vocabulary.json kb/numbfoot.json cases build/kb/numbfoot.kbi
