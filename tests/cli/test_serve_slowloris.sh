# Slowloris: 600 connections each trickling a header line, a new one a second, never finishing.
# The server closes the oldest beyond 64 still receiving, so a normal request is answered within
# a second while the trickle goes on (tests/cli/slow_clients.py).
. tests/cli/lib.sh
serve
python3 tests/cli/slow_clients.py "$url" headers
