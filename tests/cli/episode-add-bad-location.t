# episode add refuses an unknown location before opening the journal
args: episode add 1 --where knee
exit: 2
err: unknown location 'knee'
