/* Writes the knowledge base's compiled image (lib/kb/image.c) at build time: loads the JSON with
 * the library, exactly as `numbfoot --kb` would, and writes the image the command carries.
 * Usage: kb_image VOCAB KB OUT   (mk/kbimage.mk runs it) */
#include <stdio.h>
#include <stdlib.h>

#include "kb/kb_impl.h"
#include "numbfoot/kb.h"

int main(int argc, char **argv);

int main(int argc, char **argv)
{
	nf_kb *kb;
	nf_error err;
	void *img;
	size_t size;
	if (argc != 4) {
		fprintf(stderr, "usage: kb_image VOCAB KB OUT\n");
		return 2;
	}
	if (nf_kb_load_files(argv[1], argv[2], &kb, &err) != NF_OK) {
		fprintf(stderr, "kb_image: %s\n", err.msg);
		return 1;
	}
	if (kb_image_write(kb, &img, &size, &err) != NF_OK) {
		fprintf(stderr, "kb_image: %s\n", err.msg);
		nf_kb_free(kb);
		return 1;
	}
	nf_kb_free(kb);
	FILE *f = fopen(argv[3], "wb");
	int rc = 0;
	if (!f || fwrite(img, 1, size, f) != size) {
		perror(argv[3]);
		rc = 1;
	}
	if (f && fclose(f) != 0 && !rc) {
		perror(argv[3]);
		rc = 1;
	}
	if (rc)
		remove(argv[3]);
	free(img);
	return rc;
}
