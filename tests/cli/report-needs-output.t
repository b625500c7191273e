# report without -o says where to write it
args: report
exit: 2
err: -o FILE.pdf or -o FILE.html
