/* lib/core/utf8.c, number.c and text.c: the one UTF-8 checker, the one number reader of the
 * command line (the page's rule) and the small-file reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "numbfoot/text.h"

/* The decoder and the invisible characters that the terminal's escaping and the nickname rule
 * share. */
static void test_utf8_decode_and_invisible(void **state)
{
	(void)state;
	unsigned cp = 0;
	const unsigned char rlo[] = "\xe2\x80\xae", bad[] = "\xe2\x80", a[] = "a";
	assert_int_equal(nf_utf8_decode(rlo, rlo + 3, &cp), 3);
	assert_int_equal(cp, 0x202e);
	assert_true(nf_char_invisible(cp));
	assert_int_equal(nf_utf8_decode(bad, bad + 2, &cp), 0);
	assert_int_equal(nf_utf8_decode(a, a + 1, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_false(nf_char_invisible(cp));
	assert_false(nf_char_invisible(0xe9)); /* an accented letter shows */
	assert_true(nf_char_invisible(0x200b) && nf_char_invisible(0xfeff) && nf_char_invisible(0x2066));
	assert_string_equal(nf_text_past_bom("\xEF\xBB\xBF{}"), "{}");
	assert_string_equal(nf_text_past_bom("{}"), "{}");
	assert_string_equal(nf_text_past_bom("\xEF\xBB"), "\xEF\xBB");
}

static void test_utf8_valid(void **state)
{
	(void)state;
	size_t at = 0;
	assert_true(nf_utf8_valid("", &at));
	assert_true(nf_utf8_valid("plain", &at));
	assert_true(nf_utf8_valid("L\xc3\xb6" "ffler \xe2\x82\xac \xf0\x9f\x8f\x83", &at));
	static const struct {
		const char *s;
		size_t at;
	} bad[] = {
	    {"a\xff" "b", 2},         /* never in UTF-8 */
	    {"x\xc3", 2},             /* cut short at the end */
	    {"\xe2\x82", 1},          /* cut short */
	    {"\xc3(", 1},             /* a lead byte without its continuation */
	    {"ok\x80", 3},            /* a stray continuation byte */
	    {"\xc0\xaf", 1},          /* overlong '/' */
	    {"\xe0\x80\xaf", 1},      /* overlong, three bytes */
	    {"\xed\xa0\x80", 1},      /* a surrogate */
	    {"\xf4\x90\x80\x80", 1},  /* past U+10FFFF */
	    {"caf\xe9", 4},           /* Latin-1 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		at = 0;
		assert_false(nf_utf8_valid(bad[i].s, &at));
		assert_int_equal(at, bad[i].at);
	}
	nf_error err = {0};
	assert_int_equal(core_utf8_check("notes", "a\xff", &err), NF_EINVAL);
	assert_string_equal(err.msg, "notes: not valid UTF-8 at byte 2");
	assert_int_equal(core_utf8_check("notes", NULL, &err), NF_OK);
}

static void test_utf8_repair_and_copy(void **state)
{
	(void)state;
	char *s = nf_utf8_repair("a\xff" "b\xc3\xa9\xe2\x82");
	assert_non_null(s);
	assert_string_equal(s, "a\xef\xbf\xbd" "b\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd");
	assert_true(nf_utf8_valid(s, NULL));
	free(s);
	s = nf_utf8_repair("");
	assert_string_equal(s, "");
	free(s);
	char buf[5];
	core_utf8_copy(buf, sizeof buf, "ab\xe2\x82\xac"); /* the euro sign does not fit: left out whole */
	assert_string_equal(buf, "ab");
	core_utf8_copy(buf, sizeof buf, "abcd");
	assert_string_equal(buf, "abcd");
	core_utf8_copy(buf, sizeof buf, "abc\xc3\xa9");
	assert_string_equal(buf, "abc");
}

static void test_decimal_read(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		double v;
		size_t used;
	} good[] = {
	    {"12.5", 12.5, 4}, {"12,5", 12.5, 4}, {".5", 0.5, 2}, {",5", 0.5, 2}, {"12.", 12, 3},
	    {"-3", -3, 2},     {"+7", 7, 2},      {"10km", 10, 2}, {"0x10", 0, 1}, {"1e3", 1, 1},
	    {"1,5001", 1.5001, 6}, {"1.500", 1.5, 5}, {"800-900", 800, 3},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		double v = -1;
		const char *end = NULL;
		assert_int_equal(nf_decimal_read(good[i].s, &v, &end, NULL), NF_OK);
		assert_true(v == good[i].v);
		assert_int_equal(end - good[i].s, good[i].used);
	}
	static const char *const none[] = {"", "x", "inf", "nan", " 5", "-", "."};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		double v = -1;
		const char *end = NULL;
		nf_error err = {0};
		assert_int_equal(nf_decimal_read(none[i], &v, &end, &err), NF_EPARSE);
		assert_true(end == none[i]);
		assert_true(v == -1);
	}
	nf_error err = {0};
	const char *end;
	double v = -1;
	/* "1,500": thousands or a decimal comma; the page refuses it, and so does the terminal. */
	assert_int_equal(nf_decimal_read("1,500", &v, &end, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "'1,500' could be a thousands separator or a decimal comma"));
	assert_true(v == -1);
	char big[100];
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(nf_decimal_read(big, &v, &end, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "too many digits"));
}

static void test_read_folder(void **state)
{
	(void)state;
	char *text = NULL;
	nf_error err = {0};
	assert_int_equal(core_read_text_file("/tmp", 1024, &text, &err), NF_EINVAL);
	assert_string_equal(err.msg, "/tmp: is a folder, not a file");
	assert_null(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_decode_and_invisible),
		cmocka_unit_test(test_utf8_repair_and_copy),
		cmocka_unit_test(test_decimal_read),
		cmocka_unit_test(test_read_folder),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
