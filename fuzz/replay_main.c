/* A plain main() for a libFuzzer target: feeds it every file named on the command line, so the
 * committed seed corpus runs in the ordinary test suite (and under the sanitizer build) without
 * libFuzzer. Exits non-zero if a file cannot be read; a crash in the target fails the test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int main(int argc, char **argv);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t cap = 1 << 16, len = 0;
		uint8_t *buf = malloc(cap);
		size_t n;
		while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
			len += n;
			if (len == cap) {
				uint8_t *nb = realloc(buf, cap *= 2);
				if (!nb) {
					free(buf);
					buf = NULL;
				} else {
					buf = nb;
				}
			}
		}
		fclose(f);
		if (!buf) {
			fputs("replay: out of memory\n", stderr);
			return 1;
		}
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	return 0;
}
