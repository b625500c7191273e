/* libFuzzer target for the FIT reader: any bytes through nf_import_read_buffer, every activity
 * with its route, must end in NF_OK or a clean error, never a crash, a leak or undefined
 * behaviour. The name ends in .fit so that input whose first bytes match no format still reaches
 * the FIT reader. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, "fuzz.fit");
	return 0;
}
