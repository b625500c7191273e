# Slowloris in the body: 600 connections each sending whole headers of a GET / (no token needed)
# that declare a body, then a byte of it a second, never finishing. The server closes the oldest
# beyond 64 still receiving, so a normal request is answered within a second while the trickle
# goes on; they locked every client out while their bodies lasted (tests/cli/slow_clients.py).
. tests/cli/lib.sh
serve
python3 tests/cli/slow_clients.py "$url" body
