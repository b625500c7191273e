# a level set by a small share of the probability (a nerve root with a new foot drop, the cauda equina signs not asked: an emergency at a few percent, where the dossier's own level is urgent) says why a few percent is acted on: the threshold and that a missed emergency costs far more than an unneeded visit
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/e12-root-foot-drop-share.json --no-save
exit: 0
out: Emergency: call emergency services
out: Small as it may be, that is at or above the 3% chance from which numbfoot advises this level: missing an emergency costs far more than an unneeded visit.
