/* Benchmark: loading the knowledge base (from its JSON, checked, and from its compiled image), and
 * one interview step (posterior plus the choice of the next question, nf_interview_next), side by side with jansson's
 * parse of the same JSON and with the bare arithmetic a step must do. Each step is also taken as
 * its best over the rounds, which a machine shared with other work disturbs far less than the mean.
 * Prints figures; never a pass/fail. Usage: engine_bench VOCAB KB CASEDIR [IMAGE] */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbfoot/case.h"
#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "numbfoot/kb.h"

int main(int argc, char **argv);

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	s[n] = 0;
	fclose(f);
	return s;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: engine_bench VOCAB KB CASEDIR [IMAGE]\n");
		return 2;
	}
	char *vocab = slurp(argv[1]), *kbt = slurp(argv[2]);
	nf_kb *kb;
	nf_error err;
	if (!vocab || !kbt || nf_kb_load(vocab, "v", kbt, "k", &kb, &err) != NF_OK) {
		fprintf(stderr, "cannot load the knowledge base\n");
		return 1;
	}
	/* 1. Load and validate. */
	int reps = getenv("BENCH_ROUNDS") ? 1 : 200;
	double t0 = now();
	for (int i = 0; i < reps; i++) {
		nf_kb *k2;
		nf_kb_load(vocab, "v", kbt, "k", &k2, NULL);
		nf_kb_free(k2);
	}
	double load_ms = (now() - t0) / reps * 1e3;
	/* Its peer: jansson parsing the same text, with nothing checked or built. */
	t0 = now();
	for (int i = 0; i < reps; i++)
		json_decref(json_loads(kbt, JSON_REJECT_DUPLICATES, NULL));
	double parse_ms = (now() - t0) / reps * 1e3;
	/* The compiled image the command loads its built-in knowledge base from. */
	double image_ms = -1;
	FILE *imf = argc == 5 ? fopen(argv[4], "rb") : NULL;
	if (imf) {
		fseek(imf, 0, SEEK_END);
		long isz = ftell(imf);
		fseek(imf, 0, SEEK_SET);
		char *img = malloc((size_t)isz);
		nf_kb *k2;
		if (img && fread(img, 1, (size_t)isz, imf) == (size_t)isz &&
		    nf_kb_load_image(img, (size_t)isz, &k2, NULL) == NF_OK) {
			nf_kb_free(k2);
			t0 = now();
			for (int i = 0; i < reps; i++) {
				nf_kb_load_image(img, (size_t)isz, &k2, NULL);
				nf_kb_free(k2);
			}
			image_ms = (now() - t0) / reps * 1e3;
		}
		free(img);
		fclose(imf);
	}

	/* 2. Interview steps over every case of the suite, repeated. */
	static double steps[2000000], best[100000];
	size_t nsteps = 0, nbest = 0;
	DIR *d = opendir(argv[3]);
	struct dirent *de;
	char path[4096];
	nf_case *cases[4096];
	size_t ncases = 0;
	while (d && (de = readdir(d)) && ncases < 4096) {
		if (!strstr(de->d_name, ".json"))
			continue;
		snprintf(path, sizeof path, "%s/%s", argv[3], de->d_name);
		if (nf_case_load_file(kb, path, &cases[ncases], NULL) == NF_OK)
			ncases++;
	}
	if (d)
		closedir(d);
	int rounds = getenv("BENCH_ROUNDS") ? atoi(getenv("BENCH_ROUNDS")) : 20;
	for (int round = 0; round < rounds; round++) {
		size_t k = 0;
		for (size_t i = 0; i < ncases; i++) {
			nf_interview *iv;
			if (nf_interview_new(kb, nf_case_mode(cases[i]), &iv, NULL) != NF_OK)
				continue;
			for (;;) {
				nf_question q;
				double s = now();
				bool more = nf_interview_next(iv, &q);
				double p = nf_engine_probability(nf_interview_engine(iv), 0);
				double el = now() - s;
				(void)p;
				if (nsteps < sizeof steps / sizeof *steps)
					steps[nsteps++] = el;
				if (k < sizeof best / sizeof *best) {
					if (round == 0 || el < best[k])
						best[k] = el;
					k++;
				}
				if (!more || nf_case_answer_screen(cases[i], iv, &q, NULL) != NF_OK)
					break;
			}
			nf_interview_free(iv);
		}
		nbest = k < sizeof best / sizeof *best ? k : sizeof best / sizeof *best;
	}
	qsort(steps, nsteps, sizeof *steps, cmp);
	qsort(best, nbest, sizeof *best, cmp);
	double bsum = 0;
	for (size_t i = 0; i < nbest; i++)
		bsum += best[i];
	double bmean_us = nbest ? bsum / nbest * 1e6 : 0;
	double sum = 0;
	for (size_t i = 0; i < nsteps; i++)
		sum += steps[i];
	double mean_us = nsteps ? sum / nsteps * 1e6 : 0;

	/* 3. The bare arithmetic of the first step's look-ahead: for every screen, every outcome times
	 * every condition is one multiply-add (checklists: the whole outcome tree). */
	size_t C = nf_kb_conditions(kb), ops = 0;
	for (size_t k = 0; k < nf_kb_checklists(kb); k++) {
		size_t fs[8], n = nf_kb_checklist_findings(kb, k, fs, 8);
		ops += ((size_t)2 << n) * C;
	}
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		if (nf_kb_finding_checklist(kb, f) >= 0 || nf_kb_finding_clinician(kb, f))
			continue;
		size_t nout = nf_kb_finding_type(kb, f) == NF_BOOL ? 2 : nf_kb_finding_values(kb, f);
		if (nf_kb_finding_type(kb, f) == NF_NUMBER)
			nout = 8;
		if (nf_kb_finding_type(kb, f) == NF_SET)
			nout *= 2;
		ops += nout * C;
	}
	/* The peer: the same count of independent multiply-adds over arrays, which the compiler may
	 * vectorise: what the look-ahead would cost with no branching, no logarithm and no indexing. */
	double *a = calloc(ops + 64, sizeof *a), *b = calloc(ops + 64, sizeof *b), acc[8] = {0};
	for (size_t i = 0; i < ops; i++) {
		a[i] = 1.0 + (double)(i % 7) * 1e-3;
		b[i] = 0.5 + (double)(i % 5) * 1e-3;
	}
	int arounds = 2000;
	t0 = now();
	for (int r = 0; r < arounds; r++) {
		for (size_t i = 0; i + 8 <= ops; i += 8)
			for (int k = 0; k < 8; k++)
				acc[k] += a[i + k] * b[i + k];
		__asm__ volatile("" : : "r"(acc) : "memory");
	}
	double arith_us = (now() - t0) / arounds * 1e6;
	if (acc[0] == 42)
		puts("");

	printf("engine: knowledge base load and validate from JSON: %.3f ms; jansson parse alone %.3f ms; "
	       "ratio %.2f\n",
	       load_ms, parse_ms, load_ms / parse_ms);
	if (image_ms >= 0)
		printf("engine: knowledge base load from its compiled image (the built-in one): %.3f ms "
		       "(goal 5 ms); "
		       "ratio to jansson's parse %.3f\n",
		       image_ms, image_ms / parse_ms);
	printf("engine: interview step (next question + posterior) over %zu steps of %zu cases:\n", nsteps, ncases);
	printf("engine:   every step: mean %.2f us, median %.2f us, p99 %.2f us\n", mean_us,
	       nsteps ? steps[nsteps / 2] * 1e6 : 0, nsteps ? steps[nsteps * 99 / 100] * 1e6 : 0);
	printf("engine:   each step at its best of %d rounds: mean %.2f us, median %.2f us, p99 %.2f us "
	       "(goal mean 5 us, p99 20 us)\n",
	       rounds, bmean_us, nbest ? best[nbest / 2] * 1e6 : 0, nbest ? best[nbest * 99 / 100] * 1e6 : 0);
	printf("engine: bare arithmetic of a full first-step look-ahead (%zu multiply-adds): %.2f us\n", ops, arith_us);
	printf("engine: ratio mean step / bare arithmetic = %.2f (best of rounds %.2f)\n",
	       arith_us > 0 ? mean_us / arith_us : 0, arith_us > 0 ? bmean_us / arith_us : 0);
	for (size_t i = 0; i < ncases; i++)
		nf_case_free(cases[i]);
	nf_kb_free(kb);
	free(a);
	free(b);
	free(vocab);
	free(kbt);
	return 0;
}
