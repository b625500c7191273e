# stopping before any answer gives no ranking made of priors alone, but the emergency advice
args: assess
exit: 0
out: nothing to assess yet
out: get emergency care now
no-out: Most likely causes
