# gear list on an empty journal says how to add gear
args: gear list
out: no gear yet
