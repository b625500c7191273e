/* numbfoot analysis internals, shared by lib/analyze and lib/report. Not exported. */
#ifndef NUMBFOOT_ANALYZE_PRIV_H
#define NUMBFOOT_ANALYZE_PRIV_H

#include <stddef.h>

#include "core/calendar.h" /* an_date, DAY, WEEK */
#include "numbfoot/analyze.h"

#define AN_MAX_FINDINGS 24
#define AN_MAX_NEEDS 16
#define AN_MAX_ADVICE 8

struct nf_analysis {
	int64_t now;
	nf_units units; /* of the distances in the words */
	nf_an_run *run;
	size_t nrun;
	nf_an_gear *gear;
	size_t ngear;
	nf_an_week *week;
	size_t nweek;
	nf_an_episode *ep;
	size_t nep;
	nf_training training;
	nf_derived find[AN_MAX_FINDINGS];
	size_t nfind;
	char need[AN_MAX_NEEDS][NF_AN_TEXT_MAX];
	size_t nneed;
	char advice[AN_MAX_ADVICE][NF_AN_TEXT_MAX];
	size_t nadvice;
};

/* km in the units of a's words, and their name ("km" or "mi"). */
double an_dist(const nf_analysis *a, double km);
const char *an_unit(const nf_analysis *a);

/* The median of v[0..n-1], which it sorts; NaN for none. */
double an_median(double *v, size_t n);
void an_mean_sd(const double *v, size_t n, double *mean, double *sd);
/* Fisher's exact test, two-sided, on the 2x2 table [[a, b], [c, d]] (computed with
 * log-factorials). */
double an_fisher_exact(int a, int b, int c, int d);
/* Mann-Whitney U (normal approximation, ties averaged, continuity-corrected): the two-sided p of
 * x against y; *z > 0 when x tends larger. Allocates nothing. */
double an_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *z);
/* The two-sided p value of Student's t statistic t with df degrees of freedom; NaN when df <= 0. */
double an_t_two_sided(double t, double df);
/* The least-squares slope of y on x (n points), and in *p the two-sided p value of its t statistic
 * with n - 2 degrees of freedom; NaN (and *p NaN) with fewer than 3 points or x all equal. */
double an_slope(const double *x, const double *y, size_t n, double *p);
/* The least-squares coefficient of x in y = a + b x + c z (n points), and in *p the two-sided p
 * value of its t statistic with n - 3 degrees of freedom; NaN (and *p NaN) with fewer than 4 points,
 * x or z constant, or x and z moving together exactly. */
double an_slope_adjusted(const double *x, const double *z, const double *y, size_t n, double *p);

#define MAX_WEEKS 1040 /* twenty years of weeks in the figures; older runs still count elsewhere */

/* Runs every derivation on an analysis whose runs, episodes and gear are loaded (derive.c). */
nf_err an_derive(nf_analysis *a, nf_error *err);

#endif
