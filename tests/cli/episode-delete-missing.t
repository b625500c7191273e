# episode delete of a missing episode
args: episode delete 4
exit: 2
err: no episode with id 4
