/* The report's content: the analysis, the assessment (saved or fresh), answers in words and the
 * references behind the causes and steps shown. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/engine.h"
#include "report/report_priv.h"


const char rp_disclaimer[] =
	"This is not a diagnosis. numbfoot informs; it has not examined anyone. The probabilities come "
	"from published evidence and estimates, not from an examination, and a doctor or physiotherapist "
	"who examines the runner decides. Sudden weakness, a cold pale foot, numbness between the legs or "
	"trouble passing urine need emergency care.";

const char rp_gps_note[] =
	"GPS tracks are left out, for privacy: the runner can make the report again with the routes of the "
	"latest runs with numbness.";

void rp_unfinished_note(const struct rp_doc *d, char *buf, size_t cap)
{
	if (!d->unfinished[0]) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	snprintf(buf, cap,
		 "The last assessment (%.10s %.5s UTC) was not finished: it ended before every question was "
		 "asked, so this report uses %s.",
		 d->unfinished, d->unfinished + 11,
		 d->fresh ? "one made now from the journal's data alone" : "the latest finished one");
}

double rp_per_km(const struct rp_doc *d)
{
	return d->opt->units == NF_UNITS_MI ? 1 / NF_KM_PER_MILE : 1;
}

const char *rp_unit(const struct rp_doc *d)
{
	return d->opt->units == NF_UNITS_MI ? "mi" : "km";
}

void rp_dist(const struct rp_doc *d, double km, int decimals, char *buf, size_t cap)
{
	snprintf(buf, cap, "%.*f %s", decimals, km * rp_per_km(d), rp_unit(d));
}

void rp_answer_text(const struct rp_doc *d, const char *id, json_t *v, char *buf, size_t cap)
{
	const nf_kb *kb = d->kb;
	int f = nf_kb_finding_index(kb, id);
	if (!v || json_is_null(v) || f < 0) {
		snprintf(buf, cap, "don't know");
		return;
	}
	if (json_is_boolean(v)) {
		snprintf(buf, cap, "%s", json_is_true(v) ? "yes" : "no");
	} else if (json_is_number(v)) {
		if (nf_kb_finding_is_distance(kb, (size_t)f))
			snprintf(buf, cap, "%.3g %s", json_number_value(v) * rp_per_km(d), rp_unit(d));
		else
			nf_kb_number_text(kb, (size_t)f, json_number_value(v), buf, cap);
	} else if (json_is_string(v)) {
		int k = nf_kb_finding_value_index(kb, (size_t)f, json_string_value(v));
		snprintf(buf, cap, "%s", k >= 0 ? nf_kb_finding_value_means(kb, (size_t)f, (size_t)k) : json_string_value(v));
	} else if (json_is_array(v)) {
		size_t n = 0, i;
		json_t *x;
		buf[0] = '\0';
		json_array_foreach(v, i, x)
		{
			int k = json_is_string(x) ? nf_kb_finding_value_index(kb, (size_t)f, json_string_value(x)) : -1;
			if (k >= 0 && n < cap)
				n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "",
						      nf_kb_finding_value_means(kb, (size_t)f, (size_t)k));
		}
		if (!n)
			snprintf(buf, cap, "none of the listed places");
	} else {
		snprintf(buf, cap, "?");
	}
}

bool rp_is_derived(const struct rp_doc *d, const char *id)
{
	size_t i;
	json_t *x;
	json_array_foreach(d->derived, i, x) if (json_is_string(x) && !strcmp(json_string_value(x), id)) return true;
	return false;
}

json_t *rp_derived_value(const nf_derived *dv)
{
	if (dv->is_places)
		return NULL;
	if (dv->choice)
		return json_string(dv->choice);
	return dv->is_number ? json_real(dv->x) : json_boolean(dv->b);
}

bool rp_derived_holds(const struct rp_doc *d, const char *id)
{
	const nf_derived *x = nf_analysis_find(d->an, id);
	if (!x || x->open)
		return false;
	if (x->is_places)
		return true;
	json_t *now = rp_derived_value(x), *saved = json_object_get(json_object_get(d->result, "answers"), id);
	/* Numbers compare as numbers: a saved integer and today's real of the same value are one. */
	bool same = now && saved &&
		    (json_is_number(now) && json_is_number(saved) ? json_number_value(now) == json_number_value(saved)
								  : json_equal(now, saved));
	json_decref(now);
	return same;
}

const char *rp_evidence(const struct rp_doc *d, const char *id)
{
	const nf_derived *x = nf_analysis_find(d->an, id);
	return x && rp_derived_holds(d, id) ? x->evidence : NULL;
}

/* What a reason of cause (a ranking entry of d->result) rests on: its "evidence", or for a result
 * saved before reasons carried one, the knowledge base's kind for it now. */
static nf_evidence reason_evidence(const struct rp_doc *d, json_t *cause, json_t *reason)
{
	int ev = nf_evidence_from_id(json_string_value(json_object_get(reason, "evidence")));
	if (ev >= 0)
		return (nf_evidence)ev;
	int c = nf_kb_condition_index(d->kb, json_string_value(json_object_get(cause, "id")));
	int f = nf_kb_finding_index(d->kb, json_string_value(json_object_get(reason, "finding")));
	return c < 0 || f < 0 ? NF_EV_ESTIMATE : nf_kb_finding_evidence(d->kb, (size_t)f, (size_t)c);
}

const char *rp_gear_name(const struct rp_doc *d, int64_t id)
{
	size_t n;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	for (size_t i = 0; i < n; i++)
		if (g[i].gear.id == id)
			return g[i].gear.nickname;
	return "";
}

/* ---- page one's facts ---- */

static json_t *answer(const struct rp_doc *d, const char *id)
{
	json_t *v = json_object_get(json_object_get(d->result, "answers"), id);
	return json_is_null(v) ? NULL : v;
}

static void rp_runner_words(const struct rp_doc *d, char *buf, size_t cap)
{
	json_t *age = answer(d, "age"), *sex = answer(d, "sex");
	char a[48] = "age not given", s[48] = "sex not given";
	if (json_is_number(age))
		snprintf(a, sizeof a, "%.0f years old", json_number_value(age));
	if (json_is_string(sex))
		rp_answer_text(d, "sex", sex, s, sizeof s);
	snprintf(buf, cap, "%s, %s", a, s);
}

static void rp_assessment_words(const struct rp_doc *d, char *buf, size_t cap)
{
	if (d->fresh)
		snprintf(buf, cap,
			 "not complete: %s saved yet, so this one was made now from the journal's data alone; the "
			 "warning signs and the questions the journal cannot answer were not asked",
			 d->unfinished[0] ? "no finished assessment" : "none");
	else
		snprintf(buf, cap, "complete (the interview ran to its end), %.10s %.5s UTC, saved in the journal",
			 d->assessed, d->assessed + 11);
}

const char *rp_place_words(const struct rp_doc *d, int i, bool short_form)
{
	int f = nf_kb_finding_index(d->kb, "location");
	int k = f < 0 ? -1 : nf_kb_finding_value_index(d->kb, (size_t)f, nf_location_name(i));
	const char *w = k < 0 ? nf_location_name(i) : nf_kb_finding_value_means(d->kb, (size_t)f, (size_t)k);
	if (!w)
		return "?";
	return short_form && !strncmp(w, "the ", 4) ? w + 4 : w;
}

void rp_places_text(const struct rp_doc *d, uint32_t set, char *buf, size_t cap)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < NF_LOCATION_COUNT && n < cap; i++)
		if (set >> i & 1)
			n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", rp_place_words(d, i, true));
	if (!n)
		snprintf(buf, cap, "-");
}

const char *rp_episode_foot(const nf_episode *e)
{
	if (e->foot != NF_FOOT_UNKNOWN)
		return nf_foot_name(e->foot);
	return e->side == NF_SIDE_ONE ? "one" : e->side == NF_SIDE_BOTH ? "both" : "-";
}

static void rp_where_words(const struct rp_doc *d, char *buf, size_t cap)
{
	json_t *v = answer(d, "location");
	size_t n = 0, neps;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &neps);
	/* The runner's own answer; one the journal gave is told by its episodes, with their counts. */
	if (json_is_array(v) && json_array_size(v) && !(neps && rp_is_derived(d, "location"))) {
		rp_answer_text(d, "location", v, buf, cap);
		return;
	}
	/* From the episodes: each place with the number of episodes naming it, most first. */
	int count[NF_LOCATION_COUNT] = {0};
	for (size_t i = 0; i < neps; i++)
		for (int k = 0; k < NF_LOCATION_COUNT; k++)
			count[k] += (int)(e[i].ep.locations >> k & 1);
	buf[0] = '\0';
	for (int shown = 0; shown < NF_LOCATION_COUNT && n < cap; shown++) {
		int best = -1;
		for (int k = 0; k < NF_LOCATION_COUNT; k++)
			if (count[k] > 0 && (best < 0 || count[k] > count[best]))
				best = k;
		if (best < 0)
			break;
		n += (size_t)snprintf(buf + n, cap - n, "%s%s (%d of %zu episode%s)", n ? ", " : "",
				      rp_place_words(d, best, false), count[best], neps, neps == 1 ? "" : "s");
		count[best] = 0;
	}
	if (!n)
		snprintf(buf, cap, "%s", neps ? "not recorded on the episodes" : "not given, and no episodes logged yet");
}

static void rp_foot_words(const struct rp_doc *d, char *buf, size_t cap)
{
	const nf_derived *same = nf_analysis_find(d->an, "same_foot"), *side = nf_analysis_find(d->an, "side");
	json_t *v = answer(d, "side");
	if (same || side) {
		snprintf(buf, cap, "%s", (same ? same : side)->evidence);
		return;
	}
	char ans[64] = "";
	if (json_is_string(v))
		rp_answer_text(d, "side", v, ans, sizeof ans);
	size_t neps;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &neps);
	int k = 0;
	if (ans[0])
		k = snprintf(buf, cap, "%s %s (the runner's answer)", !strcmp(json_string_value(v), "both") ? "both" : "one",
			     !strcmp(json_string_value(v), "both") ? "feet" : "foot");
	if (!neps) {
		if (!ans[0])
			snprintf(buf, cap, "not given");
		return;
	}
	/* No finding (the feet named are too few, or mixed): the episodes' own counts, so that two
	 * episodes in the left foot and four that do not say read as that, not as "not given". */
	int n[NF_FOOT_BOTH + 1] = {0};
	for (size_t i = 0; i < neps; i++)
		n[e[i].ep.foot >= NF_FOOT_LEFT && e[i].ep.foot <= NF_FOOT_BOTH ? e[i].ep.foot : NF_FOOT_UNKNOWN]++;
	static const char *const words[] = {"", "left", "right", "both feet"};
	bool counted = false;
	for (int f = NF_FOOT_LEFT; f <= NF_FOOT_BOTH && k >= 0 && (size_t)k < cap; f++)
		if (n[f]) {
			k += snprintf(buf + k, cap - (size_t)k, "%s%s in %d", counted ? ", " : k ? "; " : "", words[f],
				      n[f]);
			counted = true;
		}
	if (k < 0 || (size_t)k >= cap)
		return;
	if (n[NF_FOOT_LEFT] + n[NF_FOOT_RIGHT] + n[NF_FOOT_BOTH] == 0)
		snprintf(buf + k, cap - (size_t)k, "%sthe journal's episodes do not say which foot each was in",
			 k ? "; " : "");
	else if (n[NF_FOOT_UNKNOWN])
		snprintf(buf + k, cap - (size_t)k, " of %zu episode%s; %d %s not say", neps, neps == 1 ? "" : "s",
			 n[NF_FOOT_UNKNOWN], n[NF_FOOT_UNKNOWN] == 1 ? "does" : "do");
	else
		snprintf(buf + k, cap - (size_t)k, " of %zu episode%s", neps, neps == 1 ? "" : "s");
}

/* The pattern in one sentence, from the answers the assessment used (the runner's or the
 * journal's), so that a doctor reads the story before the table of answers: how long, where on the
 * run it starts, how it settles, at rest, getting worse. Only what is known is said. */
static void rp_story_words(const struct rp_doc *d, char *buf, size_t cap)
{
	json_t *weeks = answer(d, "weeks_since_onset"), *km = answer(d, "onset_km"), *same = answer(d, "onset_consistent"),
	       *stops = answer(d, "resolves_on_stopping"), *mins = answer(d, "resolve_minutes"),
	       *rest = answer(d, "at_rest"), *worse = answer(d, "progressive"), *hours = answer(d, "not_settled_hours");
	char t[96];
	size_t n = 0;
	buf[0] = '\0';
#define SAY(...)                                                                                                       \
	do {                                                                                                           \
		if (n < cap) {                                                                                         \
			int w_ = snprintf(buf + n, cap - n, __VA_ARGS__);                                              \
			n = w_ < 0 ? cap : n + (size_t)w_;                                                             \
		}                                                                                                      \
	} while (0)
	if (json_is_number(weeks)) {
		double w = json_number_value(weeks);
		if (w < 1)
			SAY("new this week");
		else
			SAY("for %.0f week%s", w, w < 1.5 ? "" : "s");
	}
	if (json_is_number(km)) {
		rp_answer_text(d, "onset_km", km, t, sizeof t);
		SAY("%sstarts at about %s%s", n ? "; " : "", t,
		    json_is_true(same) ? ", at the same point on every run" : "");
	} else if (json_is_true(same)) {
		SAY("%sstarts at the same point on every run", n ? "; " : "");
	} else if (json_is_false(same)) {
		SAY("%sstarts at no set point", n ? "; " : "");
	}
	if (json_is_true(hours))
		SAY("%shas not come back to normal hours after a run", n ? "; " : "");
	else if (json_is_number(mins)) {
		rp_answer_text(d, "resolve_minutes", mins, t, sizeof t);
		SAY("%sback to normal %s after stopping", n ? "; " : "", t);
	} else if (json_is_true(stops))
		SAY("%sgoes away after stopping", n ? "; " : "");
	else if (json_is_false(stops))
		SAY("%sdoes not go away after stopping", n ? "; " : "");
	if (json_is_boolean(rest))
		SAY("%s%s at rest", n ? "; " : "", json_is_true(rest) ? "also there" : "not there");
	if (json_is_boolean(worse))
		SAY("%s%s", n ? "; " : "", json_is_true(worse) ? "getting worse" : "not getting worse");
#undef SAY
	if (!n)
		snprintf(buf, cap, "not given (how long, when on a run it starts and how it settles were not answered)");
	else if (n < cap)
		buf[0] = (char)toupper((unsigned char)buf[0]);
}

void rp_facts(const struct rp_doc *d, rp_fact_fn fn, void *ctx)
{
	char b[RP_TEXT_MAX];
	size_t nruns, neps;
	nf_analysis_runs(d->an, &nruns);
	nf_analysis_episodes(d->an, &neps);
	rp_runner_words(d, b, sizeof b);
	fn(ctx, "Runner", b);
	rp_assessment_words(d, b, sizeof b);
	fn(ctx, "Assessment", b);
	rp_where_words(d, b, sizeof b);
	fn(ctx, "Where", b);
	rp_foot_words(d, b, sizeof b);
	fn(ctx, "Which foot", b);
	rp_story_words(d, b, sizeof b);
	fn(ctx, "Pattern", b);
	snprintf(b, sizeof b, "%zu run%s, %zu episode%s of numbness; report date %.10s", nruns, nruns == 1 ? "" : "s",
		 neps, neps == 1 ? "" : "s", d->today);
	fn(ctx, "Journal", b);
}

void rp_others_words(const struct rp_doc *d, bool percent, char *buf, size_t cap)
{
	json_t *r;
	size_t i, n = 0;
	int named = 0, rest = 0;
	double most = 0;
	buf[0] = '\0';
	json_array_foreach(json_object_get(d->result, "ranking"), i, r)
	{
		double p = json_number_value(json_object_get(r, "probability"));
		/* Page one lists the top three causes, whatever their probability. */
		if (i < RP_TOP_CAUSES)
			continue;
		if (p >= 0.01 && named < RP_ALSO_NAMED && n < cap) {
			const char *name = json_string_value(json_object_get(r, "name"));
			if (percent)
				n += (size_t)snprintf(buf + n, cap - n, "%s%s (%.0f%%)", named ? ", " : "Also possible: ",
						      name, 100 * p);
			else
				n += (size_t)snprintf(buf + n, cap - n, "%s%s", named ? ", " : "Also possible: ", name);
			named++;
		} else {
			rest++;
			most = fmax(most, p);
		}
	}
	if (n >= cap)
		return;
	if (!percent)
		snprintf(buf + n, cap - n, "%s%d other%s.", n ? ". " : "", rest, rest == 1 ? "" : "s");
	else if (most < 0.01)
		snprintf(buf + n, cap - n, "%sOthers under 1%% each.", n ? ". " : "");
	else
		snprintf(buf + n, cap - n, "%s%d other%s, each %.0f%% or less.", n ? ". " : "", rest, rest == 1 ? "" : "s",
			 ceil(100 * most));
}

bool rp_reason_words(const struct rp_doc *d, json_t *cause, json_t *reason, char *words, size_t cap,
		     char factor[NF_FACTOR_MAX], const char **mark)
{
	const char *fid = json_string_value(json_object_get(reason, "finding"));
	double w = json_number_value(json_object_get(reason, "weight"));
	int f = fid ? nf_kb_finding_index(d->kb, fid) : -1;
	*mark = NULL;
	if (f < 0 || fabs(w) < 0.1)
		return false;
	char ans[256];
	rp_answer_text(d, fid, json_object_get(reason, "answer"), ans, sizeof ans);
	nf_evidence ev = reason_evidence(d, cause, reason);
	*mark = ev == NF_EV_MEASURED ? NULL : nf_evidence_id(ev);
	nf_factor_text(w, factor, NF_FACTOR_MAX);
	snprintf(words, cap, "%s %s: %s", w > 0 ? "raised by" : "lowered by", nf_kb_finding_means(d->kb, (size_t)f), ans);
	return true;
}

/* A fresh assessment from the derived findings alone. */
static nf_err fresh(struct rp_doc *d, nf_error *err)
{
	nf_engine *e = NULL;
	nf_err rc = nf_engine_new(d->kb, NF_MODE_RUNNER, &e, err);
	if (rc)
		return rc;
	if ((rc = nf_analysis_apply(d->an, e, NULL, err)))
		goto out;
	char *text = nf_engine_result_json(e);
	rc = NF_ENOMEM;
	if (!text) {
		nf_error_set(err, rc, "out of memory");
		goto out;
	}
	d->result = json_loads(text, 0, NULL);
	free(text);
	d->derived = json_array();
	if (!d->result || !d->derived) {
		nf_error_set(err, rc, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nf_analysis_findings(d->an); i++) {
		const char *id = nf_analysis_finding(d->an, i)->id;
		if (nf_kb_finding_index(d->kb, id) >= 0)
			json_array_append_new(d->derived, json_string(id));
	}
	d->fresh = true;
	nf_time_iso(d->opt->now, d->assessed, sizeof d->assessed);
	rc = NF_OK;
out:
	nf_engine_free(e);
	return rc;
}

static void add_source(json_t *list, const char *s)
{
	if (s && *s)
		json_array_append_new(list, json_string(s));
}

/* The references cited by the priors, plans and likelihoods of the causes page one shows (the top
 * RP_TOP_CAUSES, and of each only the reasons shown), and by the steps of the plan: not those of
 * conditions the page leaves among "others", which would bury the few that matter. */
static nf_err gather_refs(struct rp_doc *d, nf_error *err)
{
	json_t *src = json_array(), *rank = json_object_get(d->result, "ranking"), *r;
	d->refs = json_array();
	if (!src || !d->refs) {
		json_decref(src);
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	}
	size_t i;
	json_array_foreach(rank, i, r)
	{
		if (i >= RP_TOP_CAUSES)
			break;
		int c = nf_kb_condition_index(d->kb, json_string_value(json_object_get(r, "id")));
		if (c < 0)
			continue;
		const char *s;
		nf_kb_condition_prior(d->kb, (size_t)c, &s);
		add_source(src, s);
		for (size_t k = 0; k < nf_kb_condition_plan_steps(d->kb, (size_t)c); k++) {
			double w;
			nf_kb_condition_plan_step(d->kb, (size_t)c, k, &w, &s);
			add_source(src, s);
		}
		/* A condition with forms: its reasons are the likeliest form's, and so are their sources. */
		size_t row = (size_t)c;
		const char *form = json_string_value(json_object_get(json_object_get(r, "form"), "id"));
		for (size_t k = 0; form && k < nf_kb_condition_forms(d->kb, (size_t)c); k++) {
			const char *id;
			size_t at = nf_kb_condition_form(d->kb, (size_t)c, k, &id, NULL, NULL);
			if (!strcmp(id, form))
				row = at;
		}
		json_t *reasons = json_object_get(r, "reasons"), *x;
		size_t k;
		json_array_foreach(reasons, k, x)
		{
			if (k >= RP_REASONS_SHOWN)
				break;
			int f = nf_kb_finding_index(d->kb, json_string_value(json_object_get(x, "finding")));
			char buf[512];
			bool listed;
			if (f < 0)
				continue;
			s = NULL;
			nf_kb_finding_describe(d->kb, (size_t)f, row, buf, sizeof buf, &s, &listed);
			add_source(src, s);
		}
	}
	/* The advice's own steps: an escalation rule's or a warning sign's first step, safety nets. */
	add_source(src, json_string_value(json_object_get(json_object_get(d->result, "first_step"), "source")));
	json_t *pl;
	json_array_foreach(json_object_get(d->result, "plan"), i, pl)
	{
		json_t *st;
		size_t k;
		json_array_foreach(json_object_get(pl, "steps"), k, st)
			add_source(src, json_string_value(json_object_get(st, "source")));
	}
	for (size_t k = 0; k < nf_kb_references(d->kb); k++) {
		const char *cite, *key = nf_kb_reference(d->kb, k, &cite);
		json_t *x;
		size_t m;
		json_array_foreach(src, m, x) if (strstr(json_string_value(x), key))
		{
			json_array_append_new(d->refs, json_pack("{s:s, s:s}", "key", key, "cite", cite ? cite : ""));
			break;
		}
	}
	json_decref(src);
	return NF_OK;
}

/* The routes of the latest runs with numbness that have one stored (report --gps), latest first. */
static nf_err load_routes(struct rp_doc *d, nf_journal *j, nf_error *err)
{
	size_t n;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	for (size_t i = n; i-- > 0 && d->nroutes < RP_ROUTES;) {
		if (!r[i].episodes)
			continue;
		struct rp_route *rt = &d->route[d->nroutes];
		nf_err rc = nf_journal_get_track(j, r[i].id, &rt->pt, &rt->n, err);
		if (rc)
			return rc;
		if (!rt->n) {
			free(rt->pt);
			rt->pt = NULL;
			continue;
		}
		an_date(r[i].time, rt->date);
		rt->km = r[i].km;
		rt->onset_km = r[i].onset_km;
		d->nroutes++;
	}
	return NF_OK;
}

/* Appends run id's notes, if it has any, to list (*n of them; the caller leaves room): a copy
 * the list owns. */
static nf_err add_note(nf_journal *j, int64_t id, struct rp_run_note *list, size_t *n, nf_error *err)
{
	nf_journal_run run;
	nf_err rc = nf_journal_get_run(j, id, &run, err);
	if (rc || !run.notes[0])
		return rc;
	char *text = strdup(run.notes);
	if (!text)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	list[(*n)++] = (struct rp_run_note){id, run.rec.start_time, text};
	return NF_OK;
}

/* The notes of the runs behind the episodes the history lists (the latest RP_EPISODES_SHOWN): the
 * runner's own words ("tempo in racers, tingling front of left foot") beside the table; and those
 * of the latest runs without numbness. */
static nf_err load_run_notes(struct rp_doc *d, nf_journal *j, nf_error *err)
{
	size_t n, nr;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &n);
	const nf_an_run *r = nf_analysis_runs(d->an, &nr);
	for (size_t i = n > RP_EPISODES_SHOWN ? n - RP_EPISODES_SHOWN : 0; i < n; i++) {
		int64_t id = r[e[i].run].id;
		bool seen = false;
		for (size_t k = 0; k < d->nrun_notes; k++)
			seen |= d->run_note[k].run_id == id;
		if (seen || d->nrun_notes >= RP_EPISODES_SHOWN)
			continue;
		nf_err rc = add_note(j, id, d->run_note, &d->nrun_notes, err);
		if (rc)
			return rc;
	}
	/* The latest runs without numbness, newest first; at most RP_CLEAN_SCAN are read, so that a
	 * journal of years stays one quick pass. */
	for (size_t i = nr, read = 0; i-- > 0 && read < RP_CLEAN_SCAN && d->nclean_notes < RP_CLEAN_NOTES;) {
		if (r[i].episodes)
			continue;
		read++;
		nf_err rc = add_note(j, r[i].id, d->clean_note, &d->nclean_notes, err);
		if (rc)
			return rc;
	}
	return NF_OK;
}

nf_err rp_doc_load(struct rp_doc *d, nf_journal *j, const nf_kb *kb, const nf_report_options *o, nf_error *err)
{
	memset(d, 0, sizeof *d);
	d->kb = kb;
	d->opt = o;
	nf_time_iso(o->now, d->today, sizeof d->today);
	nf_err rc = nf_analyze_in(j, o->now, o->units, &d->an, err);
	if (rc)
		return rc;
	if ((o->gps && (rc = load_routes(d, j, err))) || (rc = load_run_notes(d, j, err))) {
		rp_doc_release(d);
		return rc;
	}
	nf_assessment *as = NULL;
	size_t nas = 0;
	if ((rc = nf_journal_list_assessments(j, &as, &nas, err))) {
		rp_doc_release(d);
		return rc;
	}
	/* The headline is the latest complete assessment: one cut short (the input closed, or the
	 * runner stopped it) may lack the warning signs. A newer unfinished one is named instead. */
	const nf_assessment *last = NULL; /* oldest first: the latest is last */
	for (size_t k = nas; k-- > 0 && !last;)
		if (as[k].complete && as[k].result)
			last = &as[k];
	if (nas && !as[nas - 1].complete)
		snprintf(d->unfinished, sizeof d->unfinished, "%s", as[nas - 1].time);
	if (last) {
		d->result = json_loads(last->result, 0, NULL);
		json_t *ans = json_loads(last->answers, 0, NULL);
		json_t *der = ans ? json_object_get(ans, "derived") : NULL;
		d->derived = json_is_array(der) ? json_incref(der) : json_array();
		json_decref(ans);
		snprintf(d->assessed, sizeof d->assessed, "%s", last->time);
		nf_assessment_list_free(as, nas);
		if (!d->result || !d->derived) {
			rp_doc_release(d);
			return nf_error_set(err, NF_EPARSE, "the saved assessment's result is not readable");
		}
	} else {
		nf_assessment_list_free(as, nas);
		if ((rc = fresh(d, err))) {
			rp_doc_release(d);
			return rc;
		}
	}
	if ((rc = gather_refs(d, err)) || (rc = rp_content_build(d, err)))
		rp_doc_release(d);
	return rc;
}

void rp_doc_release(struct rp_doc *d)
{
	for (size_t i = 0; i < d->nroutes; i++)
		free(d->route[i].pt);
	d->nroutes = 0;
	for (size_t i = 0; i < d->nrun_notes; i++)
		free(d->run_note[i].text);
	d->nrun_notes = 0;
	for (size_t i = 0; i < d->nclean_notes; i++)
		free(d->clean_note[i].text);
	d->nclean_notes = 0;
	rp_content_release(d);
	nf_analysis_free(d->an);
	json_decref(d->result);
	json_decref(d->derived);
	json_decref(d->refs);
	d->an = NULL;
	d->result = d->derived = d->refs = NULL;
}
