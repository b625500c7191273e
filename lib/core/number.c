/* Numbers as people type them: the one reader of the command line's numbers and distances, with
 * the page's rule (web/static/display.js, decimal()), so that both faces take the same text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "numbfoot/text.h"

nf_err nf_decimal_read(const char *text, double *out, const char **end, nf_error *err)
{
	/* strtod alone would take hexadecimal ("0x10" is 16), exponents, "inf", "nan" and leading
	 * spaces; the digits are copied with a point for the comma and only then converted, in a
	 * buffer long enough for any number in range (a longer one is refused, not cut). */
	char buf[64];
	size_t n = 0, before = 0, after = 0;
	const char *p = text ? text : "";
	char sep = 0;
	if (end)
		*end = text;
	if (*p == '+' || *p == '-')
		buf[n++] = *p++;
	for (; isdigit((unsigned char)*p) || ((*p == '.' || *p == ',') && !sep); p++) {
		if (n + 2 > sizeof buf) {
			if (end)
				*end = p;
			return nf_error_set(err, NF_EPARSE, "'%.40s' has too many digits", text);
		}
		if (*p == '.' || *p == ',') {
			sep = *p;
			buf[n++] = '.';
		} else {
			buf[n++] = *p;
			*(sep ? &after : &before) += 1;
		}
	}
	buf[n] = '\0';
	if (!before && !after)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a number", text ? text : "");
	if (end)
		*end = p;
	/* "1,500": a thousands separator in English, a decimal comma elsewhere; the page refuses it
	 * too rather than guess. */
	if (sep == ',' && before >= 1 && before <= 3 && after == 3)
		return nf_error_set(err, NF_EPARSE,
				    "'%.40s' could be a thousands separator or a decimal comma: write it "
				    "without the comma, or with a decimal point",
				    text);
	*out = strtod(buf, NULL);
	return NF_OK;
}
