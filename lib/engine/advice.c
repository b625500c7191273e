/* The advice that goes with the triage (docs/model.md, "Advice"): one place decides the first
 * step, the plans shown and whom to see, so that the terminal, the page, the report and the JSON
 * result cannot disagree with the level or with each other.
 *
 * The level is "carried" by a cause or a warning sign: the most probable cause at exactly that
 * level, or the red flag that set it when no such cause is likely enough to explain it. The
 * carrier gives the first step (an escalation rule's own step while the rule holds, else its
 * plan's first step) and heads the list of whom to see, and the headline names that person.
 */
#include <stdio.h>
#include <string.h>

#include "engine/engine_priv.h"

/* A step of the advice; src is the knowledge base's source, NULL for the engine's own words. */
static nf_step mkstep(const char *text, double weeks, const struct kb_source *src, nf_step_kind kind)
{
	return (nf_step){text, weeks, src ? src->text : "", kind, src ? src->kind : NF_EV_ESTIMATE, 0, false};
}

/* A bool or number answer of finding id, if given. */
static bool answer_of(const nf_engine *e, const char *id, nf_value *v)
{
	int f = nf_kb_finding_index(nf_engine_kb(e), id);
	return f >= 0 && nf_engine_state(e, (size_t)f, v) == NF_ANSWERED;
}

/* A plan step whose weeks have already passed since the onset: a runner 16 weeks in, told "see a
 * podiatrist (after 6 weeks)" under a headline that says book one now, read two clocks (a clinical
 * read of the results). A step's weeks count from the change it asks for, not from the onset, so
 * the weeks since onset have run out a step's clock only when the runner says changes were tried
 * (changes_tried yes), or, for a referral, when the level already sends them to someone (routine or
 * above): under a self-care headline, "after 6 weeks" of new shoes not yet bought stays as it is. */
static nf_step timed(const nf_engine *e, nf_step st, nf_triage level)
{
	nf_value onset, tried;
	if (st.weeks <= 0 || st.kind == NF_STEP_SAFETY_NET || !answer_of(e, "weeks_since_onset", &onset) ||
	    onset.x < st.weeks)
		return st;
	bool said = answer_of(e, "changes_tried", &tried);
	if (!(said && tried.b) && !(st.kind == NF_STEP_REFERRAL && level >= NF_ROUTINE))
		return st;
	st.since = onset.x;
	st.tried = said;
	return st;
}

void nf_step_when(const nf_step *s, char *buf, size_t cap)
{
	if (!cap)
		return;
	buf[0] = '\0';
	if (s->weeks <= 0)
		return;
	bool referral = s->kind == NF_STEP_REFERRAL;
	if (s->since > 0)
		snprintf(buf, cap, "(%s: it has been %g weeks, more than the %g week%s %s)",
			 referral ? "now" : s->tried ? "keep it up alongside seeing someone" : "alongside seeing someone",
			 s->since, s->weeks, s->weeks == 1 ? "" : "s", referral ? "to wait" : "to try it");
	else
		snprintf(buf, cap, "(%s %g week%s)", referral ? "after" : "try for", s->weeks, s->weeks == 1 ? "" : "s");
}

/* Causes at or above this posterior get their plan; the carrier and the leading cause always do. */
#define PLAN_FLOOR 0.15

static void add_see(nf_advice *a, const char *const *who, int n)
{
	for (int i = 0; i < n; i++) {
		bool dup = false;
		for (size_t k = 0; k < a->nsee; k++)
			dup |= !strcmp(a->see[k], who[i]);
		if (!dup && a->nsee < NF_ADVICE_SEE)
			a->see[a->nsee++] = who[i];
	}
}

/* Under an emergency a rule for every cause sets, that rule when it names the cause it guards
 * against (its "for"), else NULL: the result is that cause's, however unlikely (docs/model.md,
 * "Advice"). Looked up once per advice and handed on. */
static const struct kb_rule *named_rule(const nf_engine *e, const nf_triage_info *ti)
{
	const struct kb_rule *r = ti->level == NF_EMERGENCY ? engine_every_cause_rule(e, NF_EMERGENCY) : NULL;
	return r && r->cause >= 0 ? r : NULL;
}

/* No cause carries an emergency (carrier): the engine's own first step speaks. */
#define NO_CARRIER (-2)

/* The cause whose advice leads, -1 when a red flag carries the level alone, or NO_CARRIER; named is
 * named_rule's. */
static int carrier(nf_engine *e, const nf_triage_info *ti, const struct kb_rule *named, const size_t *order, size_t n)
{
	int at = -1, above = -1;
	for (size_t i = 0; i < n; i++) {
		nf_triage l = nf_engine_condition_level(e, order[i]);
		if (l == ti->level && at < 0)
			at = (int)order[i];
		if (l >= ti->level && above < 0)
			above = (int)order[i];
	}
	if (ti->level == NF_SELF_CARE)
		return (int)order[0];
	/* A warning sign that set the level speaks for itself unless a likely cause explains it; one
	 * whose care cannot wait past today always does, since no cause's "within 48 hours" may
	 * stand for it. */
	double p_at = at >= 0 ? nf_engine_probability(e, (size_t)at) : 0;
	/* A cause raised only by a rule for every cause explains no sign: the sign is the more
	 * specific of the two (upper motor neuron signs name a neurologist; numbness getting worse in
	 * both feet, a GP). */
	const nf_kb *kb = nf_engine_kb(e);
	bool by_every_cause = at >= 0 && engine_every_cause(kb, engine_escalation(e, (size_t)at));
	const struct kb_rule *own = at >= 0 ? engine_escalation(e, (size_t)at) : NULL;
	if (ti->red_flag >= 0 && ti->red_flag_level == ti->level &&
	    (p_at < PLAN_FLOOR || by_every_cause ||
	     (nf_kb_finding_red_flag_today(kb, (size_t)ti->red_flag) && !(own && own->today))))
		return -1;
	/* An emergency that several rare causes reach together, none of them likely nor most of the
	 * emergency share, takes the engine's own step: one rare cause's words ("note the time it
	 * started") would speak for a cause that is most likely not the one. */
	if (ti->level == NF_EMERGENCY && p_at < PLAN_FLOOR && p_at < ti->mass[NF_EMERGENCY] / 2)
		return NO_CARRIER;
	/* An emergency that a rule for every cause sets, for a cause it names, is that cause's when the
	 * first cause at the level is there only by the rule: the first step names the compartment, not
	 * the sciatica that leads a ranking no face shows. */
	if (named && (at < 0 || by_every_cause))
		return named->cause;
	if (at >= 0)
		return at;
	return above >= 0 ? above : (int)order[0];
}

/* The kind of a plan step shown as the plan's: a referral or self-care. */
static nf_step_kind plan_kind(const struct kb_plan_step *s)
{
	return s->refer ? NF_STEP_REFERRAL : NF_STEP_SELF_CARE;
}

/* A step is shown when its `when` holds and its `unless` does not: a clinician who entered the
 * ankle-brachial index is not told to have one. */
static bool step_applies(const nf_engine *e, const struct kb_plan_step *s)
{
	return (!s->nwhen || engine_terms_hold(e, s->when, s->nwhen)) &&
	       !engine_unless_holds(e, &s->unless);
}

/* Whether a step is for a result in hand (its `when` names an examination or test finding, and it
 * has no trial period) and sends to whom the rule r sends first, if it names anyone: a clinician
 * who holds the nerve studies needs their next step under "be seen within 48 hours" too, where a
 * compartment's pressure "with a sports-medicine doctor" under a headline for the vascular surgeon
 * would name two clinicians at once. */
static bool result_step(const nf_kb *kb, const struct kb_plan_step *st, const struct kb_rule *r)
{
	bool same = !st->nsee || !r->nsee;
	for (int k = 0; k < st->nsee && !same; k++)
		same = !strcmp(st->see[k], r->see[0]);
	if (st->weeks > 0 || !same)
		return false;
	for (int t = 0; t < st->nwhen; t++)
		if (kb->find[st->when[t].finding].clinician)
			return true;
	return false;
}

/* Whether a step's text is the one already given (several warning signs and rules share one text
 * in the knowledge base, each its own copy). */
static bool same_text(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Appends to p the parts of cd's safety net that send to level or above (or give no level) and
 * whose sign the answers do not already give; returns how many. */
static size_t add_nets(const nf_engine *e, const struct kb_condition *cd, nf_triage level, nf_advice_plan *p)
{
	size_t added = 0;
	/* A part whose sign the answers already give is left out: "if X, call now" to a runner who said
	 * X reads as noise. */
	for (int n = 0; n < cd->nnet; n++)
		if ((cd->net[n].level < 0 || cd->net[n].level >= (int)level) &&
		    !engine_unless_holds(e, &cd->net[n].unless)) {
			p->step[p->nsteps++] = mkstep(cd->net[n].text, 0, cd->net[n].source, NF_STEP_SAFETY_NET);
			added++;
		}
	return added;
}

/* The plan of cause c; skip is the text already given as the first step (not repeated). Returns
 * whether it ends with a part of the cause's safety net. */
static bool plan_of(nf_engine *e, size_t c, nf_triage overall, const char *skip, nf_advice_plan *p)
{
	const nf_kb *kb = nf_engine_kb(e);
	const struct kb_condition *cd = &kb->cond[c];
	const struct kb_rule *r = engine_escalation(e, c);
	/* Once a cause or the result needs a doctor within days, its trial steps wait for that doctor:
	 * "try for 4 weeks" beside "be seen within 48 hours" would contradict it. */
	bool no_trials = nf_engine_condition_level(e, c) >= NF_URGENT || overall >= NF_URGENT;
	/* A rule with its own step that raised the cause (changes tried for weeks without help: book
	 * a podiatrist) has ended the trial: its steps are still worth keeping up until the visit, but
	 * without a trial period, and its own referral is the rule's step, but for a result's next step
	 * (the nerve studies show the nerve caught: about releasing it)... */
	bool trial_over = r && r->step && r->to >= NF_ROUTINE && r->to == nf_engine_condition_level(e, c);
	/* ...when the rule's step leads the result (its clinician is the headline's). */
	bool leads = r && r->step && same_text(r->step, skip);
	p->condition = c;
	p->probability = nf_engine_probability(e, c);
	p->nsteps = 0;
	if (r && r->step && !same_text(r->step, skip) && (overall < NF_EMERGENCY || r->to == NF_EMERGENCY))
		p->step[p->nsteps++] = mkstep(r->step, 0, r->source, NF_STEP_ACTION);
	/* Under an emergency a cause's own plan ("be seen within 48 hours", "stop the runs that bring
	 * it on") waits for the emergency care: beside "call now" it reads as the easier choice. */
	for (int s = 0; overall < NF_EMERGENCY && s < cd->nplan && p->nsteps + (size_t)cd->nnet < NF_ADVICE_STEPS; s++) {
		const struct kb_plan_step *st = &cd->plan[s];
		if (same_text(st->text, skip) || !step_applies(e, st) || (no_trials && st->weeks > 0) ||
		    (trial_over && st->refer && !(leads && result_step(kb, st, r))))
			continue;
		p->step[p->nsteps++] = timed(e, mkstep(st->text, trial_over ? 0 : st->weeks, st->source, plan_kind(st)),
					      overall);
	}
	/* A part of the safety net that sends to a lower level than the result's would read as the
	 * easier choice ("a foot that slaps: within 48 hours" under "call emergency services now"). */
	return add_nets(e, cd, overall, p) > 0;
}

/* Under an emergency, the emergency the result may be, however unlikely its cause: when a warning
 * sign set the level, the likeliest cause it points to whose own level is an emergency; when a rule
 * for every cause did, the cause it guards against (none named, none); else the likeliest cause
 * whose own level is an emergency. -1 if none. */
static int emergency_cause(const nf_engine *e, const nf_triage_info *ti, const size_t *order, size_t n)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t to[NF_MAX_CONDITIONS], nto = 0;
	bool by_sign = ti->red_flag >= 0 && ti->red_flag_level == NF_EMERGENCY;
	if (by_sign) {
		nto = nf_kb_red_flag_points_to(kb, (size_t)ti->red_flag, to, NF_MAX_CONDITIONS);
	} else {
		const struct kb_rule *r = engine_every_cause_rule(e, NF_EMERGENCY);
		if (r)
			return r->cause;
	}
	for (size_t i = 0; i < n; i++) {
		bool pointed = !by_sign;
		for (size_t k = 0; k < nto; k++)
			pointed |= to[k] == order[i];
		if (pointed && kb->cond[order[i]].triage == NF_EMERGENCY)
			return (int)order[i];
	}
	return -1;
}

/* Under an emergency, the emergency cause's safety net at that level ("if the pain comes back
 * after you are sent home, go back at once") as a plan of its own when its plan is not shown:
 * §3.22.4 tells of a runner sent home who came back days later, and the line is needed most when
 * the cause is too unlikely for a plan. It takes the last plan's place when all are taken. */
static void emergency_after_care(nf_engine *e, const nf_triage_info *ti, const size_t *order, size_t n,
				 nf_advice *a)
{
	int c = emergency_cause(e, ti, order, n);
	if (c < 0)
		return;
	for (size_t i = 0; i < a->nplans; i++)
		if (a->plan[i].condition == (size_t)c)
			return;
	nf_advice_plan net = {.condition = (size_t)c, .probability = nf_engine_probability(e, (size_t)c)};
	if (!add_nets(e, &nf_engine_kb(e)->cond[c], NF_EMERGENCY, &net))
		return;
	size_t at = a->nplans < NF_ADVICE_PLANS ? a->nplans : NF_ADVICE_PLANS - 1;
	a->plan[at] = net;
	a->nplans = at + 1;
}

/* Whom cause cd adds to the list, r its escalation rule (or NULL): the rule's list, then the
 * clinician of a step the answers call for (a low ankle-brachial index: a vascular surgeon), then
 * the cause's list, except that under an urgent or emergency level a rule's own list stands for
 * the cause's (who acts within days or now; a physiotherapist is for the weeks after). A cause that
 * neither leads nor carries the level adds only the first of its list: a nerve at 16% beside a
 * shoe at 79% put a neurologist in a self-care runner's list. */
static void add_cause_see(nf_advice *a, const nf_engine *e, nf_triage level, const struct kb_rule *r,
			  const struct kb_condition *cd, bool leads)
{
	if (r)
		add_see(a, r->see, leads ? r->nsee : r->nsee > 0);
	if (level >= NF_URGENT && r && r->nsee)
		return;
	for (int s = 0; s < cd->nplan; s++)
		if (cd->plan[s].nsee && step_applies(e, &cd->plan[s])) {
			add_see(a, cd->plan[s].see, leads ? cd->plan[s].nsee : 1);
			if (!leads)
				return;
		}
	add_see(a, cd->see, leads ? cd->nsee : cd->nsee > 0);
}

/* The engine's own first step for a level, when the knowledge base's would not do: a cause
 * escalated by a rule without a step of its own. */
static void own_first(nf_advice *a)
{
	const char *who = a->nsee ? nf_kb_see_words(a->see[0]) : "a doctor";
	if (a->level == NF_EMERGENCY)
		snprintf(a->first_text, sizeof a->first_text,
			 "Stop and call emergency services now, or have someone take you to the emergency "
			 "department. "
			 "Do not drive yourself.");
	else
		snprintf(a->first_text, sizeof a->first_text,
			 "Stop running and be seen by %s within 48 hours.", who);
	a->first = mkstep(a->first_text, 0, NULL, NF_STEP_ACTION);
}

/* The headline of each level, by whom it speaks to: the runner, or in clinician mode the
 * clinician (what to arrange; the plan below is what to advise the runner). Each takes whom to see
 * and how soon, in that order; a level that needs neither leaves them unused. */
static const char *const headlines[2][NF_TRIAGE_LEVELS] = {
    [NF_MODE_RUNNER] =
	{
	    [NF_SELF_CARE] = "Self-care first: follow the plan, and see %s if it is not better within the time the "
			     "plan gives.",
	    [NF_ROUTINE] = "Routine: book %s in the coming weeks.",
	    [NF_URGENT] = "Urgent: be seen by %s %s, and stop running until then.",
	    [NF_EMERGENCY] = "Emergency: call emergency services or go to an emergency department now. Do not "
			     "drive yourself.",
	},
    [NF_MODE_CLINICIAN] =
	{
	    [NF_SELF_CARE] = "Self-care first: advise the plan below, and %s if it is not better within the time it "
			     "gives.",
	    [NF_ROUTINE] = "Routine: refer to %s in the coming weeks.",
	    [NF_URGENT] = "Urgent: to be seen by %s %s; advise no running until then.",
	    [NF_EMERGENCY] = "Emergency: send to an emergency department now, by ambulance or driven by someone "
			     "else.",
	},
};

/* Self-care while warning signs are still open (never asked, or "don't know"): the advice holds
 * only if none of them applies, and the result lists them right under the headline. */
static const char *const self_care_if[2] = {
    [NF_MODE_RUNNER] = "Self-care first, if none of the warning signs below applies: follow the plan, and see %s "
		       "if it is not better within the time the plan gives.",
    [NF_MODE_CLINICIAN] = "Self-care first, if none of the warning signs below applies: advise the plan below, and %s "
			  "if it is not better within the time it gives.",
};

static void headline(nf_advice *a, nf_engine *e, bool today)
{
	nf_mode mode = nf_engine_mode(e);
	const char *who = a->nsee ? nf_kb_see_words(a->see[0]) : "a doctor";
	const char *fmt = headlines[mode == NF_MODE_CLINICIAN][a->level];
	if (a->level == NF_SELF_CARE &&
	    (nf_engine_open_signs(e, NF_EMERGENCY, NULL, 0) || nf_engine_open_signs(e, NF_URGENT, NULL, 0)))
		fmt = self_care_if[mode == NF_MODE_CLINICIAN];
	snprintf(a->headline, sizeof a->headline, fmt, who, today ? "today" : "within 24 to 48 hours");
}

void nf_engine_advice(nf_engine *e, nf_advice *a)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t order[NF_MAX_CONDITIONS], n = nf_engine_ranking(e, order, NF_MAX_CONDITIONS);
	nf_triage_info ti;
	nf_engine_triage(e, &ti);
	memset(a, 0, sizeof *a);
	a->level = ti.level;
	a->first_condition = a->first_red_flag = -1;

	static const char *const ed[] = {"emergency_department"};
	if (ti.level == NF_EMERGENCY)
		add_see(a, ed, 1);
	const struct kb_rule *named = named_rule(e, &ti);
	int c0 = carrier(e, &ti, named, order, n);
	const char *skip = NULL;
	if (c0 == NO_CARRIER) {
		own_first(a);
	} else if (c0 < 0) {
		const struct kb_finding *f = &kb->find[ti.red_flag];
		a->first_red_flag = ti.red_flag;
		add_see(a, f->red_flag_see, f->red_flag_nsee);
		a->first = mkstep(f->red_flag_step ? f->red_flag_step : f->red_flag_says, 0, f->red_flag_source,
				  NF_STEP_ACTION);
	} else {
		const struct kb_condition *cd = &kb->cond[c0];
		const struct kb_rule *r = engine_escalation(e, (size_t)c0);
		/* The cause a rule for every cause names carries that rule's step, though its own level
		 * (an emergency already) needed no rule. */
		if (named && named->cause == c0 && (!r || !r->step))
			r = named;
		a->first_condition = c0;
		add_cause_see(a, e, ti.level, r, cd, true);
		if (r && r->step) {
			a->first = mkstep(r->step, 0, r->source, NF_STEP_ACTION);
		} else {
			for (int s = 0; s < cd->nplan; s++)
				if (step_applies(e, &cd->plan[s])) {
					const struct kb_plan_step *st = &cd->plan[s];
					a->first = timed(e, mkstep(st->text, st->weeks, st->source,
								   ti.level >= NF_URGENT ? NF_STEP_ACTION : plan_kind(st)),
							 ti.level);
					break;
				}
		}
		/* An action stands above the plans; a self-care first step stays the plan's first. */
		if (a->first.kind == NF_STEP_ACTION)
			skip = a->first.text;
	}
	/* An urgent or emergency result never leads with a trial of self-care. */
	if (!a->first.text || (ti.level >= NF_URGENT && a->first.weeks > 0)) {
		own_first(a);
		skip = NULL;
	}

	/* Plans: under an urgent or emergency level the carrier's first, then by probability, and only
	 * the causes at that level or above speak: self-care for a cause that may not be the one waits
	 * until a doctor has seen the runner. Under a routine level the plans go by probability: the
	 * headline already books the carrier's clinician, and a likelier self-care cause's plan (a
	 * settled calf cramp at 29%) placed under a less likely one's (tarsal tunnel at 28%) would
	 * read as the weaker explanation. */
	bool carrier_first = ti.level >= NF_URGENT;
	bool by_named_rule = named && named->cause == c0;
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n && a->nplans < NF_ADVICE_PLANS; i++) {
			size_t c = order[i];
			bool is_carrier = c0 >= 0 && c == (size_t)c0;
			bool in_pass = carrier_first ? (pass == 0) == is_carrier : pass == 0;
			if (!in_pass)
				continue;
			double p = nf_engine_probability(e, c);
			nf_triage l = nf_engine_condition_level(e, c);
			bool shown = is_carrier || (ti.level >= NF_URGENT ? l >= NF_URGENT && p >= PLAN_FLOOR
									  : i == 0 || p >= PLAN_FLOOR);
			/* Under an emergency that a rule for every cause sets for a cause it names, a cause
			 * there only by that rule has nothing to add: its emergency net ("numbness between
			 * the legs: call now", for sciatica) would send the reader after another emergency. */
			if (shown && !is_carrier && ti.level == NF_EMERGENCY && by_named_rule &&
			    engine_every_cause(kb, engine_escalation(e, c)))
				shown = false;
			if (!shown)
				continue;
			/* A rule for every cause gives every plan the same step: once, as the first. */
			bool net = plan_of(e, c, ti.level, skip, &a->plan[a->nplans]);
			add_cause_see(a, e, ti.level, engine_escalation(e, c), &kb->cond[c],
				      is_carrier || a->nplans == 0);
			/* A plan left with nothing at the level (every step and part of its net below it) is
			 * not shown: a heading with no step would read as "nothing to do". Under an emergency
			 * nor is one left with no part of its net (each met by the answers): its one step says
			 * "call now" again, for another cause. */
			if (a->plan[a->nplans].nsteps && (ti.level < NF_EMERGENCY || net))
				a->nplans++;
		}
	if (ti.level == NF_EMERGENCY)
		emergency_after_care(e, &ti, order, n, a);
	/* Under an emergency the emergency department is the one place to go: a specialist named
	 * beside it reads as an outpatient alternative, and the department calls its specialists. */
	if (ti.level == NF_EMERGENCY)
		a->nsee = 1;
	if (!a->nsee) {
		static const char *const gp[] = {"gp"};
		add_see(a, gp, 1);
	}
	const struct kb_rule *every = a->level == NF_URGENT ? engine_every_cause_rule(e, NF_URGENT) : NULL;
	const struct kb_rule *own = a->level == NF_URGENT && a->first_condition >= 0
					    ? engine_escalation(e, (size_t)a->first_condition) : NULL;
	headline(a, e,
		 a->level == NF_URGENT && ((a->first_red_flag >= 0 && kb->find[a->first_red_flag].red_flag_today) ||
					   (every && every->today) || (own && own->today)));
}

void nf_engine_sign_means(nf_engine *e, char *buf, size_t cap)
{
	/* Four: a sign at urgent names its likeliest causes and, after them, the emergencies its own
	 * words warn of (a blocked artery, a compartment syndrome). */
	size_t to[4], n = nf_engine_sign_points_to(e, to, 4), len = 0;
	if (cap)
		buf[0] = '\0';
	for (size_t i = 0; i < n && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
					i ? (i + 1 == n ? " or " : ", ") : "Of the causes weighed here, the warning sign can mean: ",
					nf_kb_condition_name(nf_engine_kb(e), to[i]));
	if (n && len < cap)
		snprintf(buf + len, cap - len, "%s",
			 nf_engine_ranked(e) ? ". The causes below are ranked on all the other answers too, and do not "
					       "outweigh the warning sign: it is acted on first, whichever of them leads."
					     : ".");
}

/* A chance as the reason for a level writes it: one decimal under 10%, so that the causes named add
 * up to the total ("3% (1%, 1%)" read as a sum that did not add up). */
static const char *chance_text(double p, char *buf, size_t cap)
{
	if (p > 0.99)
		snprintf(buf, cap, ">99%%");
	else if (p >= 0.095)
		snprintf(buf, cap, "%.0f%%", 100 * p);
	else if (p >= 0.0005)
		snprintf(buf, cap, "%.1f%%", 100 * p);
	else
		snprintf(buf, cap, "<0.1%%");
	return buf;
}

void nf_engine_chance_words(nf_engine *e, char *buf, size_t cap)
{
	const nf_kb *kb = nf_engine_kb(e);
	nf_triage_info ti;
	nf_engine_triage(e, &ti);
	bool every_cause;
	size_t rule[NF_MAX_FINDINGS];
	if (cap)
		buf[0] = '\0';
	if (!cap || ti.level == NF_SELF_CARE || (ti.red_flag >= 0 && ti.red_flag_level == ti.level) ||
	    (nf_engine_level_rule(e, rule, NF_MAX_FINDINGS, &every_cause) && every_cause))
		return;
	size_t ord[NF_MAX_CONDITIONS], nc = nf_engine_ranking(e, ord, NF_MAX_CONDITIONS), named = 0, len = 0;
	double share = ti.mass[ti.level], sum = 0;
	char b[16];
	len += (size_t)snprintf(buf, cap, "the chance of a cause that needs at least this level of care is %s",
				chance_text(share, b, sizeof b));
	bool after_raised = false;
	for (size_t i = 0; i < nc && named < 3 && len < cap; i++) {
		double p = nf_engine_probability(e, ord[i]);
		/* A cause under 1% named here would read as the reason ("calf cramp <1%" to a runner who
		 * reported none); the share above still counts it. */
		if (nf_engine_condition_level(e, ord[i]) < ti.level || p < 0.01)
			continue;
		/* A cause that needs this level only because a rule raised it (a CECS whose numbness has
		 * not settled) is said so: the cause itself is no emergency ("83% (Chronic exertional
		 * compartment syndrome 83%)" under an emergency read as if it were one). The clause has a
		 * comma of its own, so the next cause follows a semicolon. */
		bool raised = nf_kb_condition_triage(kb, ord[i]) < nf_engine_condition_level(e, ord[i]);
		len += (size_t)snprintf(buf + len, cap - len, "%s%s %s%s", named ? (after_raised ? "; " : ", ") : " (",
					nf_kb_condition_name(kb, ord[i]), chance_text(p, b, sizeof b),
					raised ? ", not itself at this level but raised to it by your answers" : "");
		after_raised = raised;
		sum += p;
		named++;
	}
	/* The causes not named (under 1% each, or past the third) are the rest of the share. */
	if (named && share - sum >= 0.0005 && len < cap)
		len += (size_t)snprintf(buf + len, cap - len, "%sothers together %s", after_raised ? "; " : ", ",
					chance_text(share - sum, b, sizeof b));
	if (named && len < cap)
		len += (size_t)snprintf(buf + len, cap - len, ")");
	/* A share of a few percent reads as a reason not to act; the threshold and why it is low say
	 * why it is one (the knowledge base's thresholds: a missed emergency costs about 30 unneeded
	 * visits, a missed urgent problem about 9). "Small" only where it is: a share of 30-45% so
	 * called would invite a runner to discount an emergency headline (an outside read). */
	double at = nf_kb_triage_threshold(kb, ti.level);
	if (ti.level >= NF_URGENT && share < 0.5 && len < cap)
		snprintf(buf + len, cap - len,
			 ". %s the %g%% chance from which numbfoot advises this level: missing %s costs far more than an "
			 "unneeded visit",
			 share < 0.2 ? "Small as it may be, that is at or above" : "That is well above", 100 * at,
			 ti.level == NF_EMERGENCY ? "an emergency" : "an urgent problem");
}

void nf_engine_sign_overtaken(nf_engine *e, char *buf, size_t cap)
{
	nf_triage_info ti;
	nf_engine_triage(e, &ti);
	if (cap)
		buf[0] = '\0';
	if (ti.red_flag >= 0 && ti.red_flag_level < ti.level)
		snprintf(buf, cap, "Warning sign answered yes: %s. With your other answers it needs more than it would "
				   "alone: follow the level above.",
			 nf_kb_finding_means(nf_engine_kb(e), (size_t)ti.red_flag));
}
