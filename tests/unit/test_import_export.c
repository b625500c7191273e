/* Unit tests of bulk exports (lib/import/export.c): a zip whose activities.csv names a file the
 * zip lacks reports that row, at the CSV's line, after the files it has (a folder's export
 * reports its missing file; the zip said nothing and "imported 1 run" read as the whole export). */
#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include "test_import_util.h"

/* Writes a zip at path holding the n entries (name, bytes, length). */
static void write_zip(const char *path, const char *const *names, const unsigned char *const *data,
		      const size_t *len, size_t n)
{
	struct archive *a = archive_write_new();
	assert_non_null(a);
	assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)len[i]);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_int_equal(archive_write_data(a, data[i], len[i]), (la_ssize_t)len[i]);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

static void test_zip_missing_file(void **state)
{
	(void)state;
	size_t glen;
	unsigned char *gpx = fixture_read("../cli/data/journal/run.gpx", &glen);
	/* Row 3 names a file the zip lacks; row 4 a file the zip holds after the CSV; row 2's file
	 * comes before the CSV in the archive. */
	const char *csv = "Activity ID,Activity Date,Activity Type,Filename,Activity Gear\n"
			  "1,\"Apr 1, 2025\",Run,activities/1.gpx,Kinvara\n"
			  "2,\"Apr 2, 2025\",Run,activities/2.gpx,Kinvara\n"
			  "3,\"Apr 3, 2025\",Run,activities/3.gpx,Ghost\n";
	const char *names[] = {"export_9/activities/1.gpx", "export_9/activities.csv", "export_9/activities/3.gpx"};
	const unsigned char *data[] = {gpx, (const unsigned char *)csv, gpx};
	size_t len[] = {glen, strlen(csv), glen};
	char path[] = "/tmp/nf-export-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_zip(path, names, data, len, 3);

	nf_export *x = NULL;
	nf_export_item item;
	nf_import *im = NULL;
	nf_error err, entry_err;
	assert_int_equal(nf_export_open(path, &x, &err), NF_OK);
	/* Two activity files and the row naming none: all three are reported. */
	assert_int_equal(nf_export_size_hint(x), 3);
	const char *base = strrchr(path, '/') + 1;
	char want[256];
	for (int k = 0; k < 2; k++) {
		assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_OK);
		assert_non_null(im); /* the file is read; the run may be refused later by the journal */
		nf_import_free(im);
	}
	assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_OK);
	assert_null(im);
	assert_int_equal(entry_err.code, NF_ENOTFOUND);
	snprintf(want, sizeof want, "%s:export_9/activities.csv:3: activities/2.gpx is not in the zip", base);
	assert_string_equal(entry_err.msg, want);
	snprintf(want, sizeof want, "%s:activities/2.gpx", base);
	assert_string_equal(item.name, want);
	assert_string_equal(item.gear, "Kinvara");
	assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_ENOTFOUND);
	/* And stays at the end. */
	assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_ENOTFOUND);
	nf_export_close(x);
	unlink(path);
	free(gpx);
}

/* Every file the CSV names is there: nothing more than the files. */
static void test_zip_complete(void **state)
{
	(void)state;
	size_t glen;
	unsigned char *gpx = fixture_read("../cli/data/journal/run.gpx", &glen);
	const char *csv = "Activity ID,Activity Type,Filename\n1,Run,activities/1.gpx\n";
	const char *names[] = {"activities.csv", "activities/1.gpx"};
	const unsigned char *data[] = {(const unsigned char *)csv, gpx};
	size_t len[] = {strlen(csv), glen};
	char path[] = "/tmp/nf-export-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_zip(path, names, data, len, 2);
	nf_export *x = NULL;
	nf_export_item item;
	nf_import *im = NULL;
	nf_error err, entry_err;
	assert_int_equal(nf_export_open(path, &x, &err), NF_OK);
	assert_int_equal(nf_export_size_hint(x), 1);
	assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_OK);
	assert_non_null(im);
	nf_import_free(im);
	assert_int_equal(nf_export_next(x, NULL, &item, &im, &entry_err, &err), NF_ENOTFOUND);
	nf_export_close(x);
	unlink(path);
	free(gpx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zip_missing_file),
		cmocka_unit_test(test_zip_complete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
