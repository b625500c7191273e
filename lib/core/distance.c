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
	if (what == NF_DISTANCE_RUN && km < NF_RUN_KM_MIN)
		return nf_error_set(err, NF_EPARSE,
				    "%s is under 10 m, shorter than any run: give the distance in km (10.2) or with "
				    "its unit (400m, 6.2mi)",
				    shown);
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
	/* "5k", "10k": how runners name a distance, and a km to every one of them. */
	if (!strcasecmp(unit, "km") || !strcasecmp(unit, "k"))
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
	/* Spaces go between the number and its unit ("10 km"); with no unit after them ("10 ") they
	 * are a malformed number, as a leading space is. */
	const char *after = end;
	while (end && *end == ' ')
		end++;
	if (rc || (*end && !letters(end)) || (end != after && !*end))
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

double nf_distance_about(double km, nf_units units)
{
	double v = units == NF_UNITS_MI ? km / NF_KM_PER_MILE : km;
	return fabs(v) >= 100 ? round(v / 10) * 10 : fabs(v) >= 10 ? round(v) : round(v * 10) / 10;
}

/* The knowledge base's texts are written in kilometres, as its sources give them. They are
 * converted here, as they are shown, rather than kept a second time in miles: one text per step
 * keeps a single source for its words and its reference (kb/numbfoot.json is read like code, and
 * the validator checks one set of texts), the converted figures cannot drift from the kilometres
 * they come from, and a saved result (kept in km) reads the same in whichever unit a later face
 * shows it. The kilometres stay beside the miles because the sources and the clinicians speak in
 * them. */

/* The length of a plain number ("800", "2.5") at s, or 0. */
static size_t number_at(const char *s, double *v)
{
	/* By hand, not strtod: the report sets a locale whose decimal point may be a comma. */
	size_t n = 0;
	double x = 0, scale = 1;
	while (isdigit((unsigned char)s[n]))
		x = x * 10 + (s[n++] - '0');
	if (n && s[n] == '.' && isdigit((unsigned char)s[n + 1]))
		for (n++; isdigit((unsigned char)s[n]); n++)
			x += (s[n] - '0') * (scale /= 10);
	*v = x;
	return n;
}

/* At s a distance in km ("800 km", "300-450 km", "0.2-3 km"): its length up to the end of "km",
 * with its bounds, or 0. */
static size_t km_at(const char *s, double *lo, double *hi, bool *range)
{
	size_t n = number_at(s, lo), m;
	if (!n)
		return 0;
	*range = false;
	if ((s[n] == '-' || s[n] == '/') && (m = number_at(s + n + 1, hi))) {
		*range = true;
		n += 1 + m;
	} else if (!strncmp(s + n, "\xe2\x80\x93", 3) && (m = number_at(s + n + 3, hi))) {
		*range = true; /* an en dash */
		n += 3 + m;
	}
	if (s[n] == ' ')
		n++;
	if (strncmp(s + n, "km", 2) || isalpha((unsigned char)s[n + 2]) || s[n + 2] == '/')
		return 0;
	return n + 2;
}

/* True when s (just after "km") goes on with that distance's miles, " (500 mi)" or ", 500 mi". */
static bool has_miles(const char *s)
{
	double v;
	size_t n;
	if (strncmp(s, " (", 2) && strncmp(s, ", ", 2))
		return false;
	s += 2;
	if (!(n = number_at(s, &v)))
		return false;
	s += n;
	if (*s == '-' && (n = number_at(s + 1, &v)))
		s += 1 + n;
	return !strncmp(s, " mi", 3);
}

const char *nf_units_text(const char *text, nf_units units, char *buf, size_t cap)
{
	size_t o = 0;
	if (!cap)
		return buf;
	buf[0] = '\0';
	if (!text)
		return buf;
	for (const char *s = text; *s && o + 1 < cap;) {
		double lo = 0, hi = 0;
		bool range;
		size_t n = 0;
		/* A number starts a word: not the "2" of "L2" or the "5" of "1.5". */
		bool starts = s == text || (!isalnum((unsigned char)s[-1]) && s[-1] != '.');
		if (units == NF_UNITS_MI && starts)
			n = km_at(s, &lo, &hi, &range);
		if (!n || has_miles(s + n)) {
			/* Not a distance, or one already followed by its other unit: as it is. */
			size_t k = n ? n : 1;
			while (k-- && *s && o + 1 < cap)
				buf[o++] = *s++;
			continue;
		}
		/* Inside brackets already, the miles follow a comma: "(about 300-450 km, 190-280 mi)". */
		int depth = 0;
		for (size_t k = 0; k < o; k++)
			depth += buf[k] == '(' ? 1 : buf[k] == ')' ? -1 : 0;
		char mi[64], r[32] = "";
		if (range)
			snprintf(r, sizeof r, "-%g", nf_distance_about(hi, units));
		snprintf(mi, sizeof mi, depth > 0 ? ", %g%s mi" : " (%g%s mi)", nf_distance_about(lo, units), r);
		int w = snprintf(buf + o, cap - o, "%.*s%s", (int)n, s, mi);
		if (w < 0 || (size_t)w >= cap - o) {
			o = cap - 1;
			break;
		}
		o += (size_t)w;
		s += n;
	}
	buf[o] = '\0';
	return buf;
}

char *nf_units_text_dup(const char *text, nf_units units)
{
	if (!text)
		return NULL;
	/* Each distance grows by at most its miles, " (12345-12345 mi)": never more than 20 bytes per
	 * 3 bytes of text ("1km" the shortest), so this size always fits. */
	size_t cap = strlen(text) * 8 + 1;
	char *buf = malloc(cap);
	if (buf)
		nf_units_text(text, units, buf, cap);
	return buf;
}
