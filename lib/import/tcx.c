/* numbfoot: the TCX reader (Garmin TrainingCenterDatabase v2 with ActivityExtension v2).
 *
 * Streams through expat (xml.c). Every <Activity> is its own activity, whether the file is a
 * history export with several runs or a multisport session (Biking, Running, Biking) whose legs
 * are Activities too; import.c then keeps the runs. The laps give the totals when they have
 * them (TotalTimeSeconds is timer time, hence moving_s; DistanceMeters summed), and the
 * trackpoints give everything else through imp_track.
 *
 * The start is the first lap's StartTime, else the first trackpoint's time: Garmin Connect
 * writes <Id> with its seconds zeroed, so <Id> serves only when neither exists. The elapsed
 * time is the span of the laps (first StartTime to the last lap's end) when they span more than
 * the trackpoints, as a Suunto export's do. Cadence, <Cadence> or the extension's <RunCadence>,
 * is kept as written; import.c turns it into steps per minute by the rule every format shares.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/xml.h"
#include "core/alloc.h"

#define NS_TCX "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
#define NS_AX2 "http://www.garmin.com/xmlschemas/ActivityExtension/v2"

/* The elements the reader cares about; everything else is OTHER. */
enum tcx_el {
	EL_OTHER, EL_ACTIVITY, EL_ID, EL_LAP, EL_TOTALTIME, EL_DISTANCE, EL_AVGHR, EL_VALUE,
	EL_CADENCE, EL_TRACK, EL_TRACKPOINT, EL_TIME, EL_POSITION, EL_LAT, EL_LON, EL_HR,
	EL_RUNCADENCE, EL_AVGRUNCADENCE, EL_SPEED,
};

typedef struct tcx_state {
	nf_import *im;
	imp_src *s;
	nf_error *err;
	imp_run *r;           /* the open <Activity>, NULL outside one */
	imp_point pt;
	unsigned char stack[IMP_XML_DEPTH_MAX + 2]; /* enum tcx_el per open element */
	int activities;       /* <Activity> elements seen */
	double id_time;       /* <Id>: a fallback for the start only */
	double lap_first, lap_end; /* the first lap's StartTime, the latest end of a lap */
	double lap_start;     /* the open lap's StartTime */
	double lap_time, lap_dist, lap_hr_sum, lap_cad_sum;
	double this_lap_time; /* TotalTimeSeconds of the open lap */
	double prev_lap_start, prev_lap_end; /* the lap before the open one; NaN if unknown */
	int laps, lap_time_n, lap_dist_n, lap_hr_n, lap_cad_n;
	bool told_zone;       /* a time without a zone has been warned of */
} tcx_state;

/* imp_parse_time, with one warning a file for a time that names no zone (taken as UTC). */
static bool tcx_time(imp_xml *x, tcx_state *t, const char *text, double *out)
{
	bool zoned;
	if (!imp_parse_time_zoned(text, out, &zoned))
		return false;
	if (!zoned && !t->told_zone) {
		t->told_zone = true;
		imp_note(t->im, "%s:%lu: the time \"%.40s\" has no time zone: taken as UTC", x->name,
			 imp_xml_line(x), text);
	}
	return true;
}

static enum tcx_el classify(const char *ns, const char *local)
{
	static const struct {
		const char *name;
		enum tcx_el el;
	} tcx[] = {
		{"Activity", EL_ACTIVITY}, {"Id", EL_ID}, {"Lap", EL_LAP},
		{"TotalTimeSeconds", EL_TOTALTIME}, {"DistanceMeters", EL_DISTANCE},
		{"AverageHeartRateBpm", EL_AVGHR}, {"Value", EL_VALUE}, {"Cadence", EL_CADENCE},
		{"Track", EL_TRACK}, {"Trackpoint", EL_TRACKPOINT}, {"Time", EL_TIME},
		{"Position", EL_POSITION}, {"LatitudeDegrees", EL_LAT},
		{"LongitudeDegrees", EL_LON}, {"HeartRateBpm", EL_HR},
	}, ax[] = {
		{"RunCadence", EL_RUNCADENCE}, {"AvgRunCadence", EL_AVGRUNCADENCE}, {"Speed", EL_SPEED},
	};
	if (!*ns || strcmp(ns, NS_TCX) == 0) {
		for (size_t i = 0; i < sizeof tcx / sizeof tcx[0]; i++)
			if (strcmp(local, tcx[i].name) == 0)
				return tcx[i].el;
	}
	if (!*ns || strcmp(ns, NS_AX2) == 0) {
		for (size_t i = 0; i < sizeof ax / sizeof ax[0]; i++)
			if (strcmp(local, ax[i].name) == 0)
				return ax[i].el;
	}
	return EL_OTHER;
}

/* True if the innermost open elements (excluding the current one) include el within up levels:
 * the extension elements sit two or three levels under their Trackpoint or Lap. */
static bool under(const imp_xml *x, const tcx_state *t, enum tcx_el el, int up)
{
	for (int d = x->depth - 1; d >= 1 && d >= x->depth - up; d--)
		if (t->stack[d] == el)
			return true;
	return false;
}

static void activity_begin(imp_xml *x, tcx_state *t, const char **atts)
{
	const char *v;
	t->activities++;
	if (!(t->r = imp_run_new(t->im, t->s, t->err))) {
		/* imp_run_new has set the message; stop with its code. */
		if (x->rc == NF_OK) {
			x->rc = t->err ? t->err->code : NF_ENOMEM;
			XML_StopParser(x->p, XML_FALSE);
		}
		return;
	}
	snprintf(t->r->where, sizeof t->r->where, "%lu", imp_xml_line(x));
	if ((v = imp_xml_attr(atts, "Sport")) != NULL)
		imp_sport_copy(t->r->said, sizeof t->r->said, v);
	t->id_time = t->lap_first = t->lap_end = t->lap_start = NAN;
	t->prev_lap_start = t->prev_lap_end = NAN;
	t->lap_time = t->lap_dist = t->lap_hr_sum = t->lap_cad_sum = 0;
	t->laps = t->lap_time_n = t->lap_dist_n = t->lap_hr_n = t->lap_cad_n = 0;
}

static void activity_end(tcx_state *t)
{
	imp_run *r = t->r;
	nf_run_record *run = &r->rec;
	t->r = NULL;
	if (!isnan(t->lap_first))
		run->start_time = (int64_t)floor(t->lap_first);
	if (t->lap_dist_n > 0)
		run->distance_m = t->lap_dist;
	if (t->lap_time_n > 0)
		run->moving_s = t->lap_time;
	imp_track_finish(&r->tr, run);
	if (run->start_time < 0 && !isnan(t->id_time))
		run->start_time = (int64_t)floor(t->id_time);
	/* The laps may span more than the trackpoints (a Suunto export stops its points early). */
	if (!isnan(t->lap_first) && !isnan(t->lap_end)) {
		double span = t->lap_end - t->lap_first;
		if (isnan(run->elapsed_s) || span > run->elapsed_s + 1)
			run->elapsed_s = span;
	}
	/* Lap averages only where no trackpoint had the value. */
	if (isnan(run->heart_rate_bpm) && t->lap_hr_n > 0)
		run->heart_rate_bpm = t->lap_hr_sum / t->lap_hr_n;
	if (isnan(run->cadence_spm) && t->lap_cad_n > 0)
		run->cadence_spm = t->lap_cad_sum / t->lap_cad_n;
}

/* A lap that starts before the lap before it, or before that lap's TotalTimeSeconds (timer time,
 * never more than the lap's span) have passed, is no part of one recording: two runs merged, a
 * clock reset. Summed, such laps give a distance in a time that never happened ("10 km in
 * 30:00"), so the file is refused at the lap. IMP_LAP_SLACK_S allows for writers that round the
 * StartTime to the second and keep the fraction in TotalTimeSeconds. */
#define IMP_LAP_SLACK_S 1.0
static void lap_in_order(imp_xml *x, tcx_state *t, const char *start)
{
	if (isnan(t->lap_start) || isnan(t->prev_lap_start))
		return;
	if (t->lap_start < t->prev_lap_start)
		imp_xml_fail(x, NF_EPARSE,
			     "Lap StartTime \"%.40s\" is %.0f s before the lap before it starts: laps that "
			     "run backwards are not one recorded activity",
			     start, t->prev_lap_start - t->lap_start);
	else if (!isnan(t->prev_lap_end) && t->lap_start < t->prev_lap_end - IMP_LAP_SLACK_S)
		imp_xml_fail(x, NF_EPARSE,
			     "Lap StartTime \"%.40s\" is %.0f s before the lap before it ends (its "
			     "StartTime and TotalTimeSeconds): laps that overlap are not one recorded "
			     "activity",
			     start, t->prev_lap_end - t->lap_start);
}

static void tcx_start(imp_xml *x, const char *ns, const char *local, const char **atts)
{
	tcx_state *t = x->user;
	enum tcx_el el = classify(ns, local);
	const char *v;

	t->stack[x->depth] = (unsigned char)el;
	if (el == EL_ACTIVITY && !t->r)
		activity_begin(x, t, atts);
	if (!t->r)
		return;
	if (el == EL_LAP) {
		t->laps++;
		t->this_lap_time = NAN;
		t->lap_start = NAN;
		v = imp_xml_attr(atts, "StartTime");
		if (v && !tcx_time(x, t, v, &t->lap_start))
			imp_xml_fail(x, NF_EPARSE, "Lap StartTime \"%.40s\" is not " IMP_TIME_WHEN, v);
		if (!isnan(t->lap_start) && isnan(t->lap_first))
			t->lap_first = t->lap_start;
		lap_in_order(x, t, v);
	} else if (el == EL_TRACK) {
		imp_track_break(&t->r->tr);
	} else if (el == EL_TRACKPOINT) {
		imp_point_init(&t->pt);
	}
}

static bool number(imp_xml *x, const char *local, const char *text, double *out)
{
	if (imp_parse_double(text, out))
		return true;
	imp_xml_fail(x, NF_EPARSE, "<%s> \"%.40s\" is not a number", local, text);
	return false;
}

/* A number that cannot be below 0 (a distance, a time): a negative one is refused at its line,
 * where the journal used to refuse the whole run with no line ("distance must be 0 or more"). */
static bool amount(imp_xml *x, const char *local, const char *text, double *out)
{
	if (!number(x, local, text, out))
		return false;
	if (*out >= 0)
		return true;
	imp_xml_fail(x, NF_EPARSE, "<%s> \"%.40s\" is below 0: it must be 0 or more", local, text);
	return false;
}

static void tcx_end(imp_xml *x, const char *ns, const char *local, const char *text)
{
	tcx_state *t = x->user;
	enum tcx_el el = (enum tcx_el)t->stack[x->depth];
	enum tcx_el parent = x->depth > 1 ? (enum tcx_el)t->stack[x->depth - 1] : EL_OTHER;
	double v;

	if (!t->r || el == EL_OTHER)
		return;
	bool in_tp = under(x, t, EL_TRACKPOINT, 3);
	switch (el) {
	case EL_ACTIVITY:
		activity_end(t);
		break;
	case EL_LAP:
		if (!isnan(t->lap_start) && !isnan(t->this_lap_time)) {
			double end = t->lap_start + t->this_lap_time;
			if (isnan(t->lap_end) || end > t->lap_end)
				t->lap_end = end;
		}
		/* A lap without a StartTime leaves the next one unjudged. */
		t->prev_lap_start = t->lap_start;
		t->prev_lap_end = isnan(t->lap_start) || isnan(t->this_lap_time)
					  ? NAN
					  : t->lap_start + t->this_lap_time;
		break;
	case EL_ID:
		if (parent == EL_ACTIVITY && isnan(t->id_time) && !imp_parse_time(text, &t->id_time))
			imp_xml_fail(x, NF_EPARSE, "<Id> \"%.40s\" is not " IMP_TIME_WHEN, text);
		break;
	case EL_TRACKPOINT:
		t->pt.at = imp_xml_line(x);
		imp_track_add(&t->r->tr, &t->pt);
		if (!isnan(t->pt.t) && (isnan(t->lap_end) || t->pt.t > t->lap_end) && !isnan(t->lap_first))
			t->lap_end = t->pt.t;
		break;
	case EL_TIME:
		if (parent == EL_TRACKPOINT && !tcx_time(x, t, text, &t->pt.t))
			imp_xml_fail(x, NF_EPARSE, "<Time> \"%.40s\" is not " IMP_TIME_WHEN, text);
		break;
	case EL_LAT:
		if (parent == EL_POSITION && number(x, local, text, &v))
			t->pt.lat = v;
		break;
	case EL_LON:
		if (parent == EL_POSITION && number(x, local, text, &v))
			t->pt.lon = v;
		break;
	case EL_DISTANCE:
		if (parent == EL_TRACKPOINT && amount(x, local, text, &v)) {
			t->pt.dist = v;
		} else if (parent == EL_LAP && amount(x, local, text, &v)) {
			t->lap_dist += v;
			t->lap_dist_n++;
		}
		break;
	case EL_TOTALTIME:
		if (parent == EL_LAP && amount(x, local, text, &v)) {
			t->lap_time += v;
			t->lap_time_n++;
			t->this_lap_time = v;
		}
		break;
	case EL_VALUE:
		if (parent == EL_HR && in_tp && number(x, local, text, &v)) {
			t->pt.hr = v;
		} else if (parent == EL_AVGHR && !in_tp && number(x, local, text, &v)) {
			t->lap_hr_sum += v;
			t->lap_hr_n++;
		}
		break;
	case EL_CADENCE:
		if (parent == EL_TRACKPOINT && number(x, local, text, &v))
			t->pt.cad = v;
		else if (parent == EL_LAP && number(x, local, text, &v) && v > 0) {
			t->lap_cad_sum += v;
			t->lap_cad_n++;
		}
		break;
	case EL_RUNCADENCE:
		if (in_tp && number(x, local, text, &v))
			t->pt.cad = v;
		break;
	case EL_SPEED:
		if (in_tp && number(x, local, text, &v))
			t->pt.speed = v;
		break;
	case EL_AVGRUNCADENCE:
		if (!in_tp && under(x, t, EL_LAP, 3) && number(x, local, text, &v) && v > 0) {
			t->lap_cad_sum += v;
			t->lap_cad_n++;
		}
		break;
	default:
		break;
	}
}

nf_err imp_tcx_read(imp_src *s, nf_import *im, nf_error *err)
{
	tcx_state *t;
	imp_xml *x;
	nf_err rc;

	/* Heap, not stack: imp_xml holds the text buffer. */
	x = core_calloc(1, sizeof *x);
	t = core_calloc(1, sizeof *t);
	if (!x || !t) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
		goto out_free;
	}
	t->im = im;
	t->s = s;
	t->err = err;
	x->name = s->name;
	x->err = err;
	x->im = im;
	x->start = tcx_start;
	x->end = tcx_end;
	x->user = t;
	rc = imp_xml_run(x, s);
	if (rc != NF_OK)
		goto out_free;
	if (t->activities == 0) {
		rc = nf_error_set(err, NF_ESKIP, "%s: no <Activity>: a course or workout, not a run",
				  s->name);
		goto out_free;
	}
out_free:
	free(t);
	free(x);
	return rc;
}
