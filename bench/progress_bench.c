/* Benchmark: the progress estimate (nf_interview_progress) over the case suite. Each case's
 * interview is played as the page plays it (the case's answers, "don't know" to every other
 * question, an emergency warning sign ending it); at every screen the estimate of the screens left
 * is set against the count that were left. Prints its mean error, how far the "of about M" total
 * moves from one screen to the next, how often the bar moves back, the screens spent at 19 of 20
 * or more before the last, and the time an estimate takes; the same for the fixed guess it
 * replaced (15 screens, at most 95%). Figures, never pass/fail. Usage: progress_bench VOCAB KB
 * CASEDIR */
#include <dirent.h>
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

#define MAX_STEPS 64

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct tally {
	double error, moves, back, stalled, steps;
};

/* Adds one interview of n screens whose bar stood at fill[i] with total[i] screens expected. */
static void add(struct tally *t, const double *fill, const double *total, const size_t *left, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		t->error += fabs((double)left[i] - (double)(n - i));
		t->stalled += i + 1 < n && fill[i] >= 0.95;
		if (i) {
			t->moves += fabs(total[i] - total[i - 1]);
			t->back += fill[i] < fill[i - 1] - 1e-9;
		}
		t->steps++;
	}
}

static void report(const char *name, const struct tally *t)
{
	printf("progress: %-34s off by %.2f screens on average; the total moves %.2f a screen; the bar "
	       "moves back at %.0f of %.0f screens and stands at 19/20 or more before the last at %.0f\n",
	       name, t->error / t->steps, t->moves / t->steps, t->back, t->steps, t->stalled);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: progress_bench VOCAB KB CASEDIR\n");
		return 2;
	}
	nf_kb *kb;
	nf_error err;
	if (nf_kb_load_files(argv[1], argv[2], &kb, &err) != NF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	DIR *dir = opendir(argv[3]);
	if (!dir) {
		fprintf(stderr, "%s: cannot open\n", argv[3]);
		nf_kb_free(kb);
		return 1;
	}
	struct tally est = {0}, old = {0};
	double spent = 0, calls = 0;
	size_t cases = 0;
	for (struct dirent *de; (de = readdir(dir));) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".json"))
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", argv[3], de->d_name);
		nf_case *c;
		nf_interview *iv;
		if (nf_case_load_file(kb, path, &c, &err) != NF_OK)
			continue;
		if (nf_interview_new(kb, nf_case_mode(c), &iv, &err) != NF_OK) {
			nf_case_free(c);
			continue;
		}
		size_t n = 0, left[MAX_STEPS], old_left[MAX_STEPS];
		double fill[MAX_STEPS], total[MAX_STEPS], old_fill[MAX_STEPS], old_total[MAX_STEPS];
		nf_question q;
		while (n < MAX_STEPS && nf_interview_next(iv, &q)) {
			nf_progress p;
			double t0 = now();
			nf_interview_progress(iv, &p);
			spent += now() - t0;
			calls++;
			left[n] = p.left;
			fill[n] = p.fraction;
			total[n] = (double)(n + left[n]);
			old_fill[n] = fmin(0.95, (double)n / 15);
			old_left[n] = n < 14 ? 15 - n : 1;
			old_total[n] = (double)(n + old_left[n]);
			if (nf_case_answer_screen(c, iv, &q, &err) != NF_OK)
				break;
			n++;
		}
		add(&est, fill, total, left, n);
		add(&old, old_fill, old_total, old_left, n);
		cases++;
		nf_interview_free(iv);
		nf_case_free(c);
	}
	closedir(dir);
	printf("progress: %zu interviews of %s, %.0f screens\n", cases, argv[3], est.steps);
	report("estimate (nf_interview_progress)", &est);
	report("fixed guess of 15 screens", &old);
	printf("progress: %.2f ms an estimate\n", calls ? 1000 * spent / calls : 0);
	nf_kb_free(kb);
	return 0;
}
