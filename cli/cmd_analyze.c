/* numbfoot analyze: what the journal shows: derived findings with their evidence, what more to
 * log, and training facts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "numbfoot/analyze.h"
#include "paths.h"

bool cli_clock(const struct cli_args *a, int64_t *now)
{
	const char *s = cli_opt(a, "now");
	const char *from = "--now";
	if (!s || !*s) {
		s = getenv("NUMBFOOT_NOW");
		from = "$NUMBFOOT_NOW";
	}
	if (!s || !*s) {
		*now = (int64_t)time(NULL);
		return true;
	}
	nf_error err = {0};
	if (nf_moment_parse(s, now, &err)) {
		cli_errorf("%s: %s", from, err.msg);
		return false;
	}
	return true;
}

static void print_text(FILE *out, const nf_analysis *an)
{
	size_t n = nf_analysis_findings(an);
	char when[24];
	nf_time_iso(nf_analysis_now(an), when, sizeof when);
	fprintf(out, "What your journal shows (as of %s)\n", when);
	if (!n)
		fputs("  Nothing yet: the journal does not hold enough to derive any finding.\n", out);
	for (size_t i = 0; i < n; i++) {
		const nf_derived *d = nf_analysis_finding(an, i);
		if (d->is_places) {
			const char *sep = " ";
			fprintf(out, "  %-22s", d->id);
			for (int k = 0; k < NF_LOCATION_COUNT; k++)
				if (d->places >> k & 1) {
					fprintf(out, "%s%s", sep, nf_location_name(k));
					sep = ", ";
				}
			fputc('\n', out);
		} else if (d->choice)
			fprintf(out, "  %-22s %s\n", d->id, d->choice);
		else if (d->is_km && nf_analysis_units(an) == NF_UNITS_MI)
			/* In the unit of the evidence under it, as assess gives the answer (render_answer). */
			fprintf(out, "  %-22s %.3g mi\n", d->id, d->x / NF_KM_PER_MILE);
		else if (d->is_number)
			fprintf(out, "  %-22s %g\n", d->id, d->x);
		else if (d->open) /* as assess shows it: the interview still asks it */
			fprintf(out, "  %-22s %s\n", d->id, "left open: no difference seen, which settles nothing");
		else
			fprintf(out, "  %-22s %s\n", d->id, d->b ? "yes" : "no");
		fprintf(out, "  %-22s   %s (%d run%s, %d episode%s)\n", "", cli_text(d->evidence), d->runs, d->runs == 1 ? "" : "s",
		       d->episodes, d->episodes == 1 ? "" : "s");
	}
	if (nf_analysis_needs(an)) {
		fputs("\nWhat more to log\n", out);
		for (size_t i = 0; i < nf_analysis_needs(an); i++)
			fprintf(out, "  - %s\n", cli_text(nf_analysis_need(an, i)));
	}
	const nf_training *t = nf_analysis_training(an);
	bool mi = nf_analysis_units(an) == NF_UNITS_MI;
	double f = mi ? 1 / NF_KM_PER_MILE : 1;
	const char *u = mi ? "mi" : "km";
	fputs("\nTraining\n", out);
	char first[24];
	nf_time_day(t->record_start, first, sizeof first);
	if (isfinite(t->week_km_recent) && isfinite(t->week_km_before))
		fprintf(out, "  weekly distance: %.1f %s over the last 4 weeks, %.1f %s the 4 before%s", t->week_km_recent * f,
		       u, t->week_km_before * f, u, isfinite(t->week_change_pct) ? "" : "\n");
	else if (isfinite(t->week_km_recent))
		fprintf(out, "  weekly distance: %.1f %s over the last 4 weeks (the record begins on %s: too short a record for the 4 weeks before)\n",
		       t->week_km_recent * f, u, first);
	else if (isfinite(t->km_recent) && *first)
		fprintf(out, "  distance: %.1f %s logged since %s (too short a record for a weekly figure)\n",
		       t->km_recent * f, u, first);
	if (isfinite(t->week_change_pct))
		fprintf(out, " (%+.0f%%)\n", t->week_change_pct);
	if (isfinite(t->cadence_spm))
		fprintf(out, "  cadence: %.0f steps per minute (median of the last %d runs with one)\n", t->cadence_spm,
		       t->cadence_runs);
	if (isfinite(t->stride_m))
		fprintf(out, "  stride length: %.2f m\n", t->stride_m);
	size_t ng;
	const nf_an_gear *g = nf_analysis_gear(an, &ng);
	for (size_t i = 0; i < ng; i++) {
		if (isfinite(g[i].gear.retire_km))
			fprintf(out, "  %s '%s': %.0f of %.0f %s (%s), %d runs, %d with numbness\n", nf_gear_kind_name(g[i].gear.kind),
			       cli_text(g[i].gear.nickname), g[i].gear.used_km * f, g[i].gear.retire_km * f, u,
			       nf_wear_name(g[i].wear), g[i].runs_logged, g[i].episode_runs);
		else
			fprintf(out, "  %s '%s': %.0f %s, %d runs\n", nf_gear_kind_name(g[i].gear.kind), cli_text(g[i].gear.nickname),
			       g[i].gear.used_km * f, u, g[i].runs_logged);
	}
	if (nf_analysis_advice(an)) {
		fputs("\nFrom your data\n", out);
		for (size_t i = 0; i < nf_analysis_advice(an); i++)
			fprintf(out, "  - %s\n", cli_text(nf_analysis_advice_text(an, i)));
	}
}

static int run_analyze(const struct cli_args *a)
{
	nf_journal *j = NULL;
	nf_analysis *an = NULL;
	nf_error err = {0};
	int64_t now;
	if (a->npos) {
		cli_errorf("analyze: unexpected argument '%s'", a->pos[0]);
		return CLI_EXIT_USAGE;
	}
	if (!cli_clock(a, &now))
		return CLI_EXIT_USAGE;
	int rc = cli_journal_open_existing(a, &j, "nothing to analyse yet");
	if (rc)
		return rc;
	if (nf_analyze_in(j, now, cli_miles(a) ? NF_UNITS_MI : NF_UNITS_KM, &an, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	if (cli_flag(a, "json")) {
		char *text = nf_analysis_json(an);
		if (!text) {
			cli_errorf("analyze: out of memory");
			rc = CLI_EXIT_FAIL;
			goto out;
		}
		puts(text);
		free(text);
	} else {
		FILE *out = cli_wrap_open(stdout);
		print_text(out, an);
		cli_wrap_close(out, stdout);
	}
	rc = CLI_EXIT_OK;
out:
	nf_analysis_free(an);
	nf_journal_close(j);
	return rc;
}

static const struct cli_option analyze_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"now", "TIME", "the clock and the data's cut-off (runs after it are left out): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default $NUMBFOOT_NOW, else now)"},
	{"miles", NULL, "distances in words in miles (also the default with units = mi in the config)"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_analyze = {
	.name = "analyze",
	.alias = "analyse",
	.args = "",
	.summary = "what the journal shows: findings derived from your runs and episodes",
	.description =
		"Reads the runs, episodes and gear in the journal and derives, where the data are enough, the "
		"answers to the assessment's questions: whether the numbness starts at the same distance, "
		"follows one pair of shoes, began with new shoes, comes with worn shoes or insoles, in the cold, "
		"at faster paces, is getting worse, how long it takes to go, calf cramps and loosening the laces, "
		"which foot it is in (always the same one or not, and so one foot or both), how many weeks "
		"since it began, whether the weekly distance went up in the weeks before it began, and the usual "
		"weekly distance. Each comes with the evidence behind it and the number of runs "
		"and episodes it rests on; where the data are not enough it says what more to log. It also shows "
		"weekly distance, cadence, stride length and how each pair of shoes has aged. The methods and "
		"thresholds are in docs/analysis.md.\n\n"
		"With --json the output is an object: findings (ID to {value, evidence, support: {runs, "
		"episodes}}), needs, advice and training.\n\n"
		"'numbfoot analyse' is the same command.\n\n"
		"Example: numbfoot analyze --json --now 2026-05-01",
	.options = analyze_options,
	.run = run_analyze,
};
