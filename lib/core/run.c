#include <math.h>
#include <string.h>

#include "numbfoot/run.h"

void nf_run_record_init(nf_run_record *r)
{
	memset(r, 0, sizeof *r);
	r->start_time = -1;
	r->distance_m = NAN;
	r->moving_s = NAN;
	r->elapsed_s = NAN;
	r->cadence_spm = NAN;
	r->stride_m = NAN;
	r->temperature_c = NAN;
	r->heart_rate_bpm = NAN;
	r->records = 0;
}
