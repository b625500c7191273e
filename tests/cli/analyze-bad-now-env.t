# a clock from the environment that is not a time names the variable, not the option
args: analyze
env: NUMBFOOT_NOW=yesterday
exit: 2
err: $NUMBFOOT_NOW: 'yesterday' is not a time
no-out: What your journal shows
