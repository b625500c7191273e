/* numbfoot: the FIT reader, written by hand.
 *
 * Debian ships no FIT library (Garmin's SDK is C#/Java/JS/C++, unpackaged, and python-fitparse
 * is Python), so this is a decoder for the part of the FIT protocol a run needs. It streams: the
 * file is read in IMP_CHUNK pieces, each field is copied into a 255-byte buffer at most, and the
 * only state is the 16 local definitions, so memory is fixed whatever the file's size.
 *
 * Handled: 12- and 14-byte headers (header CRC checked when non-zero), definition and data
 * messages in little- and big-endian architecture, compressed timestamp headers (a 5-bit offset
 * rolling over the last full timestamp), the accumulated 12-bit distance in record field 8
 * (compressed_speed_distance), developer fields (skipped, their declared sizes honoured), chained
 * files (several header+data+CRC blocks back to back), and the file CRC of each block, computed
 * while streaming. Any inconsistency is NF_EPARSE with "FILE: byte OFFSET: message".
 *
 * Decoded: file_id.type, sport.sport, session totals and averages (the first running session),
 * and every record (timestamp, position, distance, speed, heart rate, cadence, temperature) as
 * the fallback for what the session lacks. FIT running cadence counts strides per minute (one
 * foot); numbfoot's cadence is steps per minute, so it is doubled, fractional part included.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_priv.h"

#define FIT_EPOCH 631065600 /* 1989-12-31T00:00:00Z in Unix seconds */
#define FIT_LOCAL_TYPES 16
#define FIT_FIELDS_MAX 255  /* a definition's field count is one byte: this is the cap */
#define FIT_FIELD_SIZE_MAX 255

enum { MESG_FILE_ID = 0, MESG_SPORT = 12, MESG_SESSION = 18, MESG_RECORD = 20 };
enum { FILE_ACTIVITY = 4 };
enum { SPORT_GENERIC = 0, SPORT_RUNNING = 1 };

typedef struct fit_fielddef {
	uint8_t num, size, base;
} fit_fielddef;

typedef struct fit_def {
	bool defined;
	bool big;               /* architecture 1: multi-byte values big-endian */
	uint16_t global;
	uint8_t nfields;
	uint32_t devsize;       /* total bytes of developer fields, skipped */
	fit_fielddef f[FIT_FIELDS_MAX];
} fit_def;

/* The session fields a run needs; NaN or -1 when the message lacks them. */
typedef struct fit_session {
	int sport;              /* -1 if absent */
	double start, elapsed, timer, dist, hr, cad, cad_frac, temp, step_m;
} fit_session;

typedef struct fit_state {
	imp_src *s;
	nf_error *err;
	const unsigned char *p; /* the unread rest of the current chunk */
	size_t avail;
	uint64_t off;           /* offset of the next byte in the whole input */
	uint64_t limit;         /* end of the current block's data section */
	uint16_t crc;
	fit_def defs[FIT_LOCAL_TYPES];
	uint32_t last_ts;
	bool have_ts;
	uint32_t acc_dist;      /* compressed distance accumulated, 1/16 m */
	bool have_acc;
	/* across all chained blocks */
	int file_types_seen;    /* file_id messages */
	int first_file_type;
	bool activity;
	int sport_mesg;         /* sport.sport, -1 if none */
	int sessions;
	int first_other_sport;  /* the first non-running session's sport, -1 if none */
	bool have_run;
	fit_session run;        /* the first running (or generic) session */
	bool run_generic;       /* ... and it was generic, to be replaced by a running one */
	imp_track tr;
} fit_state;

static const uint16_t crc_table[16] = {
	0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
	0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
};

/* The FIT protocol's CRC-16, one byte at a time, as Garmin's SDK computes it. */
static uint16_t crc_byte(uint16_t crc, uint8_t b)
{
	uint16_t tmp = crc_table[crc & 0xF];
	crc = (crc >> 4) & 0x0FFF;
	crc = crc ^ tmp ^ crc_table[b & 0xF];
	tmp = crc_table[crc & 0xF];
	crc = (crc >> 4) & 0x0FFF;
	return crc ^ tmp ^ crc_table[(b >> 4) & 0xF];
}

static nf_err fail(fit_state *f, uint64_t at, nf_err code, const char *what)
{
	return nf_error_set(f->err, code, "%s: byte %llu: %s", f->s->name, (unsigned long long)at,
			    what);
}

/* Makes bytes available; returns NF_OK with f->avail == 0 only at the end of the input. */
static nf_err refill(fit_state *f)
{
	if (f->avail > 0)
		return NF_OK;
	f->avail = imp_src_next(f->s, &f->p, IMP_CHUNK);
	if (f->avail == 0)
		return imp_src_error(f->s, f->err);
	return NF_OK;
}

/* Copies the next n bytes to out (NULL to skip them), adding them to the CRC. Running past
 * f->limit or the end of the input is NF_EPARSE at the offset where the read began. */
static nf_err take(fit_state *f, uint8_t *out, size_t n, const char *what)
{
	uint64_t at = f->off;
	nf_err rc;

	if (f->off + n > f->limit) {
		char msg[160];
		snprintf(msg, sizeof msg, "%s runs past the end of the data at byte %llu", what,
			 (unsigned long long)f->limit);
		return fail(f, at, NF_EPARSE, msg);
	}
	while (n > 0) {
		if ((rc = refill(f)) != NF_OK)
			return rc;
		if (f->avail == 0) {
			char msg[160];
			snprintf(msg, sizeof msg, "unexpected end of file in %s", what);
			return fail(f, f->off, NF_EPARSE, msg);
		}
		size_t k = n < f->avail ? n : f->avail;
		for (size_t i = 0; i < k; i++)
			f->crc = crc_byte(f->crc, f->p[i]);
		if (out) {
			memcpy(out, f->p, k);
			out += k;
		}
		f->p += k;
		f->avail -= k;
		f->off += k;
		n -= k;
	}
	return NF_OK;
}

static uint64_t get_uint(const uint8_t *b, size_t size, bool big)
{
	uint64_t v = 0;
	for (size_t i = 0; i < size; i++)
		v |= (uint64_t)b[big ? size - 1 - i : i] << (8 * i);
	return v;
}

/* Base type number -> size in bytes, or 0 for an unknown type. */
static size_t base_size(uint8_t base)
{
	static const uint8_t sizes[17] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};
	uint8_t n = base & 0x1F;
	return n < 17 ? sizes[n] : 0;
}

/* The first value of a numeric field as a double; false if the field holds its type's invalid
 * value, is too short for its type, or is a string. */
static bool field_value(const fit_fielddef *fd, bool big, const uint8_t *b, double *out)
{
	uint8_t t = fd->base & 0x1F;
	size_t sz = base_size(fd->base);
	if (sz == 0 || fd->size < sz || t == 7)
		return false;
	uint64_t u = get_uint(b, sz, big);
	uint64_t ones = sz == 8 ? UINT64_MAX : ((uint64_t)1 << (8 * sz)) - 1;
	switch (t) {
	case 1: case 3: case 5: case 14: { /* signed: invalid is the largest positive value */
		if (u == ones >> 1)
			return false;
		int64_t sv = sz == 8 ? (int64_t)u : (int64_t)(u << (64 - 8 * sz)) >> (64 - 8 * sz);
		*out = (double)sv;
		return true;
	}
	case 8: { /* float32 */
		if (u == ones)
			return false;
		float fl;
		uint32_t u32 = (uint32_t)u;
		memcpy(&fl, &u32, sizeof fl);
		*out = fl;
		return isfinite(fl);
	}
	case 9: {
		if (u == ones)
			return false;
		double d;
		memcpy(&d, &u, sizeof d);
		*out = d;
		return isfinite(d);
	}
	case 10: case 11: case 12: case 16: /* the z types: zero is invalid */
		if (u == 0)
			return false;
		*out = (double)u;
		return true;
	default: /* enum, unsigned, byte: all ones is invalid */
		if (u == ones)
			return false;
		*out = (double)u;
		return true;
	}
}

static void session_init(fit_session *ss)
{
	ss->sport = -1;
	ss->start = ss->elapsed = ss->timer = ss->dist = NAN;
	ss->hr = ss->cad = ss->cad_frac = ss->temp = ss->step_m = NAN;
}

static const char *sport_name(int sport, char *buf, size_t cap)
{
	static const char *const names[] = {
		"generic", "running", "cycling", "transition", "fitness_equipment", "swimming",
		"basketball", "soccer", "tennis", "american_football", "training", "walking",
		"cross_country_skiing", "alpine_skiing", "snowboarding", "rowing", "mountaineering",
		"hiking", "multisport", "paddling", "flying", "e_biking", "motorcycling", "boating",
		"driving", "golf", "hang_gliding", "horseback_riding", "hunting", "fishing",
		"inline_skating", "rock_climbing", "sailing", "ice_skating", "sky_diving",
		"snowshoeing", "snowmobiling", "stand_up_paddleboarding", "surfing", "wakeboarding",
		"water_skiing", "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical",
		"jumpmaster", "boxing", "floor_climbing",
	};
	if (sport >= 0 && (size_t)sport < sizeof names / sizeof names[0])
		return names[sport];
	snprintf(buf, cap, "sport %d", sport);
	return buf;
}

/* Reads one data message of definition d, whose header was at byte at, with timestamp ts (a
 * compressed header's, or -1 to take the message's own field 253). */
static nf_err read_data(fit_state *f, const fit_def *d, uint64_t at, int64_t ts)
{
	uint8_t b[FIT_FIELD_SIZE_MAX];
	fit_session ss;
	imp_point pt;
	nf_err rc;
	double v, frac = NAN, cad = NAN;

	session_init(&ss);
	imp_point_init(&pt);
	for (unsigned i = 0; i < d->nfields; i++) {
		const fit_fielddef *fd = &d->f[i];
		if ((rc = take(f, b, fd->size, "a data message")) != NF_OK)
			return rc;
		if (fd->num == 253) {
			if (field_value(fd, d->big, b, &v)) {
				f->last_ts = (uint32_t)v;
				f->have_ts = true;
				ts = (int64_t)v;
			}
			continue;
		}
		if (!field_value(fd, d->big, b, &v) && !(d->global == MESG_RECORD && fd->num == 8))
			continue;
		switch (d->global) {
		case MESG_FILE_ID:
			if (fd->num == 0) {
				if (f->file_types_seen++ == 0)
					f->first_file_type = (int)v;
				if ((int)v == FILE_ACTIVITY)
					f->activity = true;
			}
			break;
		case MESG_SPORT:
			if (fd->num == 0 && f->sport_mesg < 0)
				f->sport_mesg = (int)v;
			break;
		case MESG_SESSION:
			switch (fd->num) {
			case 2: ss.start = v + FIT_EPOCH; break;
			case 5: ss.sport = (int)v; break;
			case 7: ss.elapsed = v / 1000; break;
			case 8: ss.timer = v / 1000; break;
			case 9: ss.dist = v / 100; break;
			case 16: ss.hr = v; break;
			case 18: ss.cad = v; break;
			case 57: ss.temp = v; break;
			case 92: ss.cad_frac = v / 128; break;
			case 134: ss.step_m = v / 10000; break; /* mm with scale 10 */
			default: break;
			}
			break;
		case MESG_RECORD:
			switch (fd->num) {
			case 0: pt.lat = v * (180.0 / 2147483648.0); break;
			case 1: pt.lon = v * (180.0 / 2147483648.0); break;
			case 3: pt.hr = v; break;
			case 4: cad = v; break;
			case 5: pt.dist = v / 100; break;
			case 6: if (isnan(pt.speed)) pt.speed = v / 1000; break;
			case 73: pt.speed = v / 1000; break; /* enhanced_speed wins over speed */
			case 13: pt.temp = v; break;
			case 53: frac = v / 128; break;
			case 8: /* compressed_speed_distance: 12 bits of speed (1/100 m/s), then 12
				 * bits of distance (1/16 m) that accumulate, rolling over at 4096 */
				if (fd->size < 3 || (b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF))
					break;
				pt.speed = (b[0] | (b[1] & 0x0F) << 8) / 100.0;
				{
					uint32_t raw = (uint32_t)(b[1] >> 4) | (uint32_t)b[2] << 4;
					if (!f->have_acc) {
						f->acc_dist = raw;
						f->have_acc = true;
					} else {
						f->acc_dist += (raw - f->acc_dist) & 0xFFF;
					}
					pt.dist = f->acc_dist / 16.0;
				}
				break;
			default: break;
			}
			break;
		default:
			break;
		}
	}
	if (d->devsize > 0 && (rc = take(f, NULL, d->devsize, "developer fields")) != NF_OK)
		return rc;
	(void)at;
	if (d->global == MESG_RECORD) {
		if (ts >= 0)
			pt.t = (double)ts + FIT_EPOCH;
		if (!isnan(cad))
			pt.cad = 2 * (cad + (isnan(frac) ? 0 : frac));
		imp_track_add(&f->tr, &pt);
	} else if (d->global == MESG_SESSION) {
		f->sessions++;
		bool running = ss.sport == SPORT_RUNNING;
		bool unsaid = ss.sport < 0 || ss.sport == SPORT_GENERIC;
		if (!running && !unsaid && f->first_other_sport < 0)
			f->first_other_sport = ss.sport;
		if ((running && (!f->have_run || f->run_generic)) || (unsaid && !f->have_run)) {
			f->run = ss;
			f->have_run = true;
			f->run_generic = unsaid;
		}
	}
	return NF_OK;
}

static nf_err read_definition(fit_state *f, uint8_t hdr, uint64_t at)
{
	uint8_t b[5], fb[3];
	fit_def *d = &f->defs[hdr & 0x0F];
	nf_err rc;

	d->defined = false;
	if ((rc = take(f, b, 5, "a definition message")) != NF_OK)
		return rc;
	if (b[1] > 1)
		return fail(f, at, NF_EPARSE, "definition with an architecture byte other than 0 or 1");
	d->big = b[1] == 1;
	d->global = (uint16_t)get_uint(b + 2, 2, d->big);
	d->nfields = b[4];
	d->devsize = 0;
	for (unsigned i = 0; i < d->nfields; i++) {
		if ((rc = take(f, fb, 3, "a field definition")) != NF_OK)
			return rc;
		d->f[i].num = fb[0];
		d->f[i].size = fb[1];
		d->f[i].base = fb[2];
		if (base_size(fb[2]) == 0)
			return fail(f, at, NF_EPARSE, "field definition with an unknown base type");
		if (fb[1] == 0)
			return fail(f, at, NF_EPARSE, "field definition with size 0");
	}
	if (hdr & 0x20) {
		uint8_t ndev;
		if ((rc = take(f, &ndev, 1, "a definition message")) != NF_OK)
			return rc;
		for (unsigned i = 0; i < ndev; i++) {
			if ((rc = take(f, fb, 3, "a developer field definition")) != NF_OK)
				return rc;
			d->devsize += fb[1];
		}
	}
	d->defined = true;
	return NF_OK;
}

/* Reads one header + data + CRC block starting at f->off. */
static nf_err read_block(fit_state *f)
{
	uint8_t h[255];
	uint64_t start = f->off;
	nf_err rc;

	f->crc = 0;
	f->limit = UINT64_MAX;
	for (int i = 0; i < FIT_LOCAL_TYPES; i++)
		f->defs[i].defined = false;
	f->have_ts = false;
	f->have_acc = false;
	if ((rc = take(f, h, 1, "the file header")) != NF_OK)
		return rc;
	if (h[0] < 12)
		return fail(f, start, NF_EPARSE, "file header shorter than 12 bytes");
	if ((rc = take(f, h + 1, h[0] - 1u, "the file header")) != NF_OK)
		return rc;
	if (memcmp(h + 8, ".FIT", 4) != 0)
		return fail(f, start, NF_EPARSE, "no \".FIT\" signature in the file header");
	if (h[0] >= 14) {
		uint16_t want = (uint16_t)get_uint(h + 12, 2, false);
		uint16_t crc = 0;
		for (int i = 0; i < 12; i++)
			crc = crc_byte(crc, h[i]);
		if (want != 0 && want != crc)
			return fail(f, start + 12, NF_EPARSE, "file header CRC mismatch");
	}
	uint32_t data_size = (uint32_t)get_uint(h + 4, 4, false);
	f->limit = f->off + data_size;
	while (f->off < f->limit) {
		uint64_t at = f->off;
		uint8_t hdr;
		if ((rc = take(f, &hdr, 1, "a record header")) != NF_OK)
			return rc;
		if (hdr & 0x80) {
			/* Compressed timestamp header: local type in bits 5-6, a 5-bit offset. */
			const fit_def *d = &f->defs[(hdr >> 5) & 0x03];
			uint32_t off5 = hdr & 0x1F;
			int64_t ts = -1;
			if (!d->defined)
				return fail(f, at, NF_EPARSE, "data message of an undefined local type");
			if (f->have_ts) {
				uint32_t t = (f->last_ts & ~0x1Fu) + off5;
				if (off5 < (f->last_ts & 0x1F))
					t += 0x20;
				f->last_ts = t;
				ts = t;
			}
			if ((rc = read_data(f, d, at, ts)) != NF_OK)
				return rc;
		} else if (hdr & 0x40) {
			if ((rc = read_definition(f, hdr, at)) != NF_OK)
				return rc;
		} else {
			const fit_def *d = &f->defs[hdr & 0x0F];
			if (!d->defined)
				return fail(f, at, NF_EPARSE, "data message of an undefined local type");
			if ((rc = read_data(f, d, at, -1)) != NF_OK)
				return rc;
		}
	}
	/* The file CRC: the CRC of everything before it. */
	uint16_t crc = f->crc;
	uint8_t c[2];
	f->limit = UINT64_MAX;
	uint64_t at = f->off;
	if ((rc = take(f, c, 2, "the file CRC")) != NF_OK)
		return rc;
	if ((uint16_t)get_uint(c, 2, false) != crc) {
		char msg[80];
		snprintf(msg, sizeof msg, "file CRC mismatch (stored 0x%04x, computed 0x%04x)",
			 (unsigned)get_uint(c, 2, false), (unsigned)crc);
		return fail(f, at, NF_EPARSE, msg);
	}
	return NF_OK;
}

static void fill_from_session(const fit_session *ss, nf_run_record *run)
{
	if (!isnan(ss->start))
		run->start_time = (int64_t)ss->start;
	run->distance_m = ss->dist;
	run->moving_s = ss->timer;
	run->elapsed_s = ss->elapsed;
	run->heart_rate_bpm = ss->hr;
	run->temperature_c = ss->temp;
	run->stride_m = ss->step_m;
	if (!isnan(ss->cad))
		run->cadence_spm = 2 * (ss->cad + (isnan(ss->cad_frac) ? 0 : ss->cad_frac));
}

nf_err imp_fit_read(imp_src *s, nf_run_record *run, nf_error *err)
{
	fit_state *f;
	nf_err rc;
	char buf[32];

	/* Heap, not stack: the definitions take 16 * 770 bytes. */
	f = calloc(1, sizeof *f);
	if (!f)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	f->s = s;
	f->err = err;
	f->sport_mesg = -1;
	f->first_other_sport = -1;
	f->first_file_type = -1;
	imp_track_init(&f->tr, s);
	/* Chained files: blocks back to back until the input ends. */
	do {
		if ((rc = read_block(f)) != NF_OK)
			goto out_free;
		if ((rc = refill(f)) != NF_OK)
			goto out_free;
	} while (f->avail > 0);

	if (f->file_types_seen > 0 && !f->activity) {
		rc = nf_error_set(err, NF_ESKIP, "%s: not an activity: FIT file type %d", s->name,
				  f->first_file_type);
		goto out_free;
	}
	if (f->have_run) {
		fill_from_session(&f->run, run);
		if (f->run.sport == SPORT_RUNNING)
			snprintf(run->sport, sizeof run->sport, "running");
		else if (f->run.sport == SPORT_GENERIC)
			snprintf(run->sport, sizeof run->sport, "generic");
	} else if (f->first_other_sport >= 0) {
		rc = nf_error_set(err, NF_ESKIP, "%s: not a run: %s", s->name,
				  sport_name(f->first_other_sport, buf, sizeof buf));
		goto out_free;
	} else if (f->sport_mesg >= 0 && f->sport_mesg != SPORT_RUNNING &&
		   f->sport_mesg != SPORT_GENERIC) {
		rc = nf_error_set(err, NF_ESKIP, "%s: not a run: %s", s->name,
				  sport_name(f->sport_mesg, buf, sizeof buf));
		goto out_free;
	} else if (f->tr.n == 0) {
		rc = nf_error_set(err, NF_ESKIP, "%s: no session and no records: not a recorded run",
				  s->name);
		goto out_free;
	}
	if (!f->have_run && f->sport_mesg == SPORT_RUNNING)
		snprintf(run->sport, sizeof run->sport, "running");
	imp_track_finish(&f->tr, run);
	rc = NF_OK;
out_free:
	free(f);
	return rc;
}
