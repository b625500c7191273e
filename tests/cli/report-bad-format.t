# report refuses a file name that names no format
args: report -o notes.txt
exit: 2
err: must end in .pdf or .html
