# assessment delete of a missing id is a usage error naming it
args: assessment delete 7
exit: 2
err: no assessment with id 7
no-out: deleted
