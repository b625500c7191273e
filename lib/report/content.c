/* The report's content as one list of lines, built once from the document (model.c's words) so
 * that the PDF and the HTML writer render the same sections, answers and notes; each writer only
 * chooses how a kind of line looks. The sections come from a table, in the order they print. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "report/report_priv.h"

const char *const rp_columns[RP_COLS] = {"date", "run", "onset", "severity", "foot", "where", "recovery", "shoes"};
const int rp_table_cols[RP_TABLES] = {RP_COLS, 7};
const char *const rp_table_head[RP_TABLES][RP_COLS] = {
	{"date", "run", "onset", "severity", "foot", "where", "recovery", "shoes"},
	{"pair", "brand", "model", "first use", "distance", "runs", "with numbness"},
};

struct builder {
	struct rp_doc *d;
	bool failed; /* an allocation failed: the lines are incomplete */
};

static char *dup_or_null(struct builder *b, const char *s)
{
	if (!s)
		return NULL;
	char *c = core_strdup(s);
	if (!c)
		b->failed = true;
	return c;
}

/* Appends a line of kind k with its text (a copy) and returns it, or NULL when out of memory
 * (b->failed is then set and the caller adds nothing more to it). */
static struct rp_line *add(struct builder *b, enum rp_kind k, const char *label, const char *text)
{
	struct rp_doc *d = b->d;
	if (b->failed)
		return NULL;
	if (d->nlines == d->lines_cap) {
		size_t cap = d->lines_cap ? d->lines_cap * 2 : 64;
		struct rp_line *q = core_realloc(d->lines, cap * sizeof *q);
		if (!q) {
			b->failed = true;
			return NULL;
		}
		d->lines = q, d->lines_cap = cap;
	}
	struct rp_line *l = &d->lines[d->nlines];
	memset(l, 0, sizeof *l);
	l->kind = k;
	l->label = dup_or_null(b, label);
	l->text = dup_or_null(b, text);
	d->nlines++; /* counted even when a copy failed, so that release frees what was copied */
	return b->failed ? NULL : l;
}

static struct rp_line *addf(struct builder *b, enum rp_kind k, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static struct rp_line *addf(struct builder *b, enum rp_kind k, const char *label, const char *fmt, ...)
{
	char t[RP_TEXT_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t, sizeof t, fmt, ap);
	va_end(ap);
	return add(b, k, label, t);
}

static void bold(struct rp_line *l)
{
	if (l)
		l->bold = true;
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static void pct(double p, char b[16])
{
	if (p > 0.99)
		snprintf(b, 16, ">99%%");
	else if (p < 0.001)
		snprintf(b, 16, "<0.1%%");
	else if (p < 0.01) /* the doctor sees how far down it is, not only that it is under 1% */
		snprintf(b, 16, "%.1f%%", 100 * p);
	else
		snprintf(b, 16, "%.0f%%", 100 * p);
}

/* ---- the sections, in order ---- */

static void fact(void *ctx, const char *label, const char *words)
{
	add(ctx, RP_FACT, label, words);
}

/* The answers the saved assessment took from the journal that today's analysis no longer derives,
 * or derives otherwise (episodes logged since, or an analysis that has learnt better): said on the
 * first page, since the triage and causes below rest on the saved ones, and a doctor must not read
 * a saved "getting worse" that the journal no longer shows as today's finding. */
static void changed_since(struct builder *b)
{
	const struct rp_doc *d = b->d;
	char t[RP_TEXT_MAX];
	size_t n = 0, i;
	json_t *x, *given = json_object_get(d->result, "answers");
	t[0] = '\0';
	json_array_foreach(d->derived, i, x)
	{
		const char *id = json_string_value(x);
		int f = id ? nf_kb_finding_index(d->kb, id) : -1;
		if (f < 0 || !json_object_get(given, id) || rp_derived_holds(d, id) || n >= sizeof t - 1)
			continue;
		char was[128], now[128] = "";
		rp_answer_text(d, id, json_object_get(given, id), was, sizeof was);
		const nf_derived *dv = nf_analysis_find(d->an, id);
		json_t *v = dv && !dv->open ? rp_derived_value(dv) : NULL;
		if (v)
			rp_answer_text(d, id, v, now, sizeof now);
		json_decref(v);
		int w = now[0] ? snprintf(t + n, sizeof t - n, "%s%s: %s in the assessment, %s now", n ? "; " : "",
					  nf_kb_finding_means(d->kb, (size_t)f), was, now)
			       : snprintf(t + n, sizeof t - n, "%s%s: %s in the assessment, no longer shown", n ? "; " : "",
					  nf_kb_finding_means(d->kb, (size_t)f), was);
		n = w < 0 ? n : n + (size_t)w < sizeof t ? n + (size_t)w : sizeof t - 1;
	}
	if (n)
		bold(addf(b, RP_PARA, NULL,
			  "The journal has changed since this assessment was saved, and the triage and causes below "
			  "rest on its answers: %s. A new assessment started from the journal would use "
			  "what the journal shows now.",
			  t));
}

static void opening(struct builder *b)
{
	char t[RP_TEXT_MAX];
	add(b, RP_PARA, NULL,
	    "For a sports-medicine doctor or physiotherapist. Made from the runner's own answers and run journal.");
	rp_facts(b->d, fact, b);
	rp_unfinished_note(b->d, t, sizeof t);
	if (t[0])
		bold(add(b, RP_PARA, NULL, t));
	changed_since(b);
}

static void triage(struct builder *b)
{
	json_t *tri = json_object_get(b->d->result, "triage");
	add(b, RP_TRIAGE, str(tri, "level"), str(tri, "words"));
	/* A level an escalation rule set is told by the rule's answers (triage.rule). */
	json_t *rule = json_object_get(tri, "rule"), *id;
	size_t i, n = 0;
	char t[RP_TEXT_MAX];
	json_array_foreach(rule, i, id)
	{
		int f = nf_kb_finding_index(b->d->kb, json_string_value(id));
		if (f < 0 || n >= sizeof t - 1)
			continue;
		char ans[256];
		rp_answer_text(b->d, json_string_value(id), json_object_get(json_object_get(b->d->result, "answers"),
									      json_string_value(id)),
			       ans, sizeof ans);
		int w = snprintf(t + n, sizeof t - n, "%s%s: %s", n ? "; " : "", nf_kb_finding_means(b->d->kb, (size_t)f), ans);
		n = w < 0 ? n : n + (size_t)w < sizeof t ? n + (size_t)w : sizeof t - 1;
	}
	/* A level the causes' chance set is told by that chance (triage.chance_words); a result saved
	 * before the words were kept has none. */
	const char *chance = str(tri, "chance_words");
	if (n)
		bold(addf(b, RP_PARA, NULL, "Set by a rule on these answers: %s%s%s.", t, *chance ? "; with them, " : "", chance));
	else if (*chance)
		addf(b, RP_PARA, NULL, "Why this level: %s.", chance);
	json_t *rf = json_object_get(tri, "red_flag");
	if (!json_is_object(rf))
		return;
	/* The sign's own words give its own timing, which other answers may have overtaken. */
	char u[RP_TEXT_MAX];
	nf_units_text(str(rf, "says"), b->d->opt->units, u, sizeof u);
	if (!strcmp(str(rf, "level"), str(tri, "level")))
		bold(addf(b, RP_PARA, NULL, "Set by a warning sign: %s", u));
	else if (*str(rf, "overtaken"))
		bold(add(b, RP_PARA, NULL, str(rf, "overtaken")));
	else /* saved by a version that gave no words for it: as that version showed it */
		bold(addf(b, RP_PARA, NULL, "A warning sign (alone it would need less; the other answers set the level "
					    "above): %s",
			  u));
	/* What the sign points to (nf_engine_sign_means): the ranking below weighs every other answer
	 * too and can be led by a footwear cause. */
	const char *means = str(rf, "means");
	if (*means)
		add(b, RP_PARA, NULL, means);
}

/* Did a warning sign set the level? The causes below then say so beside their order. */
static bool sign_first(const struct rp_doc *d)
{
	json_t *tri = json_object_get(d->result, "triage"), *rf = json_object_get(tri, "red_flag");
	return json_is_object(rf) && !strcmp(str(rf, "level"), str(tri, "level"));
}

/* The causes and plans keep their order without percentages when the engine says so
 * (nf_engine_percentages); a result saved before it said so is read as the engine then decided:
 * a warning sign that set the level, or a rule for every cause. */
static bool no_percent(const struct rp_doc *d)
{
	json_t *tri = json_object_get(d->result, "triage"), *pc = json_object_get(tri, "percentages");
	if (json_is_boolean(pc))
		return json_is_false(pc);
	return sign_first(d) ||
	       (json_is_true(json_object_get(tri, "rule_every_cause")) && json_array_size(json_object_get(tri, "rule")));
}

static void causes(struct builder *b)
{
	const struct rp_doc *d = b->d;
	char t[RP_TEXT_MAX];
	json_t *r;
	size_t i;
	int marked = 0;
	bool plain = no_percent(d);
	/* No ranking under an emergency warning sign, or with too few answers beside a sign to rank
	 * (nf_engine_ranked); a result saved before it said so is read as ranked. */
	json_t *tri = json_object_get(d->result, "triage");
	if (json_is_false(json_object_get(tri, "ranked"))) {
		/* A result saved before the engine said why has the one reason it then had. */
		const char *why = json_string_value(json_object_get(tri, "unranked_words"));
		add(b, RP_PARA, NULL, why ? why : NF_UNRANKED_WORDS);
		return;
	}
	if (plain && sign_first(d))
		add(b, RP_PARA, NULL,
		    "Of the numbness on runs, likeliest first, with no percentages: the warning sign above comes first, "
		    "and it may have a cause of its own.");
	else if (plain)
		add(b, RP_PARA, NULL,
		    "Of the numbness on runs, likeliest first, with no percentages: the advice above follows from the "
		    "answers, whichever of these is the cause.");
	json_array_foreach(json_object_get(d->result, "ranking"), i, r)
	{
		double prob = json_number_value(json_object_get(r, "probability"));
		/* Always three, however unlikely the second and third: what else was weighed is what a
		 * doctor needs to judge the first. */
		if (i >= RP_TOP_CAUSES)
			break;
		char pc[16];
		pct(prob, pc);
		struct rp_line *l = add(b, RP_CAUSE, str(r, "name"), plain ? NULL : pc);
		if (l)
			l->value = plain ? -1 : prob;
		const char *form = json_string_value(json_object_get(json_object_get(r, "form"), "name"));
		if (form)
			addf(b, RP_REASON, NULL, "most like: %s", form);
		json_t *x;
		size_t k;
		int shown = 0;
		json_array_foreach(json_object_get(r, "reasons"), k, x)
		{
			char factor[NF_FACTOR_MAX];
			const char *mark;
			if (k >= RP_REASONS_SHOWN || !rp_reason_words(d, r, x, t, sizeof t, factor, &mark))
				continue;
			if ((l = add(b, RP_REASON, factor, t))) {
				l->mark = mark;
				l->derived = rp_is_derived(d, str(x, "finding"));
			}
			marked += mark != NULL;
			shown++;
		}
		/* The catch-all has no reasons of its own (nf_engine_reasons): what it stands for instead. */
		if (json_is_false(json_object_get(r, "in_vocabulary")))
			add(b, RP_REASON, NULL, str(r, "summary"));
		else if (!shown)
			add(b, RP_REASON, NULL, "no answer moved it much: it stands on how common it is");
	}
	rp_others_words(d, !plain, t, sizeof t);
	add(b, RP_PARA, NULL, t);
	addf(b, RP_SMALL, NULL, "%s%s", RP_FACTOR_LEGEND, marked ? RP_EVIDENCE_LEGEND : "");
}

/* The warning signs a runner can answer, each with its answer; when none was asked, one line
 * that names them all. */
static void warning_signs(struct builder *b)
{
	const struct rp_doc *d = b->d;
	const nf_kb *kb = d->kb;
	json_t *answers = json_object_get(d->result, "answers");
	char t[RP_TEXT_MAX];
	size_t n = 0;
	int asked = 0;
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says;
		if (nf_kb_finding_red_flag(kb, f, &says) >= 0 && !nf_kb_finding_clinician(kb, f) &&
		    json_object_get(answers, nf_kb_finding_id(kb, f)))
			asked++;
	}
	if (!asked)
		bold(add(b, RP_PARA, NULL,
			 "None of the warning signs has been asked yet (an assessment started from the journal asks "
			 "them):"));
	t[0] = '\0';
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says;
		if (nf_kb_finding_red_flag(kb, f, &says) < 0 || nf_kb_finding_clinician(kb, f))
			continue;
		json_t *v = json_object_get(answers, nf_kb_finding_id(kb, f));
		if (!asked) {
			if (n < sizeof t)
				n += (size_t)snprintf(t + n, sizeof t - n, "%s%s", n ? "; " : "", nf_kb_finding_means(kb, f));
			continue;
		}
		char ans[256] = "not asked";
		if (v)
			rp_answer_text(d, nf_kb_finding_id(kb, f), v, ans, sizeof ans);
		struct rp_line *l = add(b, RP_ANSWER, nf_kb_finding_means(kb, f), ans);
		if (l)
			l->bold = json_is_true(v);
		/* The sign asks of now ("still has not come back, hours later?"), and a runner whose
		 * feeling came back after five hours says no while the journal's episodes took hours: both
		 * on the same line, so that the "no" is not read as numbness that always settles. */
		const nf_derived *slow = nf_analysis_find(d->an, "resolves_on_stopping");
		if (l && json_is_false(v) && !strcmp(nf_kb_finding_id(kb, f), "not_settled_hours") && slow && !slow->open &&
		    !slow->b) {
			char x[RP_TEXT_MAX];
			snprintf(x, sizeof x, "asked of the numbness now; in the journal's past episodes %s", slow->evidence);
			l->extra = dup_or_null(b, x);
		}
	}
	if (!asked)
		add(b, RP_SMALL, NULL, t);
}

static void plan(struct builder *b)
{
	const struct rp_doc *d = b->d;
	char t[RP_TEXT_MAX], u[RP_TEXT_MAX];
	size_t i, n = 0;
	/* The steps as saved are in km (or already carry their miles): in the report's unit here. */
	nf_units units = d->opt->units;
	/* A saved assessment from before first steps were kept has none: its plans say it all. */
	json_t *first = json_object_get(d->result, "first_step");
	if (!strcmp(str(first, "kind"), "action"))
		bold(addf(b, RP_PARA, NULL, "First: %s", nf_units_text(str(first, "step"), units, u, sizeof u)));
	bool plain = no_percent(d);
	json_t *pl;
	json_array_foreach(json_object_get(d->result, "plan"), i, pl)
	{
		char pc[16];
		if (plain) {
			addf(b, RP_LEAD, NULL, "If it is %s:", str(pl, "name"));
		} else {
			pct(json_number_value(json_object_get(pl, "probability")), pc);
			addf(b, RP_LEAD, NULL, "If it is %s (%s):", str(pl, "name"), pc);
		}
		json_t *st;
		size_t k;
		json_array_foreach(json_object_get(pl, "steps"), k, st)
		{
			double wk = json_number_value(json_object_get(st, "weeks"));
			const char *when = json_string_value(json_object_get(st, "when"));
			char w[NF_STEP_WHEN_MAX + 1] = "";
			/* The engine's words (nf_step_when: "now" once the weeks have passed); a result saved
			 * before it gave them has only the weeks. */
			if (when && when[0])
				snprintf(w, sizeof w, " %s", when);
			else if (!when && wk > 0)
				snprintf(w, sizeof w, " (%s %g week%s)", strcmp(str(st, "kind"), "referral") ? "try for" : "after",
					 wk, wk == 1 ? "" : "s");
			addf(b, RP_ITEM, NULL, "%s%s", nf_units_text(str(st, "step"), units, u, sizeof u), w);
		}
	}
	if (nf_analysis_advice(d->an)) {
		add(b, RP_LEAD, NULL, "From the runner's own data:");
		for (size_t k = 0; k < nf_analysis_advice(d->an); k++)
			add(b, RP_ITEM, NULL, nf_analysis_advice_text(d->an, k));
	}
	json_t *s;
	t[0] = '\0';
	json_array_foreach(json_object_get(d->result, "see"), i, s) if (n < sizeof t) n +=
		(size_t)snprintf(t + n, sizeof t - n, "%s%s", i ? ", " : "", nf_kb_see_words(json_string_value(s)));
	bold(add(b, RP_FACT, "Whom to see", t));
}


/* s without its asides for the terminal ("Record the temperature (run add --temp) on runs ..."):
 * each " (...)" that holds a command-line option is left out, as the page leaves it out. A doctor
 * reads what to record in words; the command line's own hints keep the syntax. Into buf. */
static const char *without_options(const char *s, char *buf, size_t cap)
{
	size_t n = 0;
	for (const char *p = s; *p && n + 1 < cap;) {
		const char *open = p[0] == ' ' && p[1] == '(' ? p + 1 : p[0] == '(' ? p : NULL;
		const char *close = open ? strchr(open, ')') : NULL;
		const char *inner = open ? strchr(open + 1, '(') : NULL;
		if (close && (!inner || inner > close)) {
			const char *dash = strstr(open, "--");
			if (dash && dash < close) {
				p = close + 1;
				continue;
			}
		}
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	return buf;
}

static void answers(struct builder *b)
{
	const struct rp_doc *d = b->d;
	json_t *v;
	const char *id;
	int shown = 0, signs = 0;
	add(b, RP_MARKS, NULL, NULL);
	json_object_foreach(json_object_get(d->result, "answers"), id, v)
	{
		int f = nf_kb_finding_index(d->kb, id);
		const char *says;
		if (f < 0)
			continue;
		/* A warning sign's answer is in the section above (warning_signs): listed again here it
		 * would be twenty lines the doctor has just read. */
		if (nf_kb_finding_red_flag(d->kb, (size_t)f, &says) >= 0 && !nf_kb_finding_clinician(d->kb, (size_t)f)) {
			signs++;
			continue;
		}
		char ans[256];
		rp_answer_text(d, id, v, ans, sizeof ans);
		struct rp_line *l = add(b, RP_ANSWER, nf_kb_finding_means(d->kb, (size_t)f), ans);
		if (l && rp_is_derived(d, id)) {
			l->derived = l->bold = true;
			l->extra = dup_or_null(b, rp_evidence(d, id));
		}
		shown++;
	}
	if (!shown && !signs)
		add(b, RP_PARA, NULL, "No answers yet.");
	if (signs)
		add(b, RP_SMALL, NULL, "The answers about warning signs are under 'Warning signs asked, and the answers' above.");
	/* The questions with no answer, so that a doctor tells "no" from "not asked" (diabetes,
	 * smoking, alcohol: a short interview stops before it needs them). The warning signs have their
	 * own list; the examination and tests only in clinician mode. */
	const nf_kb *kb = d->kb;
	json_t *given = json_object_get(d->result, "answers");
	bool clinician = !strcmp(str(d->result, "mode"), "clinician");
	char t[RP_TEXT_MAX], held[RP_TEXT_MAX];
	size_t n = 0, nh = 0;
	t[0] = held[0] = '\0';
	/* What the journal derives and the assessment did not take (one saved before the analysis
	 * could derive it, or made without the journal) is not "not asked": the same finding, value
	 * and evidence as analyze gives, so that the report and the analysis never disagree. */
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says, *fid = nf_kb_finding_id(kb, f);
		if (nf_kb_finding_red_flag(kb, f, &says) >= 0 || (nf_kb_finding_clinician(kb, f) && !clinician) ||
		    json_object_get(given, fid))
			continue;
		const nf_derived *dv = nf_analysis_find(d->an, fid);
		json_t *dval = dv && !dv->open ? rp_derived_value(dv) : NULL;
		if (dval) {
			char ans[256];
			rp_answer_text(d, fid, dval, ans, sizeof ans);
			json_decref(dval);
			if (nh < sizeof held)
				nh += (size_t)snprintf(held + nh, sizeof held - nh, "%s%s: %s (%s)", nh ? "; " : "",
						       nf_kb_finding_means(kb, f), ans, dv->evidence);
			continue;
		}
		if (n < sizeof t)
			n += (size_t)snprintf(t + n, sizeof t - n, "%s%s", n ? "; " : "", nf_kb_finding_means(kb, f));
	}
	if (n) {
		add(b, RP_LEAD, NULL, "Not asked:");
		add(b, RP_SMALL, NULL, t);
	}
	if (nh) {
		add(b, RP_LEAD, NULL, "Not asked, as the journal shows it:");
		add(b, RP_SMALL, NULL, held);
	}
	if (nf_analysis_needs(d->an)) {
		add(b, RP_LEAD, NULL, "What more to log to settle other questions:");
		for (size_t k = 0; k < nf_analysis_needs(d->an); k++) {
			char words[NF_AN_TEXT_MAX];
			add(b, RP_ITEM, NULL, without_options(nf_analysis_need(d->an, k), words, sizeof words));
		}
	}
}

static void history(struct builder *b)
{
	const struct rp_doc *d = b->d;
	size_t n, nr;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &n);
	const nf_an_run *r = nf_analysis_runs(d->an, &nr);
	if (!n) {
		add(b, RP_PARA, NULL, "No episodes are logged yet.");
		return;
	}
	size_t first = n > RP_EPISODES_SHOWN ? n - RP_EPISODES_SHOWN : 0;
	if (first)
		addf(b, RP_SMALL, NULL, "The latest %d of %zu episodes; the figures show them all.", RP_EPISODES_SHOWN, n);
	for (size_t i = first; i < n; i++) {
		const nf_episode *ep = &e[i].ep;
		const nf_an_run *x = &r[e[i].run];
		char cell[RP_COLS][256];
		an_date(x->time, cell[0]);
		isfinite(x->km) ? rp_dist(d, x->km, 1, cell[1], 256) : (void)snprintf(cell[1], 256, "-");
		if (isfinite(ep->onset_km))
			rp_dist(d, ep->onset_km, 1, cell[2], 256);
		else if (isfinite(ep->onset_min))
			nf_minutes_text(ep->onset_min, cell[2], 256);
		else
			snprintf(cell[2], 256, "-");
		ep->severity >= 0 ? snprintf(cell[3], 256, "%d/10", ep->severity) : snprintf(cell[3], 256, "-");
		snprintf(cell[4], 256, "%s", rp_episode_foot(ep));
		rp_places_text(d, ep->locations, cell[5], 256);
		if (ep->not_back && !isfinite(ep->recover_min))
			snprintf(cell[6], 256, "not back when logged");
		else
			nf_minutes_text(ep->recover_min, cell[6], 256);
		snprintf(cell[7], 256, "%s", x->shoes_id ? rp_gear_name(d, x->shoes_id) : "-");
		struct rp_line *l = add(b, RP_ROW, NULL, NULL);
		for (int c = 0; l && c < RP_COLS; c++)
			l->cell[c] = dup_or_null(b, cell[c]);
	}
	/* The runner's own words on those runs and episodes, which the table's columns cannot hold:
	 * what they felt, in which shoes, on what kind of run. A run's note once, before its
	 * episodes'. */
	bool any = false;
	int64_t last_run = -1;
	for (size_t i = first; i < n; i++) {
		const nf_episode *ep = &e[i].ep;
		const nf_an_run *x = &r[e[i].run];
		char day[11];
		an_date(x->time, day);
		if (x->id != last_run) {
			last_run = x->id;
			for (size_t k = 0; k < d->nrun_notes; k++)
				if (d->run_note[k].run_id == x->id) {
					if (!any)
						add(b, RP_LEAD, NULL, "The runner's notes:");
					any = true;
					addf(b, RP_ITEM, NULL, "%s, the run: %s", day, d->run_note[k].text);
				}
		}
		if (ep->notes[0]) {
			if (!any)
				add(b, RP_LEAD, NULL, "The runner's notes:");
			any = true;
			addf(b, RP_ITEM, NULL, "%s, the numbness: %s", day, ep->notes);
		}
	}
}

static void training(struct builder *b)
{
	const struct rp_doc *d = b->d;
	const nf_training *t = nf_analysis_training(d->an);
	/* Before the record begins, a month without runs is no data, not a month of rest. */
	char first[24];
	nf_time_day(t->record_start, first, sizeof first);
	if (isfinite(t->week_km_recent) && isfinite(t->week_km_before)) {
		char ch[40] = "";
		if (isfinite(t->week_change_pct))
			snprintf(ch, sizeof ch, " (%+.0f%%)", t->week_change_pct);
		/* A journal that stopped is not a runner who stopped: the last weeks' 0 km say when the
		 * logging ended (as weekly_km's evidence says too). */
		size_t nr;
		const nf_an_run *r = nf_analysis_runs(d->an, &nr);
		int64_t latest = -1;
		for (size_t i = 0; i < nr; i++)
			if (r[i].time >= 0 && r[i].time <= d->opt->now)
				latest = r[i].time;
		char last[96] = "";
		if (latest >= 0 && d->opt->now - latest > 2 * WEEK) {
			char day[24];
			nf_time_day(latest, day, sizeof day);
			snprintf(last, sizeof last, "; no run is logged after %s", day);
		}
		addf(b, RP_PARA, NULL, "Weekly distance: %.1f %s a week over the last 4 weeks, %.1f %s over the 4 before%s%s.",
		     t->week_km_recent * rp_per_km(d), rp_unit(d), t->week_km_before * rp_per_km(d), rp_unit(d), ch, last);
	} else if (isfinite(t->week_km_recent)) {
		addf(b, RP_PARA, NULL,
		     "Weekly distance: %.1f %s a week over the last 4 weeks; the record begins on %s, too short a record "
		     "to compare with the 4 weeks before.",
		     t->week_km_recent * rp_per_km(d), rp_unit(d), first);
	} else if (isfinite(t->km_recent) && *first) {
		addf(b, RP_PARA, NULL,
		     "Distance: %.1f %s logged since %s, when the record begins: too short a record for a weekly "
		     "figure.",
		     t->km_recent * rp_per_km(d), rp_unit(d), first);
	}
	if (isfinite(t->cadence_spm)) {
		/* The cadence figure keeps to the weeks the others show: the runs of the median that came
		 * before them are named here, so that the text and the figure agree. */
		char older[160] = "", d0[24], d1[24];
		int64_t t0, t1;
		size_t old = rp_cadence_before(d, &t0, &t1);
		nf_time_day(t0, d0, sizeof d0);
		nf_time_day(t1, d1, sizeof d1);
		if (old && (int)old == t->cadence_runs)
			snprintf(older, sizeof older, "; %s %s%s%s, before the weeks the figures show",
				 old == 1 ? "it is from" : "they are from", d0, old == 1 ? "" : " to ", old == 1 ? "" : d1);
		else if (old == 1)
			snprintf(older, sizeof older, "; 1 of them, on %s, is before the weeks the figures show", d0);
		else if (old)
			snprintf(older, sizeof older, "; %zu of them, from %s to %s, are before the weeks the figures show",
				 old, d0, d1);
		addf(b, RP_PARA, NULL, "Cadence: %.0f steps per minute (median of the latest %d run%s with one%s)%s.",
		     t->cadence_spm, t->cadence_runs, t->cadence_runs == 1 ? "" : "s", older,
		     t->cadence_spm < NF_AN_LOW_CADENCE ? ", below the usual range" : "");
	}
	if (isfinite(t->stride_m))
		addf(b, RP_PARA, NULL, "Stride length: %.2f m per step.", t->stride_m);
	if (!isfinite(t->km_recent) && !isfinite(t->cadence_spm))
		add(b, RP_PARA, NULL, "No recent runs in the journal.");
	/* What the runner wrote on runs that went without numbness: a change that helped, the shoes
	 * that did not bring it on. */
	for (size_t k = 0; k < d->nclean_notes; k++) {
		char day[11];
		an_date(d->clean_note[k].time, day);
		if (!k)
			add(b, RP_LEAD, NULL, "The runner's notes on the latest runs without numbness:");
		addf(b, RP_ITEM, NULL, "%s: %s", day, d->clean_note[k].text);
	}
}

/* The shoes and insoles: what a podiatrist judges the fit, the lacing and the wear by, which
 * nicknames alone do not say. */
static void gear(struct builder *b)
{
	const struct rp_doc *d = b->d;
	size_t n;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	int shown = 0;
	for (int kind = NF_GEAR_SHOES; kind <= NF_GEAR_INSOLES; kind++)
		for (size_t i = 0; i < n; i++) {
			const nf_gear *x = &g[i].gear;
			if ((int)x->kind != kind)
				continue;
			char cell[RP_COLS][256] = {{0}}, retire[64];
			snprintf(cell[0], 256, "%s%s%s", x->nickname, kind == NF_GEAR_INSOLES ? " (insoles)" : "",
				 x->retired[0] ? " (retired)" : "");
			snprintf(cell[1], 256, "%s", x->brand[0] ? x->brand : "-");
			snprintf(cell[2], 256, "%s", x->model[0] ? x->model : "-");
			snprintf(cell[3], 256, "%s", x->first_use[0] ? x->first_use : "-");
			if (isfinite(x->retire_km)) {
				rp_dist(d, x->retire_km, 0, retire, sizeof retire);
				snprintf(cell[4], 256, "%.0f of %s%s", x->used_km * rp_per_km(d), retire,
					 g[i].wear == NF_WEAR_RETIRE  ? " (past it)"
					 : g[i].wear == NF_WEAR_CHECK ? " (check)"
								      : "");
			} else {
				rp_dist(d, x->used_km, 0, retire, sizeof retire);
				snprintf(cell[4], 256, "%s (no retirement distance)", retire);
			}
			snprintf(cell[5], 256, "%d", g[i].runs_logged);
			snprintf(cell[6], 256, "%d", g[i].episode_runs);
			struct rp_line *l = add(b, RP_ROW, NULL, NULL);
			if (l)
				l->value = RP_TABLE_GEAR;
			for (int c = 0; l && c < rp_table_cols[RP_TABLE_GEAR]; c++)
				l->cell[c] = dup_or_null(b, cell[c]);
			shown++;
		}
	if (!shown)
		add(b, RP_PARA, NULL, "No shoes or insoles recorded.");
	else
		add(b, RP_SMALL, NULL,
		    "Distance: what the pair had run by the report date (its distance when first logged and the runs "
		    "since) against its retirement distance; runs: those in the journal.");
}

static void figures(struct builder *b)
{
	for (int i = 0; i < RP_FIGURES; i++) {
		struct rp_line *l = add(b, RP_FIGURE, NULL, rp_figure_title(i));
		if (l)
			l->value = i;
	}
}

static void references(struct builder *b)
{
	json_t *x;
	size_t i;
	json_array_foreach(b->d->refs, i, x) add(b, RP_REF, str(x, "key"), str(x, "cite"));
	if (!json_array_size(b->d->refs))
		add(b, RP_SMALL, NULL, "None cited.");
}

static void gps(struct builder *b)
{
	if (!b->d->opt->gps) {
		add(b, RP_PARA, NULL, rp_gps_note);
		return;
	}
	struct rp_line *l = add(b, RP_FIGURE, NULL, rp_figure_title(RP_FIG_ROUTES));
	if (l)
		l->value = RP_FIG_ROUTES;
}

static void disclaimer(struct builder *b)
{
	bold(add(b, RP_PARA, NULL, rp_disclaimer));
}

/* The sections in the order they print: page one (the opening, triage and causes) and the rest. */
static const struct {
	const char *title;
	void (*fill)(struct builder *);
} sections[] = {
	{"numbfoot report: numbness or tingling in the feet when running", opening},
	{"Triage", triage},
	{"Most likely causes, with the answers that moved each", causes},
	{"Warning signs asked, and the answers", warning_signs},
	{"The plan so far", plan},
	{"Answers given", answers},
	{"Episode history", history},
	{"Training", training},
	{"Shoes and insoles", gear},
	{"Figures", figures},
	{"References behind the causes and steps shown", references},
	{"GPS tracks", gps},
	{"This is not a diagnosis", disclaimer},
};

nf_err rp_content_build(struct rp_doc *d, nf_error *err)
{
	struct builder b = {.d = d};
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
		struct rp_line *l = add(&b, RP_SECTION, NULL, sections[i].title);
		if (l)
			l->value = i == 0; /* the first is the title of the whole report */
		sections[i].fill(&b);
	}
	if (b.failed)
		return nf_error_set(err, NF_ENOMEM, "out of memory gathering the report");
	return NF_OK;
}

void rp_content_release(struct rp_doc *d)
{
	for (size_t i = 0; i < d->nlines; i++) {
		struct rp_line *l = &d->lines[i];
		free(l->label);
		free(l->text);
		free(l->extra);
		for (int c = 0; c < RP_COLS; c++)
			free(l->cell[c]);
	}
	free(d->lines);
	d->lines = NULL;
	d->nlines = d->lines_cap = 0;
}
