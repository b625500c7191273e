/* libFuzzer target for the bulk-export reader: any bytes as a zip (through a memory file, so
 * that libarchive reads them as it reads an export on disk), every activity in it imported,
 * and the same bytes as Strava's activities.csv. Must end in NF_OK or a clean error, never a
 * crash, a leak or undefined behaviour. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import/export_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nf_error err, entry_err;
	imp_csv csv = {0};
	(void)imp_csv_parse(&csv, (const char *)data, size, "fuzz.csv", &err);
	imp_csv_release(&csv);

	int fd = memfd_create("fuzz.zip", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		char path[64];
		nf_export *x = NULL;
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		if (nf_export_open(path, &x, &err) == NF_OK) {
			nf_export_item item;
			nf_import *im = NULL;
			/* Every entry, a bounded number of times: a corrupt archive may repeat. */
			for (int k = 0; k < 256 && nf_export_next(x, NULL, &item, &im, &entry_err, &err) == NF_OK; k++)
				nf_import_free(im);
			nf_export_close(x);
		}
	}
	close(fd);
	return 0;
}
