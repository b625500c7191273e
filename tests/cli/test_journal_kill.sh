#!/bin/sh
# kill -9 during import leaves a journal that passes integrity_check and holds whole runs only.
exec sh tests/fault/kill_import.sh "$NUMBFOOT" 6
