# signs answered one by one on the second warning screen before the input ends are kept, not listed as not asked
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/pipe-eof-each.txt
exit: 0
out: The input ended before the last question
out:   - new breathlessness, chest pain or coughing blood
no-out:   - cola-coloured urine with severe muscle pain
no-out:   - severe muscle pain and swelling, or muscles too weak
