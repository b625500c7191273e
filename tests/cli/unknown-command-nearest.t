# an unknown command names the nearest one (edit distance), exit 2
args: asess
exit: 2
err: unknown command 'asess' (did you mean assess?)
