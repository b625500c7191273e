/* numbfoot: what a run can be. A file can hold anything (a distance of 1e300 m, a moving time
 * of 50 days, a car's speed, GPS points that teleport); stored, such values turn the analysis to
 * nonsense ("replace the shoes"). Each activity a reader found is checked here: a value that can
 * be repaired from the rest of the file is, with a note; one that cannot is refused, naming the
 * file. Every threshold is far outside what any runner does, so that no real run is touched.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>

#include "import/import_priv.h"
#include "numbfoot/date.h"

#define CHECK_DIST_MAX_M 1000000.0 /* 1000 km: longer than any race run in one go */
/* The speed limit is the journal's (NF_RUN_SPEED_MAX over NF_RUN_SPEED_MIN_M, numbfoot/run.h),
 * judged over imp_run_speed_time. */

static void where(const imp_run *r, const char *name, char *out, size_t cap)
{
	const char *sep = !r->where[0] ? "" : isdigit((unsigned char)r->where[0]) ? ":" : ": ";
	snprintf(out, cap, "%s%s%s", name, sep, r->where);
}

static void refuse(imp_run *r, const char *head, const char *what)
{
	r->skip = r->refused = true;
	snprintf(r->why, sizeof r->why, "%s: %s: refused", head, what);
}

void imp_check_run(nf_import *im, imp_run *r, const char *name)
{
	char head[NF_ERROR_MSG_MAX / 2], what[200];
	nf_run_record *x = &r->rec;

	where(r, name, head, sizeof head);
	/* A last time before the first: tracks of several days gathered in one file out of order
	 * (a route collection), no one recording; no elapsed time can be made of it. So is a row of
	 * points going back (a lap or a track earlier than the one before it), named where it
	 * begins; a point or a few going back are a clock's glitch, left out (imp_track_add). */
	const imp_track *tr = &r->tr;
	double back_s = tr->t_first - tr->t_file_last;
	if (!(back_s > 0) && isfinite(x->elapsed_s) && x->elapsed_s < 0)
		back_s = -x->elapsed_s;
	if (back_s > 0) {
		char days[32] = "";
		if (back_s >= 86400)
			snprintf(days, sizeof days, " (%.1f days)", back_s / 86400);
		snprintf(what, sizeof what,
			 "its last point is %.0f s%s before the first: times that run backwards are not "
			 "one recorded activity",
			 back_s, days);
		if (tr->back_at)
			imp_track_where(tr, tr->back_at, name, head, sizeof head);
		refuse(r, head, what);
		return;
	}
	if (tr->back_far) {
		snprintf(what, sizeof what,
			 "more than %d points in a row timed before an earlier one: a lap or track that "
			 "runs backwards is not one recorded activity",
			 IMP_BACK_RUN_MAX);
		imp_track_where(tr, tr->back_far_at, name, head, sizeof head);
		refuse(r, head, what);
		return;
	}
	/* No distance at all (a watch started and stopped in one place, a paused recording): no
	 * one ran it, and kept it would count in the shoes' wear and among the runs without
	 * numbness. Skipped as not a recorded run, as a route without times is; a run typed by hand
	 * of 0 km is refused likewise. An unknown distance (NaN) is not zero and is kept. */
	if (isfinite(x->distance_m) && x->distance_m <= 0) {
		r->skip = true;
		if (isfinite(x->elapsed_s))
			snprintf(r->why, sizeof r->why, "%s: no distance (0 m in %.0f s): not a recorded run",
				 head, x->elapsed_s);
		else
			snprintf(r->why, sizeof r->why, "%s: no distance (0 m): not a recorded run", head);
		return;
	}
	/* Under 10 m (a watch started and stopped at once, or a recording that crashed seconds in):
	 * `run add` refuses such a distance, and an import does not store what it refuses. Refused,
	 * not skipped, so that the person hears why the file gave no run; a file that ends
	 * mid-record says so, as that is why its run is a few metres long. */
	if (isfinite(x->distance_m) && x->distance_m < NF_RUN_KM_MIN * 1000) {
		char time[40] = "";
		if (isfinite(x->elapsed_s))
			snprintf(time, sizeof time, " in %.0f s", x->elapsed_s);
		snprintf(what, sizeof what, "%.0f m%s is too short to be a run (under %.0f m)%s", x->distance_m, time,
			 NF_RUN_KM_MIN * 1000,
			 r->cut_short ? "; the file ends mid-record: the recording was cut short" : "");
		refuse(r, head, what);
		return;
	}
	if (isfinite(x->distance_m) && x->distance_m > CHECK_DIST_MAX_M) {
		snprintf(what, sizeof what, "a distance of %.3g km is more than any run (%.0f km)",
			 x->distance_m / 1000, CHECK_DIST_MAX_M / 1000);
		refuse(r, head, what);
		return;
	}
	/* Moving longer than elapsed: a counter that wrapped, or laps summed twice. The points' own
	 * moving time is the better figure when it fits; else the elapsed time bounds it. */
	if (isfinite(x->moving_s) && isfinite(x->elapsed_s) && x->moving_s > x->elapsed_s + 1) {
		double fix = r->tr.have_moving && r->tr.moving_s <= x->elapsed_s + 1 ? r->tr.moving_s
										  : x->elapsed_s;
		imp_note(im, "%s: a moving time of %.0f s is longer than the elapsed %.0f s: taken as %.0f s",
			 head, x->moving_s, x->elapsed_s, fix);
		x->moving_s = fix;
		x->stride_m = NAN;
		imp_run_fill_stride(x);
	}
	/* A distance covered in no time: every point stamped with one time (a file rewritten by a
	 * tool that kept the date only), which no speed check can divide by. */
	if (isfinite(x->distance_m) && x->distance_m >= NF_RUN_SPEED_MIN_M && isfinite(x->elapsed_s) &&
	    x->elapsed_s <= 0 && !(x->moving_s > 0)) {
		snprintf(what, sizeof what, "%.2f km with no time between its first and last point: not one "
			 "recorded run", x->distance_m / 1000);
		refuse(r, head, what);
		return;
	}
	if (im->opts.now > 0 && x->start_time > im->opts.now + NF_CLOCK_AHEAD_S) {
		char day[16];
		nf_time_day(x->start_time, day, sizeof day);
		snprintf(what, sizeof what, "it starts on %s, in the future: a watch's clock set wrong", day);
		refuse(r, head, what);
		return;
	}
	double v = x->distance_m / imp_run_speed_time(x);
	if (isfinite(v) && x->distance_m >= NF_RUN_SPEED_MIN_M && v > NF_RUN_SPEED_MAX) {
		snprintf(what, sizeof what,
			 "%.1f m/s sustained over %.1f km is faster than anyone runs (%.0f m/s)", v,
			 x->distance_m / 1000, NF_RUN_SPEED_MAX);
		refuse(r, head, what);
		return;
	}
	/* A mean outside a run's cadence (a walk kept by '--sport run', a sensor's glitch) would be
	 * refused by the journal with the whole run: the run is kept without it. */
	if (isfinite(x->cadence_spm) &&
	    (x->cadence_spm < NF_RUN_CADENCE_MIN || x->cadence_spm > NF_RUN_CADENCE_MAX)) {
		imp_note(im, "%s: a cadence of %.0f steps per minute is not a run's (%.0f to %.0f): left out",
			 head, x->cadence_spm, NF_RUN_CADENCE_MIN, NF_RUN_CADENCE_MAX);
		x->cadence_spm = NAN;
		x->stride_m = NAN;
	}
	/* A mean heart rate no runner keeps (a strap's glitch, a file's other field) would be refused
	 * typed: the run is kept without it, as with the cadence. */
	if (isfinite(x->heart_rate_bpm) && x->heart_rate_bpm > NF_RUN_HR_MAX) {
		imp_note(im, "%s: an average heart rate of %.0f bpm is more than any run's (%.0f): left out", head,
			 x->heart_rate_bpm, NF_RUN_HR_MAX);
		x->heart_rate_bpm = NAN;
	}
	if (tr->hr_bad > 0)
		imp_note(im, "%s: %lld heart-rate reading%s of %d bpm or more (no heart's) left out", head,
			 (long long)tr->hr_bad, tr->hr_bad == 1 ? "" : "s", IMP_HR_READING_MAX);
	if (tr->back > 0) {
		char at[NF_ERROR_MSG_MAX / 2];
		imp_track_where(tr, tr->back_at, name, at, sizeof at);
		imp_note(im, "%s: %lld point%s timed before an earlier one (a clock's glitch) left out of "
			 "the distance and the route",
			 at, (long long)tr->back, tr->back == 1 ? "" : "s");
	}
	if (r->tr.jumps > 0 && r->tr.jump_max_s < 1)
		imp_note(im, "%s: %lld GPS jump%s (the largest %.0f km within a second) left out of the "
			 "distance and the route",
			 head, (long long)r->tr.jumps, r->tr.jumps == 1 ? "" : "s", r->tr.jump_max_m / 1000);
	else if (r->tr.jumps > 0)
		imp_note(im, "%s: %lld GPS jump%s (the largest %.0f km in %.0f s) left out of the distance "
			 "and the route",
			 head, (long long)r->tr.jumps, r->tr.jumps == 1 ? "" : "s", r->tr.jump_max_m / 1000,
			 r->tr.jump_max_s);
}
