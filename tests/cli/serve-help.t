# serve --help names every option
args: serve --help
exit: 0
out: usage: numbfoot serve
out: --port N
out: --listen ADDR
out: --db PATH
out: --no-open
