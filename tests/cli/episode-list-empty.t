# episode list on an empty journal
args: episode list
out: no episodes
