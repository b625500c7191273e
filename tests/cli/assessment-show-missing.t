# assessment show of a missing id is a usage error naming it
args: assessment show 7
exit: 2
err: no assessment with id 7
