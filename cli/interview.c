#include "interview.h"

bool interview_must_stop(nf_engine *e)
{
	nf_triage_info ti;
	nf_engine_triage(e, &ti);
	return ti.red_flag_level == NF_EMERGENCY;
}

void interview_simulate(nf_engine *e, const nf_case *c, size_t *screens, size_t *findings)
{
	nf_question q;
	while (!interview_must_stop(e) && nf_engine_next(e, &q)) {
		nf_case_answer_screen(c, e, &q);
		(*screens)++;
		*findings += q.n;
	}
}
