# report --help says what the report holds now: routes with --gps, page one's content; not that
# GPS tracks are not stored
args: report --help
env: COLUMNS=1000
out: The routes of runs are left out unless --gps adds those of
out: the runner's age and sex, whether the assessment was complete
no-out: not stored
