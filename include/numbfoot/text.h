/* numbfoot: text and numbers as people type them, shared by every face (command line, web API,
 * journal), so that what one face takes the others take too. */
#ifndef NUMBFOOT_TEXT_H
#define NUMBFOOT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "numbfoot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The length of the valid UTF-8 sequence at p (its first byte 0x80 or above) that ends by end,
 * or 0 when there is none there: a stray continuation byte, an overlong form, a surrogate, a code
 * point past U+10FFFF or a sequence cut short. */
NF_API size_t nf_utf8_len(const unsigned char *p, const unsigned char *end);

/* As nf_utf8_len, for any first byte (ASCII is 1), with the code point in *cp: the one decoder
 * for callers outside the library that look at characters (the terminal's escaping). */
NF_API size_t nf_utf8_decode(const unsigned char *p, const unsigned char *end, unsigned *cp);

/* True for a character that shows nothing and yet changes what is seen: a zero-width space, a
 * joiner, a direction mark or override (U+202E turns the rest of a line around), a soft hyphen, a
 * byte-order mark. 'a', U+200B, 'b' prints as "ab" and cannot be typed back. */
NF_API bool nf_char_invisible(unsigned c);

/* s past a UTF-8 byte-order mark at its start (EF BB BF, which some editors write before the
 * text and which is no part of JSON), else s itself. */
NF_API const char *nf_text_past_bom(const char *s);

/* True when the NUL-terminated s is valid UTF-8; else false with *bad_at (if not NULL) the offset
 * of the first byte that is not, counted from 1 as the messages give it ("at byte 2"). */
NF_API bool nf_utf8_valid(const char *s, size_t *bad_at);

/* A copy of s with each byte that does not begin a valid UTF-8 sequence replaced by U+FFFD, for
 * writing as JSON (which holds only UTF-8) text that may not be: a journal an older version
 * stored such bytes in, a file name. The caller frees it with free(); NULL when out of memory. */
NF_API char *nf_utf8_repair(const char *s);

/* Reads a decimal number at the start of text, as the page reads its number fields: an optional
 * sign, then digits with at most one decimal point or decimal comma ("12.5", "12,5", ".5"). No
 * exponent, hexadecimal, infinity or NaN, and no space before it. On NF_OK *out gets the value
 * and *end (if not NULL) the first byte after the number. NF_EPARSE (err naming the text) when no
 * number starts there (*end is then text), and when one does but is refused (*end is then past
 * it): "1,500", whose comma could be a thousands separator as well as a decimal comma, or more
 * digits than any number in range has. */
NF_API nf_err nf_decimal_read(const char *text, double *out, const char **end, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
