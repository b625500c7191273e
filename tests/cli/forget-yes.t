# forget --all --yes empties the journal
args: forget --all --yes
out: forgot everything in
