# assessment list on an empty journal says so
args: assessment list
exit: 0
out: no assessments yet
