/* The assessment result as JSON (docs/result-schema.md): one shape for scripts, the web page and
 * the report, so that all three say the same thing. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/kb_impl.h"
#include "numbfoot/engine.h"
#include "numbfoot/version.h"

#define REASONS_MAX 5

static const char *const disclaimer =
	"numbfoot informs; it does not diagnose. The probabilities come from published evidence and "
	"estimates, not from an examination. If anything gets worse, or you notice sudden weakness, a "
	"cold pale foot, numbness between the legs or trouble passing urine, get emergency care.";

const char *nf_factor_text(double weight, char *buf, size_t cap)
{
	/* A factor past a million is past anything a likelihood in the knowledge base gives; the cap
	 * keeps the text short whatever the weight. Decided on the rounded value, so that 9.96 is
	 * "×10" and not "×10.0". */
	double f = isnan(weight) ? 1 : fmin(exp(fabs(weight)), 999999);
	snprintf(buf, cap, "\u00d7%.*f", f >= 9.95 ? 0 : 1, f);
	return buf;
}

static json_t *answer_json(const nf_kb *kb, size_t f, const nf_value *v)
{
	const struct kb_finding *fd = &kb->find[f];
	switch (fd->type) {
	case NF_BOOL:
		return json_boolean(v->b);
	case NF_ENUM:
		return json_string(fd->value[v->index]);
	case NF_NUMBER:
		return json_real(v->x);
	case NF_SET: {
		json_t *a = json_array();
		for (int i = 0; a && i < fd->nvalues; i++)
			if (v->set >> i & 1)
				json_array_append_new(a, json_string(fd->value[i]));
		return a;
	}
	}
	return json_null();
}

static json_t *answers_json(nf_engine *e)
{
	const nf_kb *kb = nf_engine_kb(e);
	json_t *o = json_object();
	for (size_t f = 0; o && f < nf_kb_findings(kb); f++) {
		nf_value v;
		nf_answer_state st = nf_engine_state(e, f, &v);
		if (st == NF_ANSWERED)
			json_object_set_new(o, kb->find[f].id, answer_json(kb, f, &v));
		else if (st == NF_UNKNOWN)
			json_object_set_new(o, kb->find[f].id, json_null());
	}
	return o;
}

static json_t *cause_json(nf_engine *e, size_t c)
{
	const nf_kb *kb = nf_engine_kb(e);
	const struct kb_condition *cd = &kb->cond[c];
	nf_reason r[REASONS_MAX];
	size_t n = nf_engine_reasons(e, c, r, REASONS_MAX);
	json_t *reasons = json_array();
	for (size_t i = 0; i < n && i < REASONS_MAX; i++) {
		nf_value v;
		/* Sorted by size: once an answer moved the cause by under 1%, so did the rest. */
		if (fabs(r[i].weight) < 0.01)
			break;
		nf_engine_state(e, r[i].finding, &v);
		/* What P(answer | this cause) rests on, so that data and judgement can be told apart. */
		json_array_append_new(reasons, json_pack("{s:s, s:o, s:f, s:s}", "finding", kb->find[r[i].finding].id,
							  "answer", answer_json(kb, r[i].finding, &v), "weight",
							  r[i].weight, "evidence",
							  nf_evidence_id(r[i].evidence)));
	}
	json_t *o = json_pack("{s:s, s:s, s:f, s:s, s:s, s:s, s:b, s:o}", "id", cd->id, "name", cd->name, "probability",
			      nf_engine_probability(e, c), "level", nf_triage_id(nf_engine_condition_level(e, c)),
			      "summary", cd->summary, "icd10", cd->icd10, "in_vocabulary", cd->in_vocab, "reasons", reasons);
	/* Which of a mixture's forms the answers fit best: the reasons are its. */
	const char *form_name, *form = nf_engine_form(e, c, &form_name);
	if (form)
		json_object_set_new(o, "form", json_pack("{s:s, s:s}", "id", form, "name", form_name));
	return o;
}

static const char *const kind_ids[] = {"action", "self_care", "safety_net", "referral"};

/* The text in the engine's units, as a JSON string (NULL when out of memory). */
static json_t *words_json(const nf_engine *e, const char *text)
{
	char *t = nf_units_text_dup(text ? text : "", nf_engine_units(e));
	json_t *o = t ? json_string(t) : NULL;
	free(t);
	return o;
}

const char *nf_engine_triage_words(nf_engine *e, char *buf, size_t cap)
{
	nf_advice adv;
	nf_engine_advice(e, &adv);
	return nf_units_text(adv.headline, nf_engine_units(e), buf, cap);
}

static json_t *step_json(const nf_engine *e, const nf_step *s)
{
	char when[NF_STEP_WHEN_MAX];
	nf_step_when(s, when, sizeof when);
	return json_pack("{s:o, s:f, s:s, s:s, s:s, s:b, s:o, s:s}", "step", words_json(e, s->text), "weeks", s->weeks, "source",
			 s->source ? s->source : "", "kind", kind_ids[s->kind], "evidence", nf_evidence_id(s->evidence),
			 "due_now", s->since > 0, "weeks_since_onset", s->since > 0 ? json_real(s->since) : json_null(),
			 "when", when);
}

char *nf_engine_result_json(nf_engine *e)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t order[NF_MAX_CONDITIONS], n = nf_engine_ranking(e, order, NF_MAX_CONDITIONS);
	nf_triage_info ti;
	nf_advice adv;
	nf_engine_triage(e, &ti);
	nf_engine_advice(e, &adv);

	json_t *root = json_object(), *ranking = json_array(), *plan = json_array(), *see = json_array();
	if (!root || !ranking || !plan || !see)
		goto out_nomem;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(ranking, cause_json(e, order[i]));
	for (size_t i = 0; i < adv.nplans; i++) {
		const nf_advice_plan *p = &adv.plan[i];
		json_t *steps = json_array();
		for (size_t s = 0; s < p->nsteps; s++)
			json_array_append_new(steps, step_json(e, &p->step[s]));
		json_array_append_new(plan, json_pack("{s:s, s:s, s:f, s:s, s:o}", "condition", kb->cond[p->condition].id,
						      "name", kb->cond[p->condition].name, "probability",
						      p->probability, "level",
						      nf_triage_id(nf_engine_condition_level(e, p->condition)), "steps",
						      steps));
	}
	for (size_t k = 0; k < adv.nsee; k++)
		json_array_append_new(see, json_string(adv.see[k]));
	json_t *first = step_json(e, &adv.first);
	json_object_set_new(first, "condition",
			    adv.first_condition >= 0 ? json_string(kb->cond[adv.first_condition].id) : json_null());
	json_object_set_new(first, "finding",
			    adv.first_red_flag >= 0 ? json_string(kb->find[adv.first_red_flag].id) : json_null());

	json_t *red = json_null();
	bool ranked = nf_engine_ranked(e);
	if (ti.red_flag >= 0) {
		size_t to[NF_MAX_CONDITIONS];
		size_t nto = nf_engine_sign_points_to(e, to, NF_MAX_CONDITIONS);
		json_t *points = json_array();
		for (size_t i = 0; i < nto; i++)
			json_array_append_new(points, json_pack("{s:s, s:s, s:f}", "id", kb->cond[to[i]].id, "name",
								kb->cond[to[i]].name, "probability",
								nf_engine_probability(e, to[i])));
		char means[NF_ERROR_MSG_MAX], overtaken[NF_ERROR_MSG_MAX];
		nf_engine_sign_means(e, means, sizeof means);
		nf_engine_sign_overtaken(e, overtaken, sizeof overtaken);
		red = json_pack("{s:s, s:s, s:o, s:o, s:s, s:s?}", "finding", kb->find[ti.red_flag].id, "level",
				nf_triage_id(ti.red_flag_level), "says", words_json(e, kb->find[ti.red_flag].red_flag_says),
				"points_to", points, "means", means, "overtaken", overtaken[0] ? overtaken : NULL);
	}
	/* The warning signs not answered yes or no, emergency ones first: the level cannot speak for
	 * them. */
	json_t *signs = json_array();
	for (int l = NF_EMERGENCY; l >= NF_URGENT; l--) {
		size_t open[NF_MAX_FINDINGS], nopen = nf_engine_open_signs(e, (nf_triage)l, open, NF_MAX_FINDINGS);
		for (size_t i = 0; i < nopen && i < NF_MAX_FINDINGS; i++) {
			size_t w[NF_MAX_FINDINGS], nw = nf_engine_sign_with(e, open[i], w, NF_MAX_FINDINGS);
			json_t *with = json_array();
			for (size_t k = 0; k < nw && k < NF_MAX_FINDINGS; k++)
				json_array_append_new(with, json_pack("{s:s, s:s}", "finding", kb->find[w[k]].id, "means",
								      nf_kb_finding_means(kb, w[k])));
			json_array_append_new(signs, json_pack("{s:s, s:s, s:s, s:b, s:b, s:o}", "finding", kb->find[open[i]].id,
								"level", nf_triage_id((nf_triage)l), "means",
								nf_kb_finding_means(kb, open[i]), "today",
								/* listed at emergency, as a rule's last part, its own
								 * "today" would read as a slower second instruction */
								l == NF_URGENT && kb->find[open[i]].red_flag_today, "with_answers",
								kb->find[open[i]].red_flag < 0, "with", with));
		}
	}
	/* The answers of the escalation rule that sets the level, when one does. */
	json_t *rule = json_array();
	bool every_cause;
	size_t rf[NF_MAX_FINDINGS], nrf = nf_engine_level_rule(e, rf, NF_MAX_FINDINGS, &every_cause);
	for (size_t i = 0; i < nrf && i < NF_MAX_FINDINGS; i++)
		json_array_append_new(rule, json_string(kb->find[rf[i]].id));
	json_t *triage = json_pack("{s:s, s:o, s:s, s:o, s:{s:f, s:f, s:f}, s:o, s:o, s:b, s:b, s:b}", "level",
				   nf_triage_id(ti.level), "words", words_json(e, adv.headline), "by_probability",
				   nf_triage_id(ti.by_probability), "red_flag", red, "mass", "emergency",
				   ti.mass[NF_EMERGENCY], "urgent", ti.mass[NF_URGENT], "routine", ti.mass[NF_ROUTINE],
				   "open_signs", signs, "rule", rule, "rule_every_cause", every_cause,
				   "percentages", nf_engine_percentages(e), "ranked", ranked);
	/* Why the level, when the causes' chance set it (nf_engine_chance_words): the faces say it
	 * after "Why:" or after a rule's answers. */
	char chance[1024];
	nf_engine_chance_words(e, chance, sizeof chance);
	json_object_set_new(triage, "chance_words", words_json(e, chance));
	/* Why no ranking is shown, for the page and the report to say it in the engine's words. */
	if (!ranked)
		json_object_set_new(triage, "unranked_words", json_string(nf_engine_unranked_words(e)));
	json_object_set_new(root, "version", json_string(nf_version()));
	json_object_set_new(root, "mode", json_string(nf_engine_mode(e) == NF_MODE_CLINICIAN ? "clinician" : "runner"));
	json_object_set_new(root, "triage", triage);
	json_object_set_new(root, "ranking", ranking);
	json_object_set_new(root, "first_step", first);
	json_object_set_new(root, "plan", plan);
	json_object_set_new(root, "see", see);
	json_object_set_new(root, "answers", answers_json(e));
	json_object_set_new(root, "questions", json_integer((json_int_t)nf_engine_screens(e)));
	json_object_set_new(root, "disclaimer", json_string(disclaimer));
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	json_decref(root);
	return text;

out_nomem:
	json_decref(root);
	json_decref(ranking);
	json_decref(plan);
	json_decref(see);
	return NULL;
}
