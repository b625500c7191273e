/* Distances as people give them: the one checker of the commands and the web API, so that a
 * value one face takes the other takes too. */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numbfoot/run.h"
#include "numbfoot/text.h"

static double max_km(nf_distance_of what)
{
	return what == NF_DISTANCE_GEAR || what == NF_DISTANCE_RETIRE ? NF_GEAR_KM_MAX : NF_RUN_KM_MAX;
}

/* The reason zero is refused for what, or NULL when zero is a value it may take. */
static const char *zero_refused(nf_distance_of what)
{
	switch (what) {
	case NF_DISTANCE_RUN:
		return "give how far the run was (or leave it out if not known)";
	case NF_DISTANCE_RETIRE:
		return "a retirement distance must be more than 0";
	default:
		return NULL;
	}
}

/* The range check of both readers; shown is the value as the person gave it. */
static nf_err in_range(double km, nf_distance_of what, const char *shown, nf_error *err)
{
	/* The range said is the one taken: where 0 is refused too, "more than 0". */
	if (!isfinite(km) || km < 0 || km > max_km(what))
		return nf_error_set(err, NF_EPARSE, "%s is out of range (%s to %.0f km)", shown,
				    zero_refused(what) ? "more than 0" : "0", max_km(what));
	if (km == 0 && zero_refused(what))
		return nf_error_set(err, NF_EPARSE, "%s is zero; %s", shown, zero_refused(what));
	return NF_OK;
}

nf_err nf_distance_check(double km, nf_distance_of what, nf_error *err)
{
	char shown[48];
	snprintf(shown, sizeof shown, isfinite(km) ? "%g km" : "%g", km);
	return in_range(km, what, shown, err);
}

/* True when s is words only (a unit, known or not), for the message that says which; "0x10"
 * and "1e3" leave "x10" and "e3", which are no units but numbers this reader does not take. */
static bool letters(const char *s)
{
	for (; *s; s++)
		if (!isalpha((unsigned char)*s) && *s != ' ')
			return false;
	return true;
}

double nf_distance_unit_km(const char *unit, nf_units units)
{
	if (!*unit)
		return units == NF_UNITS_MI ? NF_KM_PER_MILE : 1;
	if (!strcasecmp(unit, "km"))
		return 1;
	if (!strcasecmp(unit, "m"))
		return 0.001;
	if (!strcasecmp(unit, "mi") || !strcasecmp(unit, "mile") || !strcasecmp(unit, "miles"))
		return NF_KM_PER_MILE;
	return 0;
}

nf_err nf_distance_parse(const char *text, nf_units units, nf_distance_of what, double *km, nf_error *err)
{
	const char *end;
	double v = 0;
	/* The page's number rule (nf_decimal_read): a decimal point or comma, nothing else. */
	nf_err rc = nf_decimal_read(text, &v, &end, err);
	if (rc && end != text)
		return rc;
	while (end && *end == ' ')
		end++;
	if (rc || (*end && !letters(end)))
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a distance (examples: 10.2, 10,2, 10.2km, 6.2mi)",
				    text ? text : "");
	double per = nf_distance_unit_km(end, units);
	if (per == 0)
		return nf_error_set(err, NF_EPARSE, "unknown unit '%.20s' in '%.40s' (use km, mi or m)", end, text);
	double k = per == 1 ? v : per == 0.001 ? v / 1000 : v * per;
	char shown[64];
	snprintf(shown, sizeof shown, "'%.40s'", text);
	rc = in_range(k, what, shown, err);
	if (rc == NF_OK)
		*km = k;
	return rc;
}
