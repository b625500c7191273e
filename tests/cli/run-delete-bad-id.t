# run delete needs a numeric id
args: run delete abc
exit: 2
err: RUN: 'abc' is not an id
