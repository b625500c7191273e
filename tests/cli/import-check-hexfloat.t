# a latitude written as a hex float is not a number
args: import tests/cli/data/import/hex-latitude.gpx
exit: 2
err: hex-latitude.gpx:7: trkpt lat="0x1.9c0000p+5" is not a coordinate
