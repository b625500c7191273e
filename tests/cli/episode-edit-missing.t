# episode edit of a missing episode
args: episode edit 4 --severity 3
exit: 2
err: no episode with id 4
