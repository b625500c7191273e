/* numbfoot: the GPX 1.1 reader (GPX 1.0 and namespace-less files too).
 *
 * Streams the document through expat (xml.c) and folds each <trkpt> into a running imp_track, so
 * memory stays constant whatever the number of points. Heart rate, cadence and temperature come
 * from Garmin's TrackPointExtension v1 or v2, matched by namespace URI whatever the prefix, from
 * Cluetrust's gpxdata (Movescount, Strava: <gpxdata:hr>, <gpxdata:cadence>, <gpxdata:temp>), or
 * from extension elements of the same names with no namespace at all, as some apps write them.
 * Cadence is kept as written; import.c turns it into steps per minute by one rule for every
 * format. GPX has no summary, so every figure is computed from the points (imp_track_finish).
 * A file is one activity, whatever its number of <trk>: the first <type> names its sport.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/xml.h"
#include "core/alloc.h"

#define NS_GPX11 "http://www.topografix.com/GPX/1/1"
#define NS_GPX10 "http://www.topografix.com/GPX/1/0"
#define NS_TPX1 "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
#define NS_TPX2 "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
#define NS_GPXDATA "http://www.cluetrust.com/XML/GPXDATA/1/0"

/* Prefixes real files use without declaring them (two Strava GPX exports do). */
static const imp_xml_prefix known_prefixes[] = {
	{"gpxdata", NS_GPXDATA},
	{"gpxtpx", NS_TPX1},
};

typedef struct gpx_state {
	imp_run *r;
	imp_point pt;
	bool in_trkpt;
	int trk_depth;        /* depth of the open <trk>, 0 outside */
	int trkpt_depth;
	bool have_type;
	bool told_zone;       /* a time without a zone has been warned of */
	unsigned long type_line;
	char type[NF_RUN_SPORT_MAX];
} gpx_state;

static bool is_gpx_ns(const char *ns)
{
	return !*ns || strcmp(ns, NS_GPX11) == 0 || strcmp(ns, NS_GPX10) == 0;
}

/* Extension elements written without a prefix land in the document's default namespace, which
 * is GPX's own (or none): accept those as well as Garmin's. */
static bool is_ext_ns(const char *ns)
{
	return is_gpx_ns(ns) || strcmp(ns, NS_TPX1) == 0 || strcmp(ns, NS_TPX2) == 0 ||
	       strcmp(ns, NS_GPXDATA) == 0;
}

static void attr_coord(imp_xml *x, const char **atts, const char *name, double lim, double *out)
{
	const char *v = imp_xml_attr(atts, name);
	double d;

	if (!v)
		return;
	if (!imp_parse_double(v, &d) || fabs(d) > lim) {
		imp_xml_fail(x, NF_EPARSE, "trkpt %s=\"%.40s\" is not a coordinate", name, v);
		return;
	}
	*out = d;
}

static void gpx_start(imp_xml *x, const char *ns, const char *local, const char **atts)
{
	gpx_state *g = x->user;

	if (!is_gpx_ns(ns))
		return;
	if (strcmp(local, "trk") == 0) {
		if (g->trk_depth == 0)
			g->trk_depth = x->depth;
	} else if (strcmp(local, "trkseg") == 0) {
		imp_track_break(&g->r->tr);
	} else if (strcmp(local, "trkpt") == 0 && g->trk_depth && !g->in_trkpt) {
		g->in_trkpt = true;
		g->trkpt_depth = x->depth;
		imp_point_init(&g->pt);
		attr_coord(x, atts, "lat", 90, &g->pt.lat);
		attr_coord(x, atts, "lon", 180, &g->pt.lon);
	}
}

/* A number from an element's text; a malformed one is a parse error naming the element. */
static bool text_number(imp_xml *x, const char *local, const char *text, double *out)
{
	if (imp_parse_double(text, out))
		return true;
	imp_xml_fail(x, NF_EPARSE, "<%s> \"%.40s\" is not a number", local, text);
	return false;
}

static void gpx_end(imp_xml *x, const char *ns, const char *local, const char *text)
{
	gpx_state *g = x->user;
	double v;

	if (g->in_trkpt) {
		if (x->depth == g->trkpt_depth) {
			g->pt.at = imp_xml_line(x);
			imp_track_add(&g->r->tr, &g->pt);
			g->in_trkpt = false;
		} else if (is_gpx_ns(ns) && strcmp(local, "time") == 0 && x->depth == g->trkpt_depth + 1) {
			bool zoned;
			if (!imp_parse_time_zoned(text, &g->pt.t, &zoned)) {
				imp_xml_fail(x, NF_EPARSE, "<time> \"%.40s\" is not " IMP_TIME_WHEN, text);
			} else if (!zoned && !g->told_zone) {
				g->told_zone = true;
				imp_note(x->im, "%s:%lu: <time> \"%.40s\" has no time zone: taken as UTC",
					 x->name, imp_xml_line(x), text);
			}
		} else if (is_ext_ns(ns) && x->depth > g->trkpt_depth + 1) {
			if (strcmp(local, "hr") == 0 || strcmp(local, "heartrate") == 0) {
				if (text_number(x, local, text, &v))
					g->pt.hr = v;
			} else if (strcmp(local, "cad") == 0 || strcmp(local, "cadence") == 0) {
				if (text_number(x, local, text, &v))
					g->pt.cad = v;
			} else if (strcmp(local, "atemp") == 0 || strcmp(local, "temp") == 0 ||
				   strcmp(local, "wtemp") == 0) {
				if (text_number(x, local, text, &v))
					g->pt.temp = v;
			} else if (strcmp(local, "speed") == 0) {
				if (text_number(x, local, text, &v))
					g->pt.speed = v;
			}
		}
		return;
	}
	if (!is_gpx_ns(ns))
		return;
	if (strcmp(local, "trk") == 0 && x->depth == g->trk_depth) {
		g->trk_depth = -1; /* only the first track's <type> names the sport; later ones count */
	} else if (strcmp(local, "type") == 0 && g->trk_depth > 0 && x->depth == g->trk_depth + 1 &&
		   !g->have_type) {
		g->have_type = true;
		g->type_line = imp_xml_line(x);
		imp_sport_copy(g->type, sizeof g->type, text);
	}
}

nf_err imp_gpx_read(imp_src *s, nf_import *im, nf_error *err)
{
	gpx_state *g;
	imp_xml *x;
	nf_err rc;

	/* Heap, not stack: imp_xml holds the text buffer. */
	x = core_calloc(1, sizeof *x);
	g = core_calloc(1, sizeof *g);
	if (!x || !g) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
		goto out_free;
	}
	if (!(g->r = imp_run_new(im, s, err))) {
		rc = err ? err->code : NF_ENOMEM;
		goto out_free;
	}
	x->name = s->name;
	x->err = err;
	x->im = im;
	x->known = known_prefixes;
	x->nknown = sizeof known_prefixes / sizeof known_prefixes[0];
	x->start = gpx_start;
	x->end = gpx_end;
	x->user = g;
	rc = imp_xml_run(x, s);
	if (rc != NF_OK)
		goto out_free;
	if (g->have_type) {
		snprintf(g->r->said, sizeof g->r->said, "%s", g->type);
		snprintf(g->r->where, sizeof g->r->where, "%lu", g->type_line);
	}
	if (g->r->tr.n == 0) {
		rc = nf_error_set(err, NF_ESKIP, "%s: no track points: not a recorded run", s->name);
		goto out_free;
	}
	imp_track_finish(&g->r->tr, &g->r->rec);
	g->r->undated = isnan(g->r->tr.t_first);
out_free:
	free(g);
	free(x);
	return rc;
}
