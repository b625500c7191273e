# kb show lists each form of a mixture with its share and its own likelihoods
args: kb show central_neuro
exit: 0
out: form cord: Spinal cord pressure or blood-vessel fault (older adults), share 0.4
out: form ms: Multiple sclerosis (young adults, comes and goes), share 0.6
