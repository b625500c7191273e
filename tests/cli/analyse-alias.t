# 'analyse', the British spelling, runs analyze rather than being refused
args: analyse --now 2026-05-01
exit: 0
out: What your journal shows
no-out: did you mean
