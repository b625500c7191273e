/* The assessment result in words, for a terminal or a pipe. */
#ifndef NUMBFOOT_CLI_RENDER_H
#define NUMBFOOT_CLI_RENDER_H

#include <stdio.h>

#include "numbfoot/engine.h"
#include "numbfoot/interview.h"

/* Writes the answer to finding f as a person would read it ("yes", "12 km", "the top of the foot"). */
void render_answer(const nf_kb *kb, size_t f, const nf_value *v, bool miles, char *buf, size_t cap);
/* A probability as a person should read it, into buf (returned): never 100% or 0%, the model is
 * not that sure. */
const char *render_percent(double p, char *buf, size_t cap);
/* Prints the result of iv's answers: triage, the warning signs not asked, ranked causes with bars
 * and reasons, plan, whom to see, disclaimer. */
void render_result(FILE *out, nf_interview *iv, bool color, bool miles);

#endif
