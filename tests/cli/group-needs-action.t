# a group without an action says so and lists its actions, exit 2
args: run
exit: 2
err: 'run' needs an action:
err:   delete  delete a run and its episodes
