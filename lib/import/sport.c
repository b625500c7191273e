/* numbfoot: is this activity a run? What the file says first, then what the data say.
 *
 * A file's sport word (GPX <type>, TCX Sport, FIT sport) is read for what it says: a ride, a
 * swim, a ski tour or a walk is left out, a run is kept; FIT's enum is exact, so any FIT sport
 * but running and generic is left out, whatever its name (imp_run.said_not_run). Many files
 * say nothing ("generic", "Other", no <type> at all: most GPX), and a runner's history is full
 * of rides and drives recorded by the same watch; then the data decide, and the reason goes
 * into the message:
 *
 *   - FIT's sub-sport when it names a family (treadmill, trail, track: running; spin, road,
 *     lap swimming: not);
 *   - the speed over the moving time (else the elapsed time: imp_run_speed_time): above
 *     IMP_RUN_SPEED_MAX (6.5 m/s, 2:34 per km, faster than the 10 km world record) over at
 *     least a kilometre, it is a vehicle, not legs;
 *   - the cadence: a mean below NF_RUN_CADENCE_MIN (120 steps per minute) is a walk, a ski or a
 *     pedal stroke counted as steps; running is 140 to 200.
 *
 * 'import --sport run' (nf_import_opts.keep_any_sport) keeps whatever the file is.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "import/import_priv.h"

#define IMP_RUN_SPEED_MAX 6.5
#define IMP_RUN_SPEED_MIN_M 1000.0

void imp_sport_copy(char *dst, size_t cap, const char *src)
{
	size_t n = 0;
	while (isspace((unsigned char)*src))
		src++;
	while (*src && n + 1 < cap) {
		unsigned char c = (unsigned char)*src++;
		dst[n++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	while (n > 0 && isspace((unsigned char)dst[n - 1]))
		n--;
	dst[n] = '\0';
}

typedef enum { SAYS_NOTHING, SAYS_RUN, SAYS_OTHER } says;

static bool has_any(const char *low, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(low, words[i]))
			return true;
	return false;
}

/* What a sport word says, matched by substrings of the names GPX <type>, TCX Sport, FIT's sport
 * enum and Strava's activity types use. Not-a-run words are tried first: "bike_to_run_transition"
 * is no run. */
static says sport_says(const char *sport)
{
	static const char *const not_run[] = {
		"cycl", "bik", "ride", "swim", "ski", "rowing", "paddl", "kayak", "canoe", "driv",
		"motor", "boat", "sail", "flying", "golf", "snowboard", "skat", "walk", "hik",
		"transition", "surf", "yoga", "pilates", "weight", "strength", "elliptical", "climb",
		"stair", "snowshoe", "wheelchair", "velomobile", "crossfit", "soccer", "tennis",
		"basketball", "football", "fitness_equipment", "training",
	};
	static const char *const run[] = {"run", "jog", "treadmill"};
	static const char *const nothing[] = {"", "generic", "other", "unknown", "workout"};
	char low[NF_RUN_SPORT_MAX];
	imp_sport_copy(low, sizeof low, sport);
	for (size_t i = 0; i < sizeof nothing / sizeof nothing[0]; i++)
		if (strcmp(low, nothing[i]) == 0)
			return SAYS_NOTHING;
	if (has_any(low, not_run, sizeof not_run / sizeof not_run[0]))
		return SAYS_OTHER;
	if (has_any(low, run, sizeof run / sizeof run[0]))
		return SAYS_RUN;
	/* A word we do not know ("fell", "orienteering", a number): the data decide. */
	return SAYS_NOTHING;
}

bool imp_sport_is_not_run(const char *sport)
{
	return sport_says(sport) == SAYS_OTHER;
}

/* FIT's sub_sport enum (profile type sub_sport): the running family and the rest. */
static says sub_sport_says(int sub, const char **name)
{
	static const struct {
		int v;
		const char *name;
		says s;
	} subs[] = {
		{1, "treadmill", SAYS_RUN},       {2, "street", SAYS_RUN},
		{3, "trail", SAYS_RUN},           {4, "track", SAYS_RUN},
		{45, "indoor_running", SAYS_RUN}, {5, "spin", SAYS_OTHER},
		{6, "indoor_cycling", SAYS_OTHER}, {7, "road", SAYS_OTHER},
		{8, "mountain", SAYS_OTHER},      {9, "downhill", SAYS_OTHER},
		{10, "recumbent", SAYS_OTHER},    {11, "cyclocross", SAYS_OTHER},
		{12, "hand_cycling", SAYS_OTHER}, {13, "track_cycling", SAYS_OTHER},
		{14, "indoor_rowing", SAYS_OTHER}, {15, "elliptical", SAYS_OTHER},
		{16, "stair_climbing", SAYS_OTHER}, {17, "lap_swimming", SAYS_OTHER},
		{18, "open_water", SAYS_OTHER},   {25, "indoor_skiing", SAYS_OTHER},
		{27, "indoor_walking", SAYS_OTHER}, {28, "e_bike_fitness", SAYS_OTHER},
		{29, "bmx", SAYS_OTHER},          {30, "casual_walking", SAYS_OTHER},
		{31, "speed_walking", SAYS_OTHER}, {37, "backcountry", SAYS_OTHER},
		{38, "resort", SAYS_OTHER},       {42, "skate_skiing", SAYS_OTHER},
		{46, "gravel_cycling", SAYS_OTHER}, {47, "e_mountain_bike", SAYS_OTHER},
	};
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (subs[i].v == sub) {
			*name = subs[i].name;
			return subs[i].s;
		}
	return SAYS_NOTHING;
}

/* Strava writes its activity type in GPX <type> as a number: 1 a ride, 9 a run. */
static void normalise(char *sport, size_t cap)
{
	if (strcmp(sport, "1") == 0)
		snprintf(sport, cap, "cycling");
	else if (strcmp(sport, "9") == 0 || strcmp(sport, "run") == 0)
		snprintf(sport, cap, "running");
}

static void skip(imp_run *r, const char *fmt, const char *name, const char *what)
{
	r->skip = true;
	char head[NF_ERROR_MSG_MAX / 2];
	/* "FILE:LINE" for the XML readers, "FILE: session 2" for FIT. */
	const char *sep = !r->where[0] ? "" : isdigit((unsigned char)r->where[0]) ? ":" : ": ";
	snprintf(head, sizeof head, "%s%s%s", name, sep, r->where);
	snprintf(r->why, sizeof r->why, fmt, head, what);
}

void imp_sport_judge(imp_run *r, const nf_import_opts *o, const char *name)
{
	char said[NF_RUN_SPORT_MAX], what[160];
	const char *from = "";
	const char *sub = NULL;

	imp_sport_copy(said, sizeof said, r->said);
	normalise(said, sizeof said);
	if (sport_says(said) == SAYS_NOTHING && !r->said_not_run && o->sport && *o->sport) {
		/* The file says nothing useful; the export's list of activities may. */
		imp_sport_copy(said, sizeof said, o->sport);
		normalise(said, sizeof said);
		from = " (activities.csv)";
	}
	says s = sport_says(said);
	if (s == SAYS_NOTHING && r->said_not_run)
		s = SAYS_OTHER;
	if (s != SAYS_NOTHING || said[0])
		snprintf(r->rec.sport, sizeof r->rec.sport, "%s", said);
	if (o->keep_any_sport)
		return;
	if (s == SAYS_OTHER) {
		snprintf(what, sizeof what, "%s%s", said, from);
		skip(r, "%s: not a run: %s", name, what);
		return;
	}
	/* A planner's or a map's track (Strava routes, outdooractive, hand-drawn lines of hundreds
	 * of km) has places and no times: nothing was run, whatever its <type> says. */
	if (r->undated) {
		skip(r, "%s: %s", name, "no point has a time: a route drawn or planned, not a recorded run");
		return;
	}
	if (s == SAYS_RUN)
		return;
	/* The file does not say: the data decide. */
	says by_sub = sub_sport_says(r->sub_sport, &sub);
	if (by_sub == SAYS_RUN) {
		snprintf(r->rec.sport, sizeof r->rec.sport, "running");
		return;
	}
	if (by_sub == SAYS_OTHER) {
		snprintf(what, sizeof what, "its sub-sport is %s; '--sport run' to keep it", sub);
		skip(r, "%s: not a run: %s", name, what);
		return;
	}
	const nf_run_record *x = &r->rec;
	double v = x->distance_m / imp_run_speed_time(x);
	if (isfinite(v) && x->distance_m >= IMP_RUN_SPEED_MIN_M && v > IMP_RUN_SPEED_MAX) {
		snprintf(what, sizeof what,
			 "%.1f km at %.1f m/s is not a run (faster than %.1f m/s); '--sport run' to keep it",
			 x->distance_m / 1000, v, IMP_RUN_SPEED_MAX);
		skip(r, "%s: %s", name, what);
		return;
	}
	if (isfinite(x->cadence_spm) && x->cadence_spm < NF_RUN_CADENCE_MIN) {
		snprintf(what, sizeof what,
			 "a cadence of %.0f steps per minute is not a run's (%.0f or more); '--sport run' to "
			 "keep it",
			 x->cadence_spm, NF_RUN_CADENCE_MIN);
		skip(r, "%s: %s", name, what);
	}
}
