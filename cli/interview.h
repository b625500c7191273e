/* The simulated person of `eval --interview`, shared so that the terminal and the evaluation ask
 * in the same screens. */
#ifndef NUMBFOOT_CLI_INTERVIEW_H
#define NUMBFOOT_CLI_INTERVIEW_H

#include "numbfoot/case.h"
#include "numbfoot/engine.h"

/* True when the answers so far call for emergency care by a red flag: the interview stops there
 * and shows the result at once. */
bool interview_must_stop(nf_engine *e);

/* Runs the engine's interview against a case: each finding the engine asks is answered from the
 * case, or "don't know" where the case is silent. Adds the screens and findings asked. */
void interview_simulate(nf_engine *e, const nf_case *c, size_t *screens, size_t *findings);

#endif
