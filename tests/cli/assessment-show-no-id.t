# assessment show without an id says what to give
args: assessment show
exit: 2
err: give one assessment ID
