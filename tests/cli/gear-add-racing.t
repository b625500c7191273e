# gear add --racing retires racing shoes at 400 km
args: gear add flyer --racing
out: retire at 400 km
