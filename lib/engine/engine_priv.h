/* Inside the engine: what advice.c and progress.c need from engine.c. Nothing here is exported. */
#ifndef NUMBFOOT_ENGINE_PRIV_H
#define NUMBFOOT_ENGINE_PRIV_H

#include <stdbool.h>

#include "kb/kb_impl.h"
#include "numbfoot/engine.h"

/* Whether every one of the n terms holds on the answers given (an unanswered term does not). */
bool engine_terms_hold(const nf_engine *e, const struct kb_rule_term *t, int n);
/* Whether one of u's alternatives holds in full on the answers given. */
bool engine_unless_holds(const nf_engine *e, const struct kb_unless *u);
/* The rule that sets condition c's level (the first rule reaching the highest level, the
 * condition's own before those for every cause), or NULL when c is at its own level. */
const struct kb_rule *engine_escalation(const nf_engine *e, size_t c);
/* Whether r is one of the rules for every cause (triage.escalate), not a condition's own. */
bool engine_every_cause(const nf_kb *kb, const struct kb_rule *r);
/* The first rule for every cause that holds and raises to level, or NULL. */
const struct kb_rule *engine_every_cause_rule(const nf_engine *e, nf_triage level);
/* The posterior of row r (a condition, or a further form of one: nf_kb.ncond rows). */
double engine_row_probability(nf_engine *e, size_t r);

#endif
