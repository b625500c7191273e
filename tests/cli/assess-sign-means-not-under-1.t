# what a warning sign can mean leaves out causes under 1% (a cold, pale foot at 67 with new weakness: acute limb ischaemia leads by far, and "sciatica" at under 1% named as what the weakness means read as an explanation)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/cold-foot-weak-older.json --no-save
exit: 0
out: Emergency: call emergency services
out: the warning sign can mean: Acute limb ischaemia or Stroke or mini-stroke (TIA). The causes below
no-out: can mean: Acute limb ischaemia, Stroke or mini-stroke (TIA) or
