/* libFuzzer target for the FIT reader: any bytes through nf_import_buffer must end in NF_OK or a
 * clean error, never a crash, a leak or undefined behaviour. The name ends in .fit so that
 * input whose first bytes match no format still reaches the FIT reader. */
#include <stddef.h>
#include <stdint.h>

#include "numbfoot/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nf_run_record run;
	nf_error err;
	(void)nf_import_buffer(data, size, "fuzz.fit", &run, &err);
	return 0;
}
