# kb show on an unknown condition lists the known ones
args: kb show gout
exit: 2
err: no condition 'gout'
err: shoe_compression
