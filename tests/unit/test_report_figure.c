/* One report figure at a time (nf_report_figure_svg), as the page shows them: laid out for the
 * width asked, not scaled; the same bytes for the same journal and clock; clean errors; and the
 * ticks of time axes on whole days, and on week starts once a week or more apart. */
#include "test_analyze_util.h"

#include <jansson.h>
#include <math.h>

#include "numbfoot/kb.h"
#include "numbfoot/report.h"
#include "report/report_priv.h"
#include "report_test.h"

#define NOW (TA_T0 + 60 * TA_DAY)
#define MONDAY (4 * 86400.0) /* 1970-01-05, a Monday */

static nf_journal *filled(void)
{
	nf_journal *j = tj_open(tj_path("figures.db"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "a pair with a very long nickname indeed", 700);
	for (int i = 0; i < 30; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .cadence = 150 + i % 3,
				  .onset_km = i % 2 ? 6.5 + 0.1 * (i % 3) : 0, .sev = 3, .recover = 5, .loosen = 1));
	return j;
}

/* The width and height the SVG declares, in points. */
static void svg_size(const char *svg, double *w, double *h)
{
	const char *p = strstr(svg, "<svg");
	assert_non_null(p);
	const char *pw = strstr(p, " width=\""), *ph = strstr(p, " height=\"");
	assert_non_null(pw);
	assert_non_null(ph);
	*w = atof(pw + 8);
	*h = atof(ph + 9);
}

static char *figure(nf_journal *j, int i, double width)
{
	nf_report_options o = {.now = NOW, .format = NF_REPORT_SVG};
	nf_error err = {0};
	char *svg = NULL;
	size_t len = 0;
	nf_err rc = nf_report_figure_svg(j, kb, &o, i, width, &svg, &len, &err);
	if (rc)
		fprintf(stderr, "figure %d: %s\n", i, err.msg);
	assert_int_equal(rc, NF_OK);
	assert_non_null(svg);
	assert_int_equal(strlen(svg), len);
	return svg;
}

static void laid_out_for_the_width(void **state)
{
	(void)state;
	nf_journal *j = filled();
	for (int i = 0; i < NF_REPORT_FIGURES; i++) {
		double wn, hn, ww, hw;
		char *narrow = figure(j, i, 250), *wide = figure(j, i, 600);
		svg_size(narrow, &wn, &hn);
		svg_size(wide, &ww, &hw);
		assert_true(fabs(wn - 250) < 0.01);
		assert_true(fabs(ww - 600) < 0.01);
		/* Not the wide one scaled down: a phone's figure is taller for its width. */
		if (!(hn / wn > hw / ww + 0.05))
			fail_msg("figure %d: %.0f x %.0f at 250, %.0f x %.0f at 600", i, wn, hn, ww, hw);
		/* Readable on a phone: at least 130 points tall. */
		assert_true(hn >= 130);
		/* Each figure stands alone: its ids carry its own prefix. */
		char prefix[16];
		snprintf(prefix, sizeof prefix, "id=\"f%d", i);
		assert_non_null(strstr(narrow, prefix));
		free(narrow);
		free(wide);
	}
	nf_journal_close(j);
}

static void same_journal_same_bytes(void **state)
{
	(void)state;
	nf_journal *j = filled();
	char *a = figure(j, 0, 400), *b = figure(j, 0, 400);
	assert_string_equal(a, b);
	free(a);
	free(b);
	nf_journal_close(j);
}

static void empty_journal_draws_no_data_panels(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("empty.db"));
	for (int i = 0; i < NF_REPORT_FIGURES; i++) {
		double w, h;
		char *svg = figure(j, i, 260);
		svg_size(svg, &w, &h);
		assert_true(h >= 130 && h <= 400);
		free(svg);
	}
	nf_journal_close(j);
}

static void bad_requests(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("bad.db"));
	nf_report_options o = {.now = NOW};
	static const struct {
		int i;
		double w;
	} bad[] = {{-1, 400}, {NF_REPORT_FIGURES, 400}, {0, 149}, {0, 2001}, {0, NAN}};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		nf_error err = {0};
		char *svg = (char *)1;
		size_t len = 7;
		assert_int_equal(nf_report_figure_svg(j, kb, &o, bad[k].i, bad[k].w, &svg, &len, &err), NF_EINVAL);
		assert_null(svg);
		assert_int_equal(len, 0);
		assert_true(err.msg[0] != '\0');
	}
	for (int i = 0; i < NF_REPORT_FIGURES; i++)
		assert_non_null(nf_report_figure_title(i));
	assert_null(nf_report_figure_title(-1));
	assert_null(nf_report_figure_title(NF_REPORT_FIGURES));
	nf_journal_close(j);
}

static void ticks_on_days_and_week_starts(void **state)
{
	(void)state;
	double t[64];
	/* Twenty weeks of bars from a Monday: week starts only, within the range, as many as fit. */
	double x0 = TA_T0 + 4 * 86400.0; /* 2026-01-05, a Monday */
	double x1 = x0 + 20 * 7 * 86400.0;
	for (int room = 2; room <= 12; room++) {
		size_t n = rp_time_ticks(x0, x1, room, true, t, 64);
		assert_true(n >= 2 && n <= (size_t)room + 1);
		for (size_t i = 0; i < n; i++) {
			assert_true(t[i] >= x0 && t[i] <= x1);
			assert_true(fmod(t[i] - MONDAY, 7 * 86400.0) == 0);
		}
	}
	/* Runs over five days, starting mid-morning: ticks at midnight, one a day. */
	x0 = TA_T0 + 10 * 86400.0 + 9 * 3600;
	x1 = x0 + 5 * 86400.0;
	size_t n = rp_time_ticks(x0, x1, 8, false, t, 64);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_true(fmod(t[i], 86400.0) == 0);
	/* A year of runs: a week or more apart, so on Mondays, even for dates of runs. */
	x1 = x0 + 365 * 86400.0;
	n = rp_time_ticks(x0, x1, 6, false, t, 64);
	assert_true(n >= 2 && n <= 7);
	for (size_t i = 0; i < n; i++)
		assert_true(fmod(t[i] - MONDAY, 7 * 86400.0) == 0);
}

/* A count's axis takes whole steps: two runs in a pair gave ticks at 0.5 runs ("Episodes by shoe
 * pair"); a measure's axis keeps its finer steps. */
static void count_axis_whole_steps(void **state)
{
	(void)state;
	for (double range = 1; range <= 4; range++) {
		assert_true(rp_value_step(range, 5, true) >= 1);
		assert_true(fmod(rp_value_step(range, 5, true), 1) == 0);
	}
	assert_true(rp_value_step(2, 5, false) == 0.5);
	assert_true(rp_value_step(100, 5, true) == 20);
}

/* hue in degrees (0 red, 30 orange, 120 green, 240 blue) and saturation of an RGB colour */
static void hue_sat(const double c[3], double *hue, double *sat)
{
	double mx = fmax(c[0], fmax(c[1], c[2])), mn = fmin(c[0], fmin(c[1], c[2])), d = mx - mn;
	*sat = mx > 0 ? d / mx : 0;
	if (d <= 0)
		*hue = 0;
	else if (mx == c[0])
		*hue = fmod(60 * (c[1] - c[2]) / d + 360, 360);
	else if (mx == c[1])
		*hue = 60 * (c[2] - c[0]) / d + 120;
	else
		*hue = 60 * (c[0] - c[1]) / d + 240;
}

/* No pair of shoes is drawn in a warning colour: red and orange mean a run with numbness and the
 * check and retirement distances in the next figures, and a pair in red read as one. */
static void shoe_colours_are_not_warnings(void **state)
{
	(void)state;
	double warn[2][3];
	rp_warning_colour(0, warn[0]);
	rp_warning_colour(1, warn[1]);
	assert_true(rp_shoe_colours() >= 6);
	for (size_t i = 0; i < rp_shoe_colours(); i++) {
		double c[3], hue, sat;
		rp_shoe_colour(i, c);
		hue_sat(c, &hue, &sat);
		if (sat > 0.25 && (hue < 60 || hue > 320))
			fail_msg("shoe colour %zu (%.2f %.2f %.2f) is red to orange (hue %.0f)", i, c[0], c[1], c[2], hue);
		for (int k = 0; k < 2; k++) {
			double dist = sqrt(pow(c[0] - warn[k][0], 2) + pow(c[1] - warn[k][1], 2) + pow(c[2] - warn[k][2], 2));
			if (dist < 0.3)
				fail_msg("shoe colour %zu is %.2f from warning colour %d", i, dist, k);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(laid_out_for_the_width),
		cmocka_unit_test(same_journal_same_bytes),
		cmocka_unit_test(empty_journal_draws_no_data_panels),
		cmocka_unit_test(bad_requests),
		cmocka_unit_test(ticks_on_days_and_week_starts),
		cmocka_unit_test(count_axis_whole_steps),
		cmocka_unit_test(shoe_colours_are_not_warnings),
	};
	return cmocka_run_group_tests(tests, kb_shipped_setup, teardown);
}
