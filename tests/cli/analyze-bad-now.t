# a clock that is not a time is a usage error
args: analyze --now yesterday
exit: 2
err: --now: 'yesterday' is not a time
