/* numbfoot eval: runs a folder of case files and scores the ranking and the triage, exactly as
 * the project's contract defines the output. */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numbfoot/case.h"
#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "numbfoot/kb.h"
#include "numbfoot/version.h"

#define EVAL_MAX_CASES 10000
#define CAL_BINS 10

/* Rounds of the draws that say what ece chance alone gives (calibration_chance). */
#define CAL_ROUNDS 2000

/* Calibration of the leading cause's probability: ranked cases binned by it (tenths, the last bin
 * closed at 1), with how often that leading cause was right (the expected one). lead, when not
 * NULL, keeps each case's leading probability (room for every case; the caller owns it). */
struct calibration {
	size_t count[CAL_BINS], right[CAL_BINS];
	double sum_p[CAL_BINS];
	double *lead;
	size_t nlead;
};

static void calibration_add(struct calibration *cal, double p, bool right)
{
	if (cal->lead)
		cal->lead[cal->nlead++] = p;
	/* A posterior of 0.6 arrives as 0.59999999...: an edge within rounding belongs to its bin. */
	int b = (int)floor(p * CAL_BINS + 1e-9);
	b = b < 0 ? 0 : b >= CAL_BINS ? CAL_BINS - 1 : b;
	cal->count[b]++;
	cal->right[b] += right;
	cal->sum_p[b] += p;
}

/* Expected calibration error: over bins, count/n times |mean predicted - observed|. */
static double calibration_ece(const struct calibration *cal, size_t n)
{
	double e = 0;
	for (int b = 0; b < CAL_BINS && n; b++)
		if (cal->count[b])
			e += fabs(cal->sum_p[b] / cal->count[b] - (double)cal->right[b] / cal->count[b]) * cal->count[b] / n;
	return e;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The ece that an engine calibrated exactly would show by chance with the same leading
 * probabilities: each case drawn right with its probability p, the ece of the draws, over
 * CAL_ROUNDS rounds; their mean and 95th percentile. With ten bins and a hundred-odd cases the
 * chance part alone is about 0.05, so an ece is read against it. A fixed seed: the same figures on
 * every run. False when there is nothing to draw or no memory. */
static bool calibration_chance(const struct calibration *cal, double *mean, double *p95)
{
	double *e = cal->nlead ? malloc(CAL_ROUNDS * sizeof *e) : NULL;
	if (!e)
		return false;
	uint64_t s = 0x9e3779b97f4a7c15u;
	double sum = 0;
	for (int r = 0; r < CAL_ROUNDS; r++) {
		struct calibration sim = {0};
		for (size_t i = 0; i < cal->nlead; i++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			calibration_add(&sim, cal->lead[i], (double)(s >> 11) * 0x1p-53 < cal->lead[i]);
		}
		sum += e[r] = calibration_ece(&sim, cal->nlead);
	}
	qsort(e, CAL_ROUNDS, sizeof *e, cmp_double);
	*mean = sum / CAL_ROUNDS;
	*p95 = e[CAL_ROUNDS * 95 / 100];
	free(e);
	return true;
}

/* {"bins": [{from, to, count, mean_predicted, observed}, ...], "ece", "ece_if_calibrated": {mean,
 * p95}}; an empty bin's mean and share are null, and so is ece_if_calibrated with nothing ranked. */
static json_t *calibration_json(const struct calibration *cal, size_t n)
{
	json_t *bins = json_array();
	for (int b = 0; b < CAL_BINS; b++) {
		size_t c = cal->count[b];
		json_array_append_new(bins, json_pack("{s:f, s:f, s:I, s:o, s:o}", "from", (double)b / CAL_BINS, "to",
						      (double)(b + 1) / CAL_BINS, "count", (json_int_t)c, "mean_predicted",
						      c ? json_real(cal->sum_p[b] / c) : json_null(), "observed",
						      c ? json_real((double)cal->right[b] / c) : json_null()));
	}
	double mean, p95;
	json_t *chance = calibration_chance(cal, &mean, &p95) ? json_pack("{s:f, s:f}", "mean", mean, "p95", p95)
							       : json_null();
	return json_pack("{s:o, s:f, s:o}", "bins", bins, "ece", calibration_ece(cal, n), "ece_if_calibrated", chance);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_fault(void *ctx, const char *msg)
{
	fprintf(stderr, "%s\n", cli_text(msg));
	(*(size_t *)ctx)++;
}

/* Lists DIR's *.json files, sorted; the caller frees each and the array. */
static int list_cases(const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 64;
	char **names = malloc(cap * sizeof *names);
	*n = 0;
	if (!d) {
		free(names);
		cli_errorf("eval: %s: cannot open folder: %m", dir);
		return CLI_EXIT_USAGE;
	}
	while (names && (de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".json"))
			continue;
		if (*n >= EVAL_MAX_CASES) {
			cli_errorf("eval: %s: more than %d case files", dir, EVAL_MAX_CASES);
			break;
		}
		if (*n == cap) {
			char **nn = realloc(names, (cap *= 2) * sizeof *names);
			if (!nn)
				break;
			names = nn;
		}
		size_t len = strlen(dir) + l + 2;
		names[*n] = malloc(len);
		snprintf(names[(*n)++], len, "%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, *n, sizeof *names, cmp_str);
	*out = names;
	return CLI_EXIT_OK;
}

static int run_eval(const struct cli_args *a)
{
	if (a->npos != 1) {
		cli_errorf("eval: needs one folder of case files (see 'numbfoot eval --help')");
		return CLI_EXIT_USAGE;
	}
	bool interview = cli_flag(a, "interview"), as_json = cli_flag(a, "json");
	nf_kb *kb;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	char **files;
	size_t nfiles;
	if ((rc = list_cases(a->pos[0], &files, &nfiles))) {
		nf_kb_free(kb);
		return rc;
	}
	nf_case **cases = calloc(nfiles + 1, sizeof *cases);
	double *lead = NULL;
	size_t faults = 0;
	for (size_t i = 0; i < nfiles; i++) {
		nf_error err;
		/* On a fault, report every fault of the file, not only the first. */
		if (nf_case_load_file(kb, files[i], &cases[i], &err) != NF_OK)
			nf_case_check_file(kb, files[i], print_fault, &faults);
	}
	for (size_t i = 0; i < nfiles; i++)
		for (size_t k = 0; k < i && cases[i]; k++)
			if (cases[k] && !strcmp(nf_case_id(cases[i]), nf_case_id(cases[k]))) {
				fprintf(stderr, "%s:1: id: same id as %s\n", files[i], files[k]);
				faults++;
			}
	if (nfiles == 0) {
		cli_errorf("eval: %s: no .json case files", a->pos[0]);
		faults++;
	}
	if (faults) {
		cli_errorf("eval: %zu fault%s in the case files; no scores", faults, faults == 1 ? "" : "s");
		rc = CLI_EXIT_USAGE;
		goto out;
	}

	/* ranked: cases with an expected cause, the denominator of the ranking scores as the shared
	 * contract defines them (shared/spec: the engine's posterior, shown or not); unranked: those
	 * whose result shows the person no ranking (nf_engine_ranked: an emergency warning sign, or an
	 * interview stopped at a sign), scored again without them as top1_shown and top3_shown, fields
	 * added beside the contract's, never in their place. */
	size_t ranked = 0, unranked = 0, top1 = 0, top3 = 0, exact = 0, safe = 0, under = 0, emerg_missed = 0;
	size_t top1_shown = 0, top3_shown = 0;
	size_t screens_total = 0, findings_total = 0;
	double brier = 0;
	/* Each ranked case's leading probability, for the chance figures (none kept without memory). */
	lead = malloc((nfiles + 1) * sizeof *lead);
	struct calibration cal = {.lead = lead};
	json_t *per = json_array();
	if (!as_json)
		printf("%-44s %-22s %-22s %5s  %-9s %-9s\n", "case", "expected", "first", "p", "triage", "wanted");
	for (size_t i = 0; i < nfiles; i++) {
		const nf_case *c = cases[i];
		nf_interview *iv;
		nf_error err;
		if (nf_interview_new(kb, nf_case_mode(c), &iv, &err) != NF_OK) {
			rc = cli_fail(&err);
			json_decref(per);
			goto out;
		}
		nf_engine *e = nf_interview_engine(iv);
		size_t findings = 0;
		nf_question q;
		/* With --interview the engine asks, the case's person answers; else all answers at once. */
		nf_err ok = interview ? NF_OK : nf_case_apply(c, e, &err);
		while (interview && ok == NF_OK && nf_interview_next(iv, &q)) {
			ok = nf_case_answer_screen(c, iv, &q, &err);
			findings += q.n;
		}
		if (ok != NF_OK) {
			rc = cli_fail(&err);
			nf_interview_free(iv);
			json_decref(per);
			goto out;
		}
		size_t screens = nf_interview_screens(iv);
		screens_total += screens;
		findings_total += findings;
		size_t order[NF_MAX_CONDITIONS], n = nf_engine_ranking(e, order, NF_MAX_CONDITIONS);
		/* Rank only the vocabulary's conditions: the catch-all is not an answer a case can expect. */
		size_t vorder[NF_MAX_CONDITIONS] = {0}, vn = 0;
		for (size_t k = 0; k < n; k++)
			if (nf_kb_condition_in_vocabulary(kb, order[k]))
				vorder[vn++] = order[k];
		int expected = nf_case_expected(c);
		bool hit1 = false, hit3 = false, shown = nf_engine_ranked(e);
		unranked += expected >= 0 && !shown;
		if (expected >= 0) {
			ranked++;
			hit1 = nf_case_acceptable(c, vorder[0]);
			for (size_t k = 0; k < 3 && k < vn; k++)
				hit3 |= nf_case_acceptable(c, vorder[k]);
			top1 += hit1;
			top3 += hit3;
			top1_shown += shown && hit1;
			top3_shown += shown && hit3;
			/* The leading probability is the chance that this cause is the one: an acceptable
			 * alternative counts for top1, not as that cause being right (as in the Brier score). */
			calibration_add(&cal, nf_engine_probability(e, vorder[0]), (int)vorder[0] == expected);
			for (size_t k = 0; k < n; k++) {
				if (!nf_kb_condition_in_vocabulary(kb, k))
					continue;
				double p = nf_engine_probability(e, k), y = (int)k == expected;
				brier += (p - y) * (p - y);
			}
		}
		nf_triage got = nf_engine_triage(e, NULL), want = nf_case_expected_triage(c);
		exact += got == want;
		safe += got >= want;
		under += got < want;
		emerg_missed += want == NF_EMERGENCY && got != NF_EMERGENCY;

		json_t *rk = json_array();
		for (size_t k = 0; k < 5 && k < vn; k++)
			json_array_append_new(rk, json_pack("[s, f]", nf_kb_condition_id(kb, vorder[k]),
							    nf_engine_probability(e, vorder[k])));
		/* ranked is the engine's order, scored as the contract says; ranking_shown says whether the
		 * person saw it. */
		json_array_append_new(per, json_pack("{s:s, s:o, s:o, s:b, s:s, s:s, s:I}", "id", nf_case_id(c), "expected",
						     expected >= 0 ? json_string(nf_kb_condition_id(kb, (size_t)expected))
								   : json_null(),
						     "ranked", rk, "ranking_shown", shown, "triage", nf_triage_id(got),
						     "expected_triage", nf_triage_id(want), "questions", (json_int_t)screens));
		if (!as_json)
			printf("%-44.44s %-22.22s %-22.22s %4.0f%%  %-9s %-9s %s%s\n", nf_case_id(c),
			       expected >= 0 ? nf_kb_condition_id(kb, (size_t)expected) : "(none)",
			       nf_kb_condition_id(kb, vorder[0]), 100 * nf_engine_probability(e, vorder[0]),
			       nf_triage_id(got), nf_triage_id(want),
			       expected < 0 ? "  " : hit1 ? (shown ? "1 " : "1-") : hit3 ? (shown ? "3 " : "3-") : shown ? "x " : "x-",
			       got < want ? "UNDER" : got > want ? "over" : "");
		nf_interview_free(iv);
	}
	double nr = ranked ? (double)ranked : 1, nc = (double)nfiles;
	double ns = ranked > unranked ? (double)(ranked - unranked) : 1;
	if (as_json) {
		json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:f, s:f, s:f, s:f, s:I, s:I, s:f, s:f, s:f, s:o}",
				      "version", nf_version(), "cases", (json_int_t)nfiles, "ranked_cases", (json_int_t)ranked,
				      "unranked", (json_int_t)unranked, "top1", top1 / nr, "top3",
				      top3 / nr, "triage_exact", exact / nc, "triage_safe", safe / nc, "under_triage",
				      (json_int_t)under, "emergency_missed", (json_int_t)emerg_missed, "brier",
				      brier / nr, "mean_questions", interview ? screens_total / nc : 0.0,
				      "mean_findings_asked", interview ? findings_total / nc : 0.0, "per_case", per);
		json_object_set_new(o, "top1_shown", json_real(top1_shown / ns));
		json_object_set_new(o, "top3_shown", json_real(top3_shown / ns));
		json_object_set_new(o, "calibration", calibration_json(&cal, ranked));
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		puts(s);
		free(s);
		json_decref(o);
	} else {
		json_decref(per);
		printf("\n%zu cases, %zu ranked: top1 %.3f, top3 %.3f, brier %.3f, ece %.3f\n", nfiles, ranked, top1 / nr,
		       top3 / nr, brier / nr, calibration_ece(&cal, ranked));
		if (unranked)
			printf("not shown: %zu case%s whose result shows the person no ranking (marked -), scored above "
			       "on the engine's order; without them: top1 %.3f, top3 %.3f\n",
			       unranked, unranked == 1 ? "" : "s", top1_shown / ns, top3_shown / ns);
		double mean, p95;
		if (calibration_chance(&cal, &mean, &p95))
			printf("calibration: an exactly calibrated engine would show ece %.3f by chance here (95%% of "
			       "draws under %.3f)\n", mean, p95);
		printf("triage: exact %.3f, safe %.3f, under-triage %zu, emergencies missed %zu\n", exact / nc,
		       safe / nc, under, emerg_missed);
		if (interview)
			printf("interview: %.2f questions (screens), %.2f findings asked on average\n",
			       screens_total / nc, findings_total / nc);
	}
	rc = CLI_EXIT_OK;
out:
	for (size_t i = 0; i < nfiles; i++) {
		nf_case_free(cases[i]);
		free(files[i]);
	}
	free(cases);
	free(files);
	free(lead);
	nf_kb_free(kb);
	return rc;
}

static const struct cli_option eval_options[] = {
	{"interview", NULL, "let the engine lead: it asks, the case answers, its stopping rule ends it"},
	{"json", NULL, "print the scores as one JSON object"},
	{"kb", "FILE", "use this knowledge base instead of the built-in one"},
	{"vocab", "FILE", "read it with this vocabulary instead of the built-in one (needs --kb)"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_eval = {
	.name = "eval",
	.args = "DIR",
	.summary = "score the engine on a folder of case files",
	.description =
		"Runs every case file (*.json) in DIR and reports how often the expected cause is ranked "
		"first (top1) and within the first three (top3), the Brier score, and how the triage compares: "
		"exact, safe (as urgent or more), under-triaged, and emergencies missed; and how well the "
		"leading cause's probability is calibrated: ranked cases in ten bins of that probability, "
		"each with its mean and the share whose leading cause was the expected one (an acceptable "
		"alternative counts for top1, not here), and the expected "
		"calibration error (ece: the bins' gaps between the two, weighted by their share of "
		"cases), beside the ece an exactly calibrated engine would show by chance at the same "
		"probabilities (ece_if_calibrated: the mean and 95th percentile of 2000 rounds of draws, "
		"each case right with its probability; a fixed seed). A case whose result shows the person no "
		"ranking (an emergency warning sign set the level, or the interview stopped at a warning "
		"sign) is scored on the engine's order as the other cases are, counted as unranked, marked - "
		"in the text output, and left out of top1_shown and top3_shown.\n\n"
		"Without --interview every answer of a case is given at once. With --interview the engine "
		"asks its own questions in its own order; a simulated person answers each from the case file "
		"(\"don't know\" where the file is silent) and the engine's stopping rule ends the interview. "
		"Red-flag screening counts as questions; a checklist screen counts as one.\n\n"
		"If any case file is faulty, every fault is reported as FILE:LINE: KEY: message and eval "
		"exits 2 without scores.",
	.options = eval_options,
	.run = run_eval,
};
