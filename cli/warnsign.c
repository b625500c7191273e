/* The warning sign an episode just recorded can be: numbness whose feeling took hours to come back,
 * or had not come back when it was logged, on a run of the last days (nf_episode_not_settled).
 * run add and episode add say it at once, in the knowledge base's words for the finding
 * not_settled_hours (the red flag's "says"), as the assessment says them: a runner who logs six
 * hours of numbness should not have to start an assessment to hear "be seen within 48 hours". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "paths.h"
#include "numbfoot/analyze.h"
#include "numbfoot/kb.h"

bool cli_not_settled(const struct cli_args *a, const nf_episode *e, int64_t run_start, struct cli_sign *out)
{
	int64_t now;
	memset(out, 0, sizeof *out);
	if (!cli_clock(a, &now) || !nf_episode_not_settled(e, run_start, now))
		return false;
	nf_kb *kb = NULL;
	if (cli_load_kb(a, &kb) != CLI_EXIT_OK)
		return false;
	int level = nf_episode_sign(kb, e, run_start, now, cli_miles(a) ? NF_UNITS_MI : NF_UNITS_KM, out->says,
				    sizeof out->says);
	nf_kb_free(kb);
	if (level < 0)
		return false;
	snprintf(out->level, sizeof out->level, "%s", nf_triage_id((nf_triage)level));
	out->recover_min = e->recover_min;
	out->not_back = e->not_back;
	out->run_start = run_start;
	return true;
}

json_t *cli_sign_json(const struct cli_sign *s, const nf_episode *e)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:o, s:b}", "finding", "not_settled_hours", "level", s->level, "says",
			 s->says, "episode_id", (json_int_t)e->id, "recover_min",
			 isfinite(s->recover_min) ? json_real(s->recover_min) : json_null(), "not_back", s->not_back);
}

void cli_sign_print(const struct cli_sign *s)
{
	char day[32], took[32];
	cli_format_local(s->run_start, day, sizeof day);
	FILE *out = cli_wrap_open(stdout);
	if (s->not_back) {
		fprintf(out, "Warning sign: feeling had not come back after the run of %s. %s\n", day, s->says);
		cli_wrap_close(out, stdout);
		return;
	}
	if (fmod(s->recover_min, 60) == 0)
		snprintf(took, sizeof took, "%.0f hours", s->recover_min / 60);
	else
		snprintf(took, sizeof took, "%.1f hours", s->recover_min / 60);
	fprintf(out, "Warning sign: feeling took %s to come back after the run of %s. %s\n", took, day, s->says);
	cli_wrap_close(out, stdout);
}
