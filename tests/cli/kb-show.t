# kb show prints a condition with its prior, plan and sourced likelihoods
args: kb show cecs
exit: 0
out: cecs: Chronic exertional compartment syndrome
out: prior
out: findings with their own likelihood
