/* Prints what numbfoot's importers make of each file named on the command line, one JSON object
 * per line: the run record, or the error. Used by tests/import/run.sh (against Garmin's FIT SDK)
 * and by bench/import.sh. Exits 0 when every file gave NF_OK or NF_ESKIP. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numbfoot/import.h"

int main(int argc, char **argv);

static void num(const char *key, double v)
{
	if (isnan(v))
		printf(",\"%s\":null", key);
	else
		printf(",\"%s\":%.6f", key, v);
}

/* The strings printed come from the record or a message; escape what JSON needs. */
static void str(const char *key, const char *s)
{
	printf(",\"%s\":\"", key);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++) {
		nf_run_record r;
		nf_error e;
		nf_err rc = nf_import_file(argv[i], &r, &e);
		printf("{\"path\":\"%s\",\"rc\":%d", argv[i], (int)rc);
		if (rc != NF_OK) {
			str("error", e.msg);
			printf("}\n");
			bad |= rc != NF_ESKIP;
			continue;
		}
		printf(",\"start_time\":%lld", (long long)r.start_time);
		num("distance_m", r.distance_m);
		num("moving_s", r.moving_s);
		num("elapsed_s", r.elapsed_s);
		num("cadence_spm", r.cadence_spm);
		num("stride_m", r.stride_m);
		num("temperature_c", r.temperature_c);
		num("heart_rate_bpm", r.heart_rate_bpm);
		printf(",\"records\":%lld", (long long)r.records);
		str("sport", r.sport);
		str("source_file", r.source_file);
		str("source_sha256", r.source_sha256);
		printf("}\n");
	}
	return bad;
}
