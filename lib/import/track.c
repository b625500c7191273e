/* numbfoot: what the readers share: sums over track points, times and numbers. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "import/import_priv.h"
#include "numbfoot/date.h"

void imp_point_init(imp_point *pt)
{
	pt->t = pt->lat = pt->lon = pt->dist = pt->speed = NAN;
	pt->hr = pt->cad = pt->temp = NAN;
	pt->at = 0;
}

void imp_track_init(imp_track *tr, const imp_src *s)
{
	memset(tr, 0, sizeof *tr);
	tr->observe = s->observe;
	tr->observe_ctx = s->observe_ctx;
	tr->t_first = tr->t_last = tr->t_file_last = NAN;
	tr->dist_max = NAN;
	imp_point_init(&tr->prev);
}

double imp_haversine(double lat1, double lon1, double lat2, double lon2)
{
	const double r = 6371008.8; /* mean Earth radius, metres */
	const double rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
	if (a > 1)
		a = 1;
	return 2 * r * asin(sqrt(a));
}

static bool has_pos(const imp_point *p)
{
	return !isnan(p->lat) && !isnan(p->lon);
}

/* True if p's position is a GPS jump from the last good one; else p becomes the good one. */
static bool gps_jump(imp_track *tr, const imp_point *p)
{
	if (!tr->have_good || isnan(p->t) || isnan(tr->good_t)) {
		tr->good_lat = p->lat, tr->good_lon = p->lon, tr->good_t = p->t;
		tr->have_good = true;
		return false;
	}
	double d = imp_haversine(tr->good_lat, tr->good_lon, p->lat, p->lon);
	double dt = p->t - tr->good_t;
	if (d > IMP_JUMP_MIN_M && (dt <= 0 || d / dt > IMP_JUMP_SPEED) && tr->bad_run < IMP_JUMP_RUN_MAX) {
		tr->bad_run++;
		tr->jumps++;
		if (d > tr->jump_max_m)
			tr->jump_max_m = d, tr->jump_max_s = dt;
		return true;
	}
	tr->bad_run = 0;
	tr->good_lat = p->lat, tr->good_lon = p->lon, tr->good_t = p->t;
	return false;
}

void imp_track_where(const imp_track *tr, uint64_t at, const char *name, char *out, size_t cap)
{
	if (!at)
		snprintf(out, cap, "%s", name);
	else if (tr->at_bytes)
		snprintf(out, cap, "%s: byte %llu", name, (unsigned long long)at);
	else
		snprintf(out, cap, "%s:%llu", name, (unsigned long long)at);
}

/* True if p is timed before the latest kept point: counted and left out (IMP_BACK_RUN_MAX). */
static bool timed_back(imp_track *tr, const imp_point *p)
{
	if (isnan(p->t))
		return false;
	tr->t_file_last = p->t;
	if (isnan(tr->t_last) || p->t >= tr->t_last) {
		tr->back_run = 0;
		return false;
	}
	if (tr->back++ == 0)
		tr->back_at = p->at;
	if (tr->back_run++ == 0)
		tr->back_run_at = p->at;
	if (tr->back_run > IMP_BACK_RUN_MAX && !tr->back_far) {
		tr->back_far = true;
		tr->back_far_at = tr->back_run_at;
	}
	return true;
}

void imp_track_add(imp_track *tr, const imp_point *in)
{
	imp_point fixed;
	const imp_point *pt = in;

	/* Before the jump test: a place is judged against the last good one by the time between
	 * them, which is never negative once the points that go back are out. */
	if (timed_back(tr, in)) {
		tr->n++;
		return;
	}
	/* (0, 0) is what some watches write before a fix: no place, and no anchor for jumps. */
	if (has_pos(in) && in->lat == 0 && in->lon == 0) {
		fixed = *in;
		fixed.lat = fixed.lon = NAN;
		pt = &fixed;
	} else if (has_pos(in) && gps_jump(tr, in)) {
		/* The jump keeps its time and other values; only the place is dropped. */
		fixed = *in;
		fixed.lat = fixed.lon = NAN;
		pt = &fixed;
	}
	tr->n++;
	if (tr->observe)
		tr->observe(tr->observe_ctx, pt);
	if (tr->route)
		imp_route_observe(tr->route, pt);
	if (!isnan(pt->t)) {
		if (isnan(tr->t_first))
			tr->t_first = pt->t;
		tr->t_last = pt->t;
	}
	if (!isnan(pt->dist) && (isnan(tr->dist_max) || pt->dist > tr->dist_max))
		tr->dist_max = pt->dist;
	/* Values no body or watch produces are dropped from the averages, so that one garbled
	 * point cannot turn a run's average into nonsense (or infinity). */
	if (!isnan(pt->hr) && pt->hr > 0 && pt->hr < IMP_HR_READING_MAX) {
		tr->hr_sum += pt->hr;
		tr->hr_n++;
	} else if (pt->hr >= IMP_HR_READING_MAX) {
		tr->hr_bad++;
	}
	/* A zero cadence is a runner standing still; averaging it in would report a slower
	 * cadence than was run (Garmin's averages leave zeros out too). */
	if (!isnan(pt->cad) && pt->cad > 0 && pt->cad < 500) {
		tr->cad_sum += pt->cad;
		tr->cad_n++;
	}
	if (!isnan(pt->temp) && pt->temp > -100 && pt->temp < 100) {
		tr->temp_sum += pt->temp;
		tr->temp_n++;
	}
	if (tr->have_prev) {
		const imp_point *a = &tr->prev;
		double seg = NAN;
		if (has_pos(a) && has_pos(pt)) {
			double g = imp_haversine(a->lat, a->lon, pt->lat, pt->lon);
			tr->geo_m += g;
			tr->have_geo = true;
			seg = g;
		}
		if (!isnan(a->dist) && !isnan(pt->dist))
			seg = pt->dist - a->dist;
		if (!isnan(a->t) && !isnan(pt->t)) {
			double dt = pt->t - a->t;
			double v = NAN;
			if (dt > 0 && !isnan(seg))
				v = seg / dt;
			else if (!isnan(pt->speed))
				v = pt->speed;
			/* Only an interval under the gap judges moving or standing: points all
			 * a minute or more apart leave the moving time unknown, not 0. */
			if (!isnan(v) && dt > 0 && dt < IMP_MOVING_GAP_MAX) {
				tr->have_moving = true;
				if (v > IMP_MOVING_SPEED_MIN)
					tr->moving_s += dt;
			}
		}
	}
	/* A point without a time or place still ends the interval before it only if it has one. */
	if (!isnan(pt->t) || has_pos(pt) || !isnan(pt->dist)) {
		/* A point whose place was a jump does not end the segment from the last good place:
		 * the distance is measured from there to the next good one. */
		if (has_pos(in) && !has_pos(pt) && tr->have_prev && has_pos(&tr->prev))
			return;
		tr->prev = *pt;
		tr->have_prev = true;
	}
}

void imp_track_break(imp_track *tr)
{
	tr->have_prev = false;
}

void imp_track_finish(const imp_track *tr, nf_run_record *run)
{
	run->records = tr->n;
	if (run->start_time < 0 && !isnan(tr->t_first))
		run->start_time = (int64_t)floor(tr->t_first);
	if (isnan(run->elapsed_s) && !isnan(tr->t_first))
		run->elapsed_s = tr->t_last - tr->t_first;
	if (isnan(run->distance_m)) {
		if (!isnan(tr->dist_max))
			run->distance_m = tr->dist_max;
		else if (tr->have_geo)
			run->distance_m = tr->geo_m;
	}
	if (isnan(run->moving_s) && tr->have_moving)
		run->moving_s = tr->moving_s;
	if (isnan(run->heart_rate_bpm) && tr->hr_n > 0)
		run->heart_rate_bpm = tr->hr_sum / (double)tr->hr_n;
	if (isnan(run->cadence_spm) && tr->cad_n > 0)
		run->cadence_spm = tr->cad_sum / (double)tr->cad_n;
	if (isnan(run->temperature_c) && tr->temp_n > 0)
		run->temperature_c = tr->temp_sum / (double)tr->temp_n;
}

void imp_cadence_rule(nf_run_record *run)
{
	if (isfinite(run->cadence_spm) && run->cadence_spm > 0 && run->cadence_spm < IMP_CADENCE_STEPS_MIN)
		run->cadence_spm *= 2;
}

double imp_run_speed_time(const nf_run_record *run)
{
	if (isfinite(run->moving_s) && run->moving_s > 0)
		return run->moving_s;
	if (isfinite(run->elapsed_s) && run->elapsed_s > 0)
		return run->elapsed_s;
	return NAN;
}

void imp_run_fill_stride(nf_run_record *run)
{
	/* Distance over steps, the steps being cadence times the time spent moving. */
	if (isnan(run->stride_m) && !isnan(run->distance_m) && !isnan(run->cadence_spm) &&
	    !isnan(run->moving_s) && run->cadence_spm > 0 && run->moving_s > 0)
		run->stride_m = run->distance_m / (run->cadence_spm * run->moving_s / 60.0);
}

static bool digits(const char **s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	*out = v;
	return true;
}

bool imp_parse_time(const char *text, double *out)
{
	bool zoned;
	return imp_parse_time_zoned(text, out, &zoned);
}

bool imp_parse_time_zoned(const char *text, double *out, bool *zoned)
{
	const char *s = text;
	int h, mi, sec, zh = 0, zm = 0;
	double frac = 0;

	while (isspace((unsigned char)*s))
		s++;
	/* The date part is the one strict reader's (lib/core/date.c: real month lengths, the
	 * years it takes); the time of day here is ISO 8601's wider form that watches write. */
	nf_date date;
	if (!core_date_at(s, &date))
		return false;
	s += 10;
	if ((*s != 'T' && *s != ' ') || !(s++, digits(&s, 2, &h)) || *s++ != ':' || !digits(&s, 2, &mi) ||
	    *s++ != ':' || !digits(&s, 2, &sec))
		return false;
	if (h > 24 || mi > 59 || sec > 60)
		return false;
	if (*s == '.' || *s == ',') {
		double scale = 0.1;
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s)) {
			frac += (*s - '0') * scale;
			scale /= 10;
			s++;
		}
	}
	int sign = 0;
	*zoned = *s == 'Z' || *s == 'z' || *s == '+' || *s == '-';
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s == '+' ? 1 : -1;
		s++;
		if (!digits(&s, 2, &zh))
			return false;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && !digits(&s, 2, &zm))
			return false;
		/* Zones run from -12:00 to +14:00: "+99:99" is no offset but a broken time, which
		 * read as one moved the run four days. */
		if (zh > 14 || zm > 59)
			return false;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s)
		return false;
	int64_t t = nf_date_time(&date) + h * 3600 + mi * 60 + sec;
	t -= sign * (zh * 3600 + zm * 60);
	/* No watch records before 1970 (1901-12-13T20:45:52, the least 32-bit time, is a writer's
	 * "no time"), and the journal stores none past 2200. */
	if (t < 0 || t > (double)NF_TIME_MAX)
		return false;
	*out = (double)t + frac;
	return true;
}

bool imp_parse_double(const char *text, double *out)
{
	char *end;
	while (isspace((unsigned char)*text))
		text++;
	if (!*text)
		return false;
	/* What strtod takes beyond a decimal number ("0x1p4", "inf", "nan") is no value in a
	 * watch file: letters other than an exponent's e are refused. */
	for (const char *c = text; *c && !isspace((unsigned char)*c); c++)
		if (!isdigit((unsigned char)*c) && !strchr("+-.eE", *c))
			return false;
	double v = strtod(text, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (*end || !isfinite(v))
		return false;
	*out = v;
	return true;
}
