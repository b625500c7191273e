# numb toes in tight shoes, worse in the cold: the shoe plan makes room for warm socks, and no step tells the runner to wear thinner socks beside the cold plan's thicker ones
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/tight-shoes-winter-socks.json --no-save
exit: 0
out: thicker (but not tight) socks with room in the shoe
out: choose a wider model or a half size up that takes warm socks without pressing
no-out: with thinner socks.
no-out: Try thinner socks
