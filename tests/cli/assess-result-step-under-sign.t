# the next step a result in hand gives is kept under the sign that raised the cause: a foot that slaps, with nerve studies showing the fibular nerve caught, gave only "be seen within 48 hours ... early assessment protects it", as if the studies were still to do
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/fibular-block-foot-drop.json --no-save
exit: 0
out: Urgent: to be seen by a sports-medicine doctor within 24 to 48 hours
out: First: Stop running and be seen by a sports-medicine doctor within 48 hours
out: If it is Fibular (peroneal) nerve entrapment:
out: The nerve studies show the fibular nerve affected: see a sports-medicine doctor or neurologist about where it is caught
no-out: See a sports-medicine doctor or neurologist for nerve studies
