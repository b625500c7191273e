# gear list --why gives the source of the retirement distances
args: gear list --why
out: replace by about 800 km
out: section 4.2
out: no data on how they wear
