/* The knowledge base's compiled image (lib/kb/image.c) against the JSON it is made from: every
 * field of every condition, finding, rule, plan step, source, checklist and reference the same, the
 * engine giving the same bits on random answers, and a damaged image refused with the byte named
 * and nothing kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb/kb_impl.h"
#include "kb_fixture.h"
#include "numbfoot/engine.h"

static nf_kb *json_kb;
static void *image;
static size_t image_size;

static int setup(void **state)
{
	nf_error err;
	json_kb = shipped_kb();
	return json_kb && kb_image_write(json_kb, &image, &image_size, &err) == NF_OK ? 0 : -1;
}

static int teardown(void **state)
{
	nf_kb_free(json_kb);
	free(image);
	return 0;
}

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_source(const struct kb_source *a, const struct kb_source *b)
{
	if (!a || !b) {
		assert_ptr_equal(a, b);
		return;
	}
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->nrefs, b->nrefs);
	for (int k = 0; k < NF_MAX_SOURCE_REFS; k++)
		same_str(a->ref[k], b->ref[k]);
	same_str(a->figure, b->figure);
	same_str(a->how, b->how);
	same_str(a->text, b->text);
}

static void same_terms(const struct kb_rule_term *a, const struct kb_rule_term *b, int n)
{
	for (int t = 0; t < n; t++) {
		assert_int_equal(a[t].finding, b[t].finding);
		assert_int_equal(a[t].op, b[t].op);
		assert_memory_equal(&a[t].x, &b[t].x, sizeof a[t].x);
	}
}

static void same_unless(const struct kb_unless *a, const struct kb_unless *b)
{
	assert_int_equal(a->n, b->n);
	same_terms(a->term, b->term, NF_MAX_RULE_TERMS);
	assert_memory_equal(a->alt, b->alt, sizeof a->alt);
}

static void same_rule(const struct kb_rule *a, const struct kb_rule *b)
{
	assert_int_equal(a->nterms, b->nterms);
	same_terms(a->term, b->term, NF_MAX_RULE_TERMS);
	same_unless(&a->unless, &b->unless);
	assert_int_equal(a->to, b->to);
	same_str(a->step, b->step);
	same_source(a->source, b->source);
	assert_int_equal(a->nsee, b->nsee);
	for (int k = 0; k < NF_MAX_SEE; k++)
		same_str(a->see[k], b->see[k]);
	assert_int_equal(a->cause, b->cause);
}

static void same_condition(const struct kb_condition *a, const struct kb_condition *b)
{
	same_str(a->id, b->id);
	same_str(a->name, b->name);
	same_str(a->summary, b->summary);
	same_str(a->icd10, b->icd10);
	same_source(a->prior_source, b->prior_source);
	assert_memory_equal(&a->prior, &b->prior, sizeof a->prior);
	assert_int_equal(a->parent, b->parent);
	same_str(a->form, b->form);
	same_str(a->form_name, b->form_name);
	assert_memory_equal(&a->share, &b->share, sizeof a->share);
	same_source(a->share_source, b->share_source);
	assert_int_equal(a->triage, b->triage);
	assert_int_equal(a->in_vocab, b->in_vocab);
	assert_int_equal(a->nrules, b->nrules);
	for (int r = 0; r < NF_MAX_RULES; r++)
		same_rule(&a->rule[r], &b->rule[r]);
	assert_int_equal(a->nsee, b->nsee);
	for (int k = 0; k < NF_MAX_SEE; k++)
		same_str(a->see[k], b->see[k]);
	assert_int_equal(a->nplan, b->nplan);
	for (int p = 0; p < NF_MAX_PLAN; p++) {
		same_str(a->plan[p].text, b->plan[p].text);
		assert_memory_equal(&a->plan[p].weeks, &b->plan[p].weeks, sizeof a->plan[p].weeks);
		assert_int_equal(a->plan[p].refer, b->plan[p].refer);
		assert_int_equal(a->plan[p].nsee, b->plan[p].nsee);
		for (int k = 0; k < NF_MAX_SEE; k++)
			same_str(a->plan[p].see[k], b->plan[p].see[k]);
		same_source(a->plan[p].source, b->plan[p].source);
		assert_int_equal(a->plan[p].nwhen, b->plan[p].nwhen);
		same_terms(a->plan[p].when, b->plan[p].when, NF_MAX_RULE_TERMS);
		same_unless(&a->plan[p].unless, &b->plan[p].unless);
	}
	assert_int_equal(a->nnet, b->nnet);
	for (int n = 0; n < NF_MAX_NETS; n++) {
		same_str(a->net[n].text, b->net[n].text);
		same_source(a->net[n].source, b->net[n].source);
		assert_int_equal(a->net[n].level, b->net[n].level);
		same_unless(&a->net[n].unless, &b->net[n].unless);
	}
}

static void same_finding(const struct kb_finding *a, const struct kb_finding *b, int ncond)
{
	size_t nc = (size_t)ncond;
	same_str(a->id, b->id);
	same_str(a->question, b->question);
	same_str(a->help, b->help);
	same_str(a->unit, b->unit);
	same_str(a->means, b->means);
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->clinician, b->clinician);
	assert_int_equal(a->distance, b->distance);
	assert_int_equal(a->always, b->always);
	assert_int_equal(a->nvalues, b->nvalues);
	for (int v = 0; v < NF_MAX_VALUES; v++) {
		same_str(a->value[v], b->value[v]);
		same_str(a->value_means[v], b->value_means[v]);
	}
	assert_int_equal(a->nbins, b->nbins);
	assert_memory_equal(a->edge, b->edge, sizeof a->edge);
	assert_memory_equal(&a->lo, &b->lo, sizeof a->lo);
	assert_memory_equal(&a->hi, &b->hi, sizeof a->hi);
	assert_int_equal(a->nout, b->nout);
	assert_memory_equal(a->p, b->p, nc * sizeof *a->p);
	assert_memory_equal(a->lp, b->lp, nc * sizeof *a->lp);
	assert_memory_equal(a->lq, b->lq, nc * sizeof *a->lq);
	assert_memory_equal(a->h, b->h, nc * sizeof *a->h);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->hcol, b->hcol);
	for (size_t c = 0; c < nc; c++) {
		same_source(a->source[c], b->source[c]);
		assert_int_equal(a->evidence[c], b->evidence[c]);
		assert_int_equal(a->listed[c], b->listed[c]);
	}
	assert_true(a->rule_conds == b->rule_conds);
	assert_int_equal(a->checklist, b->checklist);
	assert_int_equal(a->red_flag, b->red_flag);
	assert_int_equal(a->red_flag_value, b->red_flag_value);
	same_str(a->red_flag_says, b->red_flag_says);
	same_str(a->red_flag_step, b->red_flag_step);
	same_source(a->red_flag_source, b->red_flag_source);
	assert_int_equal(a->red_flag_nsee, b->red_flag_nsee);
	for (int k = 0; k < NF_MAX_SEE; k++)
		same_str(a->red_flag_see[k], b->red_flag_see[k]);
}

/* Every field of the image's knowledge base is the JSON's. */
static void test_image_equals_json(void **state)
{
	nf_kb *b;
	nf_error err;
	const nf_kb *a = json_kb;
	assert_int_equal(nf_kb_load_image(image, image_size, &b, &err), NF_OK);
	assert_int_equal(a->ncond, b->ncond);
	assert_int_equal(a->npublic, b->npublic);
	assert_int_equal(a->nfind, b->nfind);
	assert_int_equal(a->nlist, b->nlist);
	assert_int_equal(a->nref, b->nref);
	for (int c = 0; c < NF_MAX_CONDITIONS; c++)
		same_condition(&a->cond[c], &b->cond[c]);
	for (int f = 0; f < a->nfind; f++)
		same_finding(&a->find[f], &b->find[f], a->ncond);
	for (int k = 0; k < a->nlist; k++) {
		same_str(a->list[k].id, b->list[k].id);
		same_str(a->list[k].title, b->list[k].title);
		assert_int_equal(a->list[k].red_flags, b->list[k].red_flags);
		assert_int_equal(a->list[k].n, b->list[k].n);
		assert_memory_equal(a->list[k].finding, b->list[k].finding, sizeof a->list[k].finding);
	}
	for (int r = 0; r < a->nref; r++) {
		same_str(a->ref[r].key, b->ref[r].key);
		same_str(a->ref[r].cite, b->ref[r].cite);
	}
	assert_memory_equal(a->threshold, b->threshold, sizeof a->threshold);
	assert_int_equal(a->nglobal, b->nglobal);
	for (int r = 0; r < NF_MAX_GLOBAL_RULES; r++)
		same_rule(&a->global[r], &b->global[r]);
	assert_memory_equal(a->log_prior, b->log_prior, sizeof a->log_prior);
	const struct kb_source *sa = a->sources, *sb = b->sources;
	for (; sa && sb; sa = sa->next, sb = sb->next)
		same_source(sa, sb);
	assert_ptr_equal(sa, sb);
	assert_memory_equal(&a->ev_all, &b->ev_all, sizeof a->ev_all);
	assert_memory_equal(&a->ev_likelihoods, &b->ev_likelihoods, sizeof a->ev_likelihoods);
	assert_memory_equal(a->ev_condition, b->ev_condition, sizeof a->ev_condition);
	assert_int_equal(a->ncols, b->ncols);
	assert_memory_equal(a->cols, b->cols, (size_t)a->ncond * (size_t)a->ncols * sizeof *a->cols);
	assert_null(b->vocab_root);
	assert_null(b->kb_root);
	nf_kb_free(b);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static unsigned next_random(void)
{
	return fixture_random(&rng);
}

/* The engine on the image's knowledge base gives every posterior, question and result text of the
 * JSON's, on random answers in both modes. */
static void test_engine_same_on_image(void **state)
{
	nf_kb *b;
	nf_error err;
	assert_int_equal(nf_kb_load_image(image, image_size, &b, &err), NF_OK);
	size_t nf = nf_kb_findings(json_kb);
	for (int t = 0; t < 60; t++) {
		nf_engine *e[2];
		nf_mode mode = t % 2 ? NF_MODE_CLINICIAN : NF_MODE_RUNNER;
		assert_int_equal(nf_engine_new(json_kb, mode, &e[0], &err), NF_OK);
		assert_int_equal(nf_engine_new(b, mode, &e[1], &err), NF_OK);
		int n = (int)(next_random() % 20);
		for (int i = 0; i < n; i++) {
			size_t f = next_random() % nf;
			nf_value v = {.b = next_random() & 1,
				      .index = (int)(next_random() % (nf_kb_finding_values(json_kb, f) + 1)),
				      .x = (next_random() % 1000) / 10.0,
				      .set = next_random() & 7};
			nf_err r0 = nf_engine_answer(e[0], f, &v, NULL),
			       r1 = nf_engine_answer(e[1], f, &v, NULL);
			assert_int_equal(r0, r1);
		}
		nf_question q[2];
		bool more[2] = {nf_engine_next(e[0], &q[0]), nf_engine_next(e[1], &q[1])};
		assert_int_equal(more[0], more[1]);
		assert_memory_equal(&q[0], &q[1], sizeof q[0]);
		for (size_t c = 0; c < nf_kb_conditions(json_kb); c++) {
			double p0 = nf_engine_probability(e[0], c), p1 = nf_engine_probability(e[1], c);
			assert_memory_equal(&p0, &p1, sizeof p0);
		}
		char *j0 = nf_engine_result_json(e[0]), *j1 = nf_engine_result_json(e[1]);
		assert_non_null(j0);
		assert_non_null(j1);
		assert_string_equal(j0, j1);
		free(j0);
		free(j1);
		nf_engine_free(e[0]);
		nf_engine_free(e[1]);
	}
	nf_kb_free(b);
}

static void refused(const void *img, size_t size, const char *says)
{
	nf_kb *b = (nf_kb *)1;
	nf_error err;
	assert_int_equal(nf_kb_load_image(img, size, &b, &err), NF_EPARSE);
	assert_null(b);
	assert_non_null(strstr(err.msg, says));
}

/* A damaged image, or one of another build, is refused with the byte named (for damage after the
 * header, the checksum's). */
static void test_damaged_image_refused(void **state)
{
	char *copy = malloc(image_size);
	assert_non_null(copy);
	refused(image, 10, "shorter than its header");
	memcpy(copy, image, image_size);
	copy[0] ^= 1;
	refused(copy, image_size, "byte 0: not an image");
	memcpy(copy, image, image_size);
	copy[8] ^= 1; /* the first layout word: the size of a pointer */
	refused(copy, image_size, "byte 8: written by another build");
	/* Cut anywhere, the sizes no longer add up. */
	for (size_t cut = image_size - 1; cut > image_size / 2; cut -= image_size / 7)
		refused(image, cut, "sizes do not add up");
	/* A byte changed anywhere after the header: in the block, or in the pointer fields' offsets
	 * at the end. */
	for (size_t at = 72; at < image_size; at += image_size / 5 + 1) {
		memcpy(copy, image, image_size);
		copy[at] ^= 0x10;
		refused(copy, image_size, "byte 64: does not match its checksum");
	}
	memcpy(copy, image, image_size);
	copy[image_size - 1] ^= 0x10;
	refused(copy, image_size, "does not match its checksum");
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_image_equals_json),
	    cmocka_unit_test(test_engine_same_on_image),
	    cmocka_unit_test(test_damaged_image_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
