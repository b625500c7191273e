/* Small statistics for the analysis: exact tests with log-factorials, medians, ranks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze_priv.h"

static double log_fact(int n)
{
	return lgamma((double)n + 1.0);
}

/* Probability of the 2x2 table with these margins and top-left cell a (hypergeometric). */
static double table_logp(int a, int r1, int r2, int c1, int n)
{
	int b = r1 - a, c = c1 - a, d = r2 - c;
	return log_fact(r1) + log_fact(r2) + log_fact(c1) + log_fact(n - c1) - log_fact(n) - log_fact(a) -
	       log_fact(b) - log_fact(c) - log_fact(d);
}

double nf_fisher_exact(int a, int b, int c, int d)
{
	if (a < 0 || b < 0 || c < 0 || d < 0)
		return NAN;
	int r1 = a + b, r2 = c + d, c1 = a + c, n = r1 + r2;
	if (n == 0)
		return 1.0;
	double pobs = table_logp(a, r1, r2, c1, n);
	int lo = c1 - r2 > 0 ? c1 - r2 : 0, hi = c1 < r1 ? c1 : r1;
	double p = 0;
	/* Two-sided: every table at most as likely as the observed one; the relative tolerance keeps
	 * tables equal to it in exact arithmetic from being dropped by rounding. */
	for (int x = lo; x <= hi; x++) {
		double lp = table_logp(x, r1, r2, c1, n);
		if (lp <= pobs + 1e-7)
			p += exp(lp);
	}
	return p > 1 ? 1 : p;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

double an_median(const double *v, size_t n)
{
	if (!n)
		return NAN;
	double *s = malloc(n * sizeof *s);
	if (!s)
		return NAN;
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	double m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return m;
}

void an_mean_sd(const double *v, size_t n, double *mean, double *sd)
{
	double m = 0, s = 0;
	for (size_t i = 0; i < n; i++)
		m += v[i];
	m = n ? m / (double)n : NAN;
	for (size_t i = 0; i < n; i++)
		s += (v[i] - m) * (v[i] - m);
	*mean = m;
	*sd = n > 1 ? sqrt(s / (double)(n - 1)) : NAN;
}

/* Mann-Whitney U with the normal approximation (ties averaged, continuity-corrected): the
 * two-sided p value for x against y, and in *z the sign (positive: x tends larger). */
double an_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *z)
{
	*z = 0;
	if (!nx || !ny)
		return NAN;
	size_t n = nx + ny;
	struct item {
		double v;
		int g;
	} *it = malloc(n * sizeof *it);
	if (!it)
		return NAN;
	for (size_t i = 0; i < nx; i++)
		it[i] = (struct item){x[i], 0};
	for (size_t i = 0; i < ny; i++)
		it[nx + i] = (struct item){y[i], 1};
	/* insertion sort: the samples are small (runs), and this keeps it free of a comparator type */
	for (size_t i = 1; i < n; i++) {
		struct item t = it[i];
		size_t k = i;
		while (k > 0 && it[k - 1].v > t.v) {
			it[k] = it[k - 1];
			k--;
		}
		it[k] = t;
	}
	double rx = 0, ties = 0;
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k + 1 < n && it[k + 1].v == it[i].v)
			k++;
		double rank = (double)(i + k) / 2 + 1, t = (double)(k - i + 1);
		ties += t * t * t - t;
		for (size_t m = i; m <= k; m++)
			if (it[m].g == 0)
				rx += rank;
		i = k + 1;
	}
	free(it);
	double u = rx - (double)nx * (double)(nx + 1) / 2, mu = (double)nx * (double)ny / 2;
	double var = (double)nx * (double)ny / 12 * ((double)(n + 1) - ties / ((double)n * (double)(n - 1)));
	if (var <= 0)
		return 1.0;
	double d = u - mu;
	double zz = (fabs(d) - 0.5 > 0 ? fabs(d) - 0.5 : 0) / sqrt(var);
	*z = d >= 0 ? zz : -zz;
	return erfc(zz / sqrt(2.0));
}

/* Least-squares slope of y on x and the two-sided p value of its t statistic (normal tail
 * when the degrees of freedom are many; a t tail by a series otherwise is not worth it here: the
 * normal tail is used, which errs toward calling a trend real only with n >= 5, enforced by the
 * caller). */
double an_slope(const double *x, const double *y, size_t n, double *p)
{
	*p = NAN;
	if (n < 3)
		return NAN;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++)
		mx += x[i], my += y[i];
	mx /= (double)n, my /= (double)n;
	double sxx = 0, sxy = 0;
	for (size_t i = 0; i < n; i++)
		sxx += (x[i] - mx) * (x[i] - mx), sxy += (x[i] - mx) * (y[i] - my);
	if (sxx <= 0)
		return NAN;
	double b = sxy / sxx, a0 = my - b * mx, sse = 0;
	for (size_t i = 0; i < n; i++) {
		double r = y[i] - a0 - b * x[i];
		sse += r * r;
	}
	double se = sqrt(sse / (double)(n - 2) / sxx);
	if (se <= 0)
		*p = b != 0 ? 0.0 : 1.0;
	else
		*p = erfc(fabs(b / se) / sqrt(2.0));
	return b;
}
