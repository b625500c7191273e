/* libFuzzer target for the GPX reader: any bytes through nf_import_buffer must end in NF_OK or a
 * clean error, never a crash, a leak or undefined behaviour. The name ends in .gpx so that
 * input whose first bytes match no format still reaches the GPX reader. */
#include <stddef.h>
#include <stdint.h>

#include "numbfoot/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nf_error err;
	nf_import *im = NULL;
	nf_import_opts o;
	/* Every activity the file holds, with routes: the paths import takes. */
	nf_import_opts_init(&o);
	o.route = true;
	if (nf_import_read_buffer(data, size, "fuzz.gpx", &o, &im, &err) == NF_OK) {
		for (size_t i = 0; i < nf_import_count(im); i++) {
			size_t n;
			(void)nf_import_get(im, i);
			(void)nf_import_route(im, i, &n);
		}
		nf_import_free(im);
	}
	return 0;
}
