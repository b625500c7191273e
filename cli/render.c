#include <math.h>
#include <string.h>

#include "cli.h"
#include "numbfoot/run.h"
#include "render.h"

#define SHOW_CAUSES 5
#define SHOW_REASONS 3
#define BAR 20


void render_answer(const nf_kb *kb, size_t f, const nf_value *v, bool miles, char *buf, size_t cap)
{
	switch (nf_kb_finding_type(kb, f)) {
	case NF_BOOL:
		snprintf(buf, cap, "%s", v->b ? "yes" : "no");
		break;
	case NF_ENUM:
		snprintf(buf, cap, "%s", nf_kb_finding_value_means(kb, f, (size_t)v->index));
		break;
	case NF_NUMBER:
		if (nf_kb_finding_is_distance(kb, f) && miles)
			snprintf(buf, cap, "%.3g mi", v->x / NF_KM_PER_MILE);
		else
			nf_kb_number_text(kb, f, v->x, buf, cap);
		break;
	case NF_SET: {
		size_t n = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < nf_kb_finding_values(kb, f) && n < cap; i++)
			if (v->set >> i & 1)
				n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", nf_kb_finding_value_means(kb, f, i));
		if (!n)
			snprintf(buf, cap, "none of the listed places");
		break;
	}
	}
}

const char *render_percent(double p, char *buf, size_t cap)
{
	if (p > 0.99)
		snprintf(buf, cap, ">99%%");
	else if (p < 0.01)
		snprintf(buf, cap, "<1%%");
	else
		snprintf(buf, cap, "%.0f%%", 100 * p);
	return buf;
}

static const char *level_color(nf_triage t)
{
	switch (t) {
	case NF_EMERGENCY:
		return "\033[1;97;41m";
	case NF_URGENT:
		return "\033[1;30;43m";
	case NF_ROUTINE:
		return "\033[1;30;46m";
	default:
		return "\033[1;30;42m";
	}
}

/* Prints cause c's reasons, each marked with what its likelihood rests on unless a study measured
 * it; returns how many were marked. */
static size_t print_reasons(FILE *out, nf_engine *e, size_t c, bool miles)
{
	const nf_kb *kb = nf_engine_kb(e);
	nf_reason r[SHOW_REASONS];
	size_t n = nf_engine_reasons(e, c, r, SHOW_REASONS), marked = 0;
	const char *form_name;
	if (nf_engine_form(e, c, &form_name))
		fprintf(out, "       most like: %s\n", form_name);
	/* The catch-all has no reasons of its own (nf_engine_reasons): what it stands for instead. */
	if (!nf_kb_condition_in_vocabulary(kb, c))
		fprintf(out, "       %s\n", nf_kb_condition_summary(kb, c));
	for (size_t i = 0; i < n && i < SHOW_REASONS; i++) {
		char ans[160];
		nf_value v;
		if (fabs(r[i].weight) < 0.1)
			break;
		nf_engine_state(e, r[i].finding, &v);
		render_answer(kb, r[i].finding, &v, miles, ans, sizeof ans);
		char factor[NF_FACTOR_MAX];
		bool mark = r[i].evidence != NF_EV_MEASURED;
		marked += mark;
		fprintf(out, "       %s %s: %s (%s%s%s)\n", r[i].weight > 0 ? "raised by" : "lowered by",
			nf_kb_finding_means(kb, r[i].finding), ans, nf_factor_text(r[i].weight, factor, sizeof factor),
			mark ? ", " : "", mark ? nf_evidence_id(r[i].evidence) : "");
	}
	return marked;
}

void render_result(FILE *out, nf_interview *iv, bool color, bool miles)
{
	nf_engine *e = nf_interview_engine(iv);
	const nf_kb *kb = nf_engine_kb(e);
	nf_triage_info ti;
	nf_advice adv;
	nf_engine_triage(e, &ti);
	nf_engine_advice(e, &adv);
	const char *on = color ? level_color(ti.level) : "", *off = color ? "\033[0m" : "";
	const char *bold = color ? "\033[1m" : "", *dim = color ? "\033[2m" : "";
	/* In clinician mode the reader is the clinician, and the plan is what to tell the runner. */
	bool clinician = nf_engine_mode(e) == NF_MODE_CLINICIAN;
	bool rule_first = false; /* a rule for every cause set the level */
	/* The knowledge base's words are in km: a runner in miles gets the miles beside them. */
	nf_units units = miles ? NF_UNITS_MI : NF_UNITS_KM;
	char tb[2048];

	/* The padding is the coloured band's; plain text ends with the words. */
	if (color)
		fprintf(out, "\n%s  %s  %s\n", on, adv.headline, off);
	else
		fprintf(out, "\n  %s\n", adv.headline);
	/* A warning sign explains the level only when it set it; a more urgent level from the
	 * probabilities is explained by the causes that carry it, and the sign is still named. */
	const char *says = NULL;
	if (ti.red_flag >= 0)
		nf_kb_finding_red_flag(kb, (size_t)ti.red_flag, &says);
	if (says && ti.red_flag_level == ti.level) {
		fprintf(out, "Why: %s. %s\n", clinician ? "a warning sign was answered yes" : "you answered yes to a warning sign",
			nf_units_text(says, units, tb, sizeof tb));
	} else if (ti.level > NF_SELF_CARE) {
		/* A level an escalation rule sets is explained by the answers the rule asks for: the
		 * causes it raises do not need the level in themselves. */
		bool every_cause;
		size_t rule[NF_MAX_FINDINGS], nrule = nf_engine_level_rule(e, rule, NF_MAX_FINDINGS, &every_cause);
		rule_first = nrule && every_cause;
		fputs(nrule ? "Why: your answers (" : "Why:", out);
		for (size_t i = 0; i < nrule && i < NF_MAX_FINDINGS; i++) {
			char ans[160];
			nf_value v;
			nf_engine_state(e, rule[i], &v);
			render_answer(kb, rule[i], &v, miles, ans, sizeof ans);
			fprintf(out, "%s%s: %s", i ? "; " : "", nf_kb_finding_means(kb, rule[i]), ans);
		}
		/* A rule for every cause gives the level whatever the ranking says: the causes it raises
		 * (a shoe cause among them) are not named as if they needed it. */
		if (rule_first)
			fputs(") call for this level whatever the cause", out);
		else {
			char chance[1024];
			nf_engine_chance_words(e, chance, sizeof chance);
			fprintf(out, "%s %s", nrule ? ") call for this level; with them," : "", chance);
		}
		fputs(".\n", out);
		/* The sign's own words give its own timing, which the other answers have overtaken:
		 * what it is, not when it alone would need a doctor. */
		char overtaken[NF_ERROR_MSG_MAX];
		nf_engine_sign_overtaken(e, overtaken, sizeof overtaken);
		if (overtaken[0])
			fprintf(out, "%s\n", overtaken);
	}
	/* What the sign points to, so that a footwear cause leading the ranking below is not read as
	 * the answer to the warning sign. */
	char means[NF_ERROR_MSG_MAX];
	bool ranked = nf_engine_ranked(e);
	nf_engine_sign_means(e, means, sizeof means);
	if (means[0])
		fprintf(out, "%s\n", means);
	/* Warning signs not answered yes or no (the interview was stopped, a case file is silent on
	 * them, or the runner was not sure): the triage cannot speak for them, so list them. */
	for (int l = NF_EMERGENCY; l >= NF_URGENT; l--) {
		size_t open[NF_MAX_FINDINGS], nopen = nf_engine_open_signs(e, (nf_triage)l, open, NF_MAX_FINDINGS);
		if (nopen)
			fprintf(out, "Not asked, or not sure: if any of these apply, %s:\n",
				l == NF_EMERGENCY ? (clinician ? "the runner needs emergency care now" : "get emergency care now")
						  : (clinician ? "the runner needs to be seen within 48 hours"
							       : "be seen within 48 hours"));
		/* A finding that is no sign in itself completes a rule with the answers given: said so,
		 * or a calf pain that eases on stopping reads as an emergency of its own. */
		for (size_t i = 0; i < nopen && i < NF_MAX_FINDINGS; i++) {
			const char *own;
			size_t with[NF_MAX_FINDINGS], nw = nf_engine_sign_with(e, open[i], with, NF_MAX_FINDINGS);
			fprintf(out, "  - %s", nf_kb_finding_means(kb, open[i]));
			if (nw) {
				/* What it goes with, named: "low back pain now" alone reads as an emergency. */
				fputs(" (together with ", out);
				for (size_t k = 0; k < nw && k < NF_MAX_FINDINGS; k++)
					fprintf(out, "%s%s", k ? (k + 1 == nw ? " and " : ", ") : "", nf_kb_finding_means(kb, with[k]));
				fputs(clinician ? ", as answered)\n" : ", as you answered)\n", out);
			} else
				fprintf(out, "%s\n", nf_kb_finding_red_flag(kb, open[i], &own) < 0 ? (clinician ? " (together with the other answers)" : " (together with your other answers)")
						   : l == NF_URGENT && nf_kb_finding_red_flag_today(kb, open[i]) ? " (be seen today)"
												: "");
		}
	}
	/* Without percentages (nf_engine_percentages) the ranking keeps its order, and says why; with
	 * too few answers beside the warning sign (nf_engine_ranked) there is no order to give. */
	bool sign_first = ti.red_flag >= 0 && ti.red_flag_level == ti.level;
	bool no_percent = !nf_engine_percentages(e);
	if (!ranked) {
		fprintf(out, "\n%sCauses%s\n  %s\n", bold, off, nf_engine_unranked_words(e));
	} else {
		fprintf(out, "\n%s%s%s %s\n", bold, no_percent ? "Causes" : "Most likely causes", off,
			!no_percent  ? "(how likely each is, given your answers)"
			: sign_first ? "of the numbness on runs, likeliest first (no percentages: the warning sign above comes "
				       "first, and it may have a cause of its own)"
				     : "of the numbness on runs, likeliest first (no percentages: the advice above follows from "
				       "your answers, whichever of these is the cause)");
		size_t order[NF_MAX_CONDITIONS], n = nf_engine_ranking(e, order, NF_MAX_CONDITIONS), marked = 0;
		for (size_t i = 0; i < n && i < SHOW_CAUSES; i++) {
			if (no_percent) {
				fprintf(out, "  %zu. %s\n", i + 1, nf_kb_condition_name(kb, order[i]));
				marked += print_reasons(out, e, order[i], miles);
				continue;
			}
			double p = nf_engine_probability(e, order[i]);
			int fill = (int)lround(p * BAR);
			char bar[BAR * 3 + 1];
			size_t k = 0;
			for (int j = 0; j < BAR; j++) {
				const char *g = j < fill ? "#" : ".";
				bar[k++] = g[0];
			}
			bar[k] = '\0';
			char b[8];
			fprintf(out, "  %zu. %-48.48s %s %4s\n", i + 1, nf_kb_condition_name(kb, order[i]), bar,
				render_percent(p, b, sizeof b));
			marked += print_reasons(out, e, order[i], miles);
		}
		if (marked)
			fprintf(out, "  %s(\u00d72.0) is how many times an answer raised or lowered the odds; \"estimate\" marks a "
				     "figure that is the knowledge base's judgement, not a study's measurement, and \"derived\" a "
				     "figure worked out from studies' figures (pooled, or carried over to the question asked); the "
				     "others are studies' own figures.%s\n",
				dim, off);
	}

	fprintf(out, "\n%s%s%s\n", bold, clinician ? "What to advise the runner" : "What to do", off);
	if (adv.first.kind == NF_STEP_ACTION)
		fprintf(out, "  %sFirst:%s %s\n", bold, off, nf_units_text(adv.first.text, units, tb, sizeof tb));
	for (size_t i = 0; i < adv.nplans; i++) {
		const nf_advice_plan *p = &adv.plan[i];
		char b[8];
		if (!p->nsteps)
			continue;
		if (no_percent)
			fprintf(out, "  If it is %s:\n", nf_kb_condition_name(kb, p->condition));
		else
			fprintf(out, "  If it is %s (%s):\n", nf_kb_condition_name(kb, p->condition),
				render_percent(p->probability, b, sizeof b));
		for (size_t s = 0; s < p->nsteps; s++) {
			const nf_step *st = &p->step[s];
			const char *text = nf_units_text(st->text, units, tb, sizeof tb);
			if (st->kind == NF_STEP_SAFETY_NET)
				fprintf(out, "    ! %s\n", text);
			else if (st->weeks > 0) {
				char when[NF_STEP_WHEN_MAX];
				nf_step_when(st, when, sizeof when);
				/* A step whose time has passed is not dimmed: "now" is the point of it. */
				fprintf(out, "    - %s %s%s%s\n", text, st->since > 0 ? "" : dim, when, st->since > 0 ? "" : off);
			} else
				fprintf(out, "    - %s\n", text);
		}
	}
	fprintf(out, "\n%sWhom to see%s: ", bold, off);
	for (size_t k = 0; k < adv.nsee; k++)
		fprintf(out, "%s%s", k ? (k + 1 == adv.nsee ? " or " : ", ") : "", nf_kb_see_words(adv.see[k]));
	fprintf(out, ".\n\n%sThis is not a diagnosis. numbfoot informs; a doctor or physiotherapist who examines "
		     "you decides. If anything gets worse, or you notice sudden weakness, a cold pale foot, numbness "
		     "between the legs or trouble passing urine, get emergency care.%s\n",
		dim, off);
}
