/* Unit tests of the bytes under the readers (lib/import/source.c): gzip recognised by content,
 * concatenated members read as one stream, the same run from plain and compressed bytes,
 * corrupt and truncated gzip named with a byte, and a decompression bomb refused. */
#include <zlib.h>

#include "test_import_util.h"

/* gzip of len bytes at in into a new buffer (*outlen), level 9. */
static unsigned char *gz(const void *in, size_t len, size_t *outlen)
{
	z_stream z = {0};
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, (uLong)len) + 64;
	unsigned char *out = malloc(cap);
	assert_non_null(out);
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*outlen = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

static void test_gzip_same_run(void **state)
{
	size_t len, zlen;
	unsigned char *plain = fixture_read("fit/garmin-fenix-5-run.fit", &len);
	unsigned char *z = gz(plain, len, &zlen);
	nf_run_record a, b;
	nf_error err;
	assert_int_equal(nf_import_buffer(plain, len, "run.fit", &a, &err), NF_OK);
	/* The name says .gpx: the first bytes say gzip, and inside them FIT. */
	assert_int_equal(nf_import_buffer(z, zlen, "run.gpx", &b, &err), NF_OK);
	assert_string_equal(a.source_sha256, b.source_sha256);
	assert_int_equal(a.records, b.records);
	assert_near(a.distance_m, b.distance_m, 0);
	assert_string_equal(b.source_file, "run.gpx");
	free(z);
	free(plain);
}

/* Two gzip members back to back are one file, as gzip -d reads them. */
static void test_gzip_members(void **state)
{
	size_t len, z1len, z2len;
	unsigned char *plain = fixture_read("tcx/test.tcx", &len);
	unsigned char *z1 = gz(plain, len / 2, &z1len);
	unsigned char *z2 = gz(plain + len / 2, len - len / 2, &z2len);
	unsigned char *both = malloc(z1len + z2len);
	assert_non_null(both);
	memcpy(both, z1, z1len);
	memcpy(both + z1len, z2, z2len);
	nf_run_record a, b;
	nf_error err;
	assert_int_equal(nf_import_buffer(plain, len, "t.tcx", &a, &err), NF_OK);
	assert_int_equal(nf_import_buffer(both, z1len + z2len, "t.tcx.gz", &b, &err), NF_OK);
	assert_string_equal(a.source_sha256, b.source_sha256);
	assert_int_equal(a.records, b.records);

	/* Cut inside the second member: an error naming the compressed byte, nothing kept. */
	assert_int_equal(nf_import_buffer(both, z1len + z2len / 2, "cut.tcx.gz", &b, &err), NF_EPARSE);
	assert_contains(err.msg, "cut.tcx.gz: compressed byte ");
	assert_contains(err.msg, "compressed data ends early");
	/* A flipped byte in the deflate data is corrupt data (or a CRC error), never a run. */
	both[z1len / 2] ^= 0x55;
	assert_int_not_equal(nf_import_buffer(both, z1len + z2len, "bad.tcx.gz", &b, &err), NF_OK);
	assert_contains(err.msg, "bad.tcx.gz");
	free(both);
	free(z2);
	free(z1);
	free(plain);
}

/* A FIT file of 64 MiB: one definition of a 255-byte field, then data messages of zeros, which
 * compress about a thousandfold. Refused once the output passes 200 times the input, long before
 * 64 MiB are read. */
static void test_gzip_bomb(void **state)
{
	const size_t big = 64u << 20;
	unsigned char *doc = calloc(1, big);
	assert_non_null(doc);
	const unsigned char head[] = {14, 0x20, 0x08, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0,
				      0x40, 0, 0, 0x00, 0xFF, 1, 1, 255, 0x0D};
	memcpy(doc, head, sizeof head);
	unsigned size = (unsigned)(big - 14 - 2);
	for (int i = 0; i < 4; i++)
		doc[4 + i] = (unsigned char)(size >> (8 * i));
	size_t zlen;
	unsigned char *z = gz(doc, big, &zlen);
	free(doc);
	nf_run_record run;
	nf_error err;
	assert_int_equal(nf_import_buffer(z, zlen, "bomb.fit.gz", &run, &err), NF_ELIMIT);
	assert_contains(err.msg, "bomb.fit.gz: expands more than 200 times");
	assert_contains(err.msg, "decompression bomb");
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gzip_same_run),
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_gzip_bomb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
