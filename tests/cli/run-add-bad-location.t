# an unknown location is refused with the list of places, exit 2
args: run add 10 --numb-at 8 --where dorsum,ankle
exit: 2
err: unknown location 'ankle'
err: lateral_edge
