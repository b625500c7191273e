# assessment delete needs a numeric id
args: assessment delete last
exit: 2
err: ID: 'last' is not an id
