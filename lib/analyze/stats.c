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

double an_fisher_exact(int a, int b, int c, int d)
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

double an_median(double *v, size_t n)
{
	if (!n)
		return NAN;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
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
	/* By pairs rather than by sorting the joint sample, so that it allocates nothing: the rank sum
	 * of x is U + nx(nx+1)/2 with U counting the pairs where x is larger (ties a half), and the tie
	 * term sum(t^3 - t) over groups of t equal values is sum(t_i^2 - 1) over the values. */
	double rx = (double)nx * (double)(nx + 1) / 2, ties = 0;
	for (size_t i = 0; i < n; i++) {
		double v = i < nx ? x[i] : y[i - nx], same = 0;
		for (size_t k = 0; k < n; k++) {
			double w = k < nx ? x[k] : y[k - nx];
			same += w == v;
			if (i < nx && k >= nx)
				rx += w < v ? 1 : w == v ? 0.5 : 0;
		}
		ties += same * same - 1;
	}
	double u = rx - (double)nx * (double)(nx + 1) / 2, mu = (double)nx * (double)ny / 2;
	double var = (double)nx * (double)ny / 12 * ((double)(n + 1) - ties / ((double)n * (double)(n - 1)));
	if (var <= 0)
		return 1.0;
	double d = u - mu;
	double zz = (fabs(d) - 0.5 > 0 ? fabs(d) - 0.5 : 0) / sqrt(var);
	*z = d >= 0 ? zz : -zz;
	return erfc(zz / sqrt(2.0));
}

/* The continued fraction of the regularised incomplete beta I_x(a, b), by the modified Lentz
 * method (converges fast for x < (a + 1) / (a + b + 2); the caller swaps otherwise). */
static double beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double c = 1, d = 1 - (a + b) * x / (a + 1);
	d = fabs(d) < tiny ? tiny : d;
	d = 1 / d;
	double h = d;
	for (int m = 1; m <= 300; m++) {
		double m2 = 2.0 * m;
		double aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
		d = 1 + aa * d, c = 1 + aa / c;
		d = fabs(d) < tiny ? tiny : d, c = fabs(c) < tiny ? tiny : c;
		d = 1 / d, h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
		d = 1 + aa * d, c = 1 + aa / c;
		d = fabs(d) < tiny ? tiny : d, c = fabs(c) < tiny ? tiny : c;
		d = 1 / d;
		double del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-15)
			break;
	}
	return h;
}

/* The regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1. */
static double beta_reg(double a, double b, double x)
{
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_cf(a, b, x) / a;
	return 1 - front * beta_cf(b, a, 1 - x) / b;
}

/* Written here rather than linked: the libraries in Debian that have Student's t (GSL, R's
 * libRmath) are GPL, which this MIT-licensed library may not link, and the incomplete beta is a
 * few lines. The two-sided tail of t with df degrees of freedom is I_{df/(df+t^2)}(df/2, 1/2). */
double an_t_two_sided(double t, double df)
{
	if (!(df > 0) || isnan(t))
		return NAN;
	if (isinf(t))
		return 0;
	double p = beta_reg(df / 2, 0.5, df / (df + t * t));
	return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* Least-squares slope of y on x and, in *p, the two-sided p value of its t statistic with n - 2
 * degrees of freedom (an_t_two_sided). The normal tail is not used: with the 5 to 10 points a
 * runner logs it halves the p value (t = 1.97 on 9 points: 0.049 normal, 0.090 with 7 df), and
 * a trend would be claimed from noise. */
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
		*p = an_t_two_sided(b / se, (double)(n - 2));
	return b;
}

/* The least-squares coefficient of x in y = a + b x + c z, and in *p the two-sided p value of its t
 * statistic with n - 3 degrees of freedom: the trend over time (x) once the temperature (z) is taken
 * into account. Written out from the normal equations on centred sums, as an_slope is: two
 * predictors need no matrix library. */
double an_slope_adjusted(const double *x, const double *z, const double *y, size_t n, double *p)
{
	*p = NAN;
	if (n < 4)
		return NAN;
	double mx = 0, mz = 0, my = 0;
	for (size_t i = 0; i < n; i++)
		mx += x[i], mz += z[i], my += y[i];
	mx /= (double)n, mz /= (double)n, my /= (double)n;
	double sxx = 0, szz = 0, sxz = 0, sxy = 0, szy = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		double dx = x[i] - mx, dz = z[i] - mz, dy = y[i] - my;
		sxx += dx * dx, szz += dz * dz, sxz += dx * dz, sxy += dx * dy, szy += dz * dy, syy += dy * dy;
	}
	double det = sxx * szz - sxz * sxz;
	/* Time and temperature moving together exactly (or either constant) leave time's own share
	 * unknowable. */
	if (!(det > 1e-12 * sxx * szz) || !(sxx > 0) || !(szz > 0))
		return NAN;
	double b = (szz * sxy - sxz * szy) / det, c = (sxx * szy - sxz * sxy) / det;
	double sse = fmax(syy - b * sxy - c * szy, 0);
	double se = sqrt(sse / (double)(n - 3) * szz / det);
	*p = se > 0 ? an_t_two_sided(b / se, (double)(n - 3)) : (b != 0 ? 0.0 : 1.0);
	return b;
}
