# a GPX time without a zone is taken as UTC, with one warning naming the line (it was silent, and a local-time writer's run landed hours off)
args: import tests/cli/data/import/no-zone.gpx
exit: 0
out: imported 1 run
err: no-zone.gpx:3: <time> "2025-03-19T08:00:00" has no time zone: taken as UTC
