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
		for (size_t i = 0; i < q.n; i++) {
			nf_value v;
			if (nf_case_answer(c, q.finding[i], &v) == NF_ANSWERED)
				nf_engine_answer(e, q.finding[i], &v, NULL);
			else
				nf_engine_unknown(e, q.finding[i]);
		}
		nf_engine_count_screen(e);
		(*screens)++;
		*findings += q.n;
	}
}
