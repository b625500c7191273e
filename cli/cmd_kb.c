/* numbfoot kb check | kb show | kb stats: the knowledge base validated, read like code, and
 * counted by what its numbers rest on. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numbfoot/kb.h"

static void print_fault(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s\n", cli_text(msg));
}

static int run_check(const struct cli_args *a)
{
	const char *kb_path = cli_opt(a, "kb"), *vocab_path = cli_opt(a, "vocab");
	int rc = CLI_EXIT_OK;
	if (!kb_path && vocab_path) {
		cli_errorf("kb check: --vocab needs --kb too");
		return CLI_EXIT_USAGE;
	}
	size_t faults = kb_path ? nf_kb_check_files(cli_builtin_vocab(), vocab_path, kb_path, print_fault, NULL)
				: nf_kb_check(cli_builtin_vocab(), "kb/vocabulary.json", cli_builtin_kb(),
					      "kb/numbfoot.json", print_fault, NULL);
	if (faults) {
		cli_errorf("kb check: %zu fault%s", faults, faults == 1 ? "" : "s");
		return CLI_EXIT_USAGE;
	}
	nf_kb *kb;
	if ((rc = cli_load_kb(a, &kb)) == CLI_EXIT_OK) {
		printf("%s: valid: %zu conditions, %zu findings, %zu checklists, %zu references\n",
		       kb_path ? kb_path : "kb/numbfoot.json (built in)", nf_kb_conditions(kb), nf_kb_findings(kb),
		       nf_kb_checklists(kb), nf_kb_references(kb));
		nf_kb_free(kb);
	}
	return rc;
}

static int run_show(const struct cli_args *a)
{
	if (a->npos != 1) {
		cli_errorf("kb show: needs one condition ID (see 'numbfoot kb show --help')");
		return CLI_EXIT_USAGE;
	}
	nf_kb *kb;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	int c = nf_kb_condition_index(kb, a->pos[0]);
	if (c < 0) {
		cli_errorf("kb show: no condition '%s'; the conditions are:", a->pos[0]);
		for (size_t i = 0; i < nf_kb_conditions(kb); i++)
			fprintf(stderr, "  %s\n", nf_kb_condition_id(kb, i));
		nf_kb_free(kb);
		return CLI_EXIT_USAGE;
	}
	FILE *out = cli_wrap_open(stdout);
	size_t ci = (size_t)c;
	const char *src, *who[8];
	double prior = nf_kb_condition_prior(kb, ci, &src);
	fprintf(out, "%s: %s\n  %s\n  ICD-10 %s\n", nf_kb_condition_id(kb, ci), nf_kb_condition_name(kb, ci),
	       nf_kb_condition_summary(kb, ci), *nf_kb_condition_icd10(kb, ci) ? nf_kb_condition_icd10(kb, ci) : "-");
	fprintf(out, "prior %.4f  [%s]\ntriage %s\nsee:", prior, src, nf_triage_id(nf_kb_condition_triage(kb, ci)));
	size_t nw = nf_kb_condition_see(kb, ci, who, 8);
	for (size_t i = 0; i < nw && i < 8; i++)
		fprintf(out, " %s", who[i]);
	fputs("\nplan:" "\n", out);
	for (size_t i = 0; i < nf_kb_condition_plan_steps(kb, ci); i++) {
		double weeks;
		const char *step = nf_kb_condition_plan_step(kb, ci, i, &weeks, &src);
		fprintf(out, "  %zu. %s (%g weeks)  [%s]\n", i + 1, step, weeks, src);
	}
	/* A condition with forms has likelihoods per form: each is listed under its form. */
	size_t nforms = nf_kb_condition_forms(kb, ci);
	for (size_t k = 0; k < (nforms ? nforms : 1); k++) {
		size_t row = ci;
		if (nforms) {
			const char *id, *name;
			double share;
			row = nf_kb_condition_form(kb, ci, k, &id, &name, &share);
			fprintf(out, "form %s: %s, share %g of the prior\n", id, name, share);
		}
		fputs("findings with their own likelihood here (probability of each answer):" "\n", out);
		for (size_t f = 0; f < nf_kb_findings(kb); f++) {
			char buf[512];
			bool listed;
			nf_kb_finding_describe(kb, f, row, buf, sizeof buf, &src, &listed);
			if (listed)
				fprintf(out, "  %-26s %s  [%s]\n", nf_kb_finding_id(kb, f), buf, src);
		}
	}
	cli_wrap_close(out, stdout);
	nf_kb_free(kb);
	return CLI_EXIT_OK;
}

static json_t *counts_json(const nf_kb_evidence_counts *c)
{
	return json_pack("{s:I, s:I, s:I, s:I}", "parameters", (json_int_t)c->parameters, "measured",
			 (json_int_t)c->kind[NF_EV_MEASURED], "derived", (json_int_t)c->kind[NF_EV_DERIVED], "estimate",
			 (json_int_t)c->kind[NF_EV_ESTIMATE]);
}

static void counts_row(const char *label, const nf_kb_evidence_counts *c)
{
	printf("%-24s %8zu %9zu %8zu %9zu\n", label, c->parameters, c->kind[NF_EV_MEASURED], c->kind[NF_EV_DERIVED],
	       c->kind[NF_EV_ESTIMATE]);
}

static int run_stats(const struct cli_args *a)
{
	if (a->npos) {
		cli_errorf("kb stats: takes no arguments (see 'numbfoot kb stats --help')");
		return CLI_EXIT_USAGE;
	}
	nf_kb *kb;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	nf_kb_evidence_counts all, lk, c;
	nf_kb_evidence_stats(kb, &all, &lk);
	if (cli_flag(a, "json")) {
		json_t *o = counts_json(&all), *by = json_object();
		json_object_set_new(o, "likelihoods", counts_json(&lk));
		for (size_t i = 0; i < nf_kb_conditions(kb); i++) {
			nf_kb_condition_evidence(kb, i, &c);
			json_object_set_new(by, nf_kb_condition_id(kb, i), counts_json(&c));
		}
		json_object_set_new(o, "by_condition", by);
		char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (!text) {
			cli_errorf("kb stats: out of memory");
			rc = CLI_EXIT_FAIL;
		} else {
			puts(text);
			free(text);
		}
		nf_kb_free(kb);
		return rc;
	}
	FILE *out = cli_wrap_open(stdout);
	fputs("What the knowledge base's numbers rest on (priors, finding defaults, likelihoods, triage "
	      "thresholds):\n\n", out);
	cli_wrap_close(out, stdout);
	printf("%-24s %8s %9s %8s %9s\n", "", "numbers", "measured", "derived", "estimate");
	counts_row("all", &all);
	counts_row("likelihoods", &lk);
	puts("\nby condition (its prior and the likelihoods listed under it):");
	for (size_t i = 0; i < nf_kb_conditions(kb); i++) {
		nf_kb_condition_evidence(kb, i, &c);
		counts_row(nf_kb_condition_id(kb, i), &c);
	}
	nf_kb_free(kb);
	return CLI_EXIT_OK;
}

static const struct cli_option check_options[] = {
	{"kb", "FILE", "check this knowledge base instead of the built-in one"},
	{"vocab", "FILE", "check against this vocabulary instead of the built-in one"},
	{NULL, NULL, NULL},
};

static const struct cli_option show_options[] = {
	{"kb", "FILE", "read this knowledge base instead of the built-in one"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_kb_check = {
	.name = "kb check",
	.args = "",
	.summary = "validate the knowledge base",
	.description = "Checks the knowledge base against its format (docs/kb-format.md) and the vocabulary of "
		       "IDs: every condition and finding present, types and ranges, probabilities that sum to 1, "
		       "and every number's source labelled measured (the figure it states, which must contain "
		       "the number), derived (its arithmetic) or estimate (its reasoning and dossier section), "
		       "with references that resolve. "
		       "Each fault is printed as FILE:LINE: KEY: message; any fault exits 2.",
	.options = check_options,
	.run = run_check,
};

static const struct cli_option stats_options[] = {
	{"json", NULL, "print the counts as one JSON object"},
	{"kb", "FILE", "count this knowledge base instead of the built-in one"},
	{"vocab", "FILE", "read it with this vocabulary instead of the built-in one (needs --kb)"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_kb_stats = {
	.name = "kb stats",
	.args = "",
	.summary = "count the numbers by what they rest on",
	.description = "Counts the knowledge base's numbers (priors, finding defaults, likelihoods and triage "
		       "thresholds) by the kind of their source: measured (a figure a reference states), derived "
		       "(arithmetic on such figures) or estimate (judgement with its reasoning), overall, for "
		       "the findings' likelihoods alone, and for each condition (its prior and the likelihoods "
		       "listed under it). With --json: {\"parameters\", \"measured\", \"derived\", "
		       "\"estimate\", \"likelihoods\": {...}, \"by_condition\": {ID: {...}}}.",
	.options = stats_options,
	.run = run_stats,
};

const struct cli_command cmd_kb_show = {
	.name = "kb show",
	.args = "CONDITION",
	.summary = "print a condition with its numbers and their sources",
	.description = "Prints the condition's prior, triage level, whom to see and plan, and every finding "
		       "that has a likelihood of its own under it, each number beside its source.",
	.options = show_options,
	.run = run_show,
};
