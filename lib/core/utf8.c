/* UTF-8: the one checker of the library, the journal and the web API's body reader. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "numbfoot/text.h"

size_t core_utf8_decode(const unsigned char *p, const unsigned char *end, unsigned *code)
{
	unsigned c = p[0], cp;
	size_t n;
	if (c < 0x80)
		return *code = c, 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	*code = cp;
	return n;
}

size_t nf_utf8_decode(const unsigned char *p, const unsigned char *end, unsigned *cp)
{
	return core_utf8_decode(p, end, cp);
}

const char *nf_text_past_bom(const char *s)
{
	return strncmp(s, "\xEF\xBB\xBF", 3) ? s : s + 3;
}

bool nf_char_invisible(unsigned c)
{
	return c == 0xad || c == 0x34f || c == 0x61c || c == 0x115f || c == 0x1160 || c == 0x17b4 ||
	       c == 0x17b5 || c == 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
	       (c >= 0x2060 && c <= 0x206f) || c == 0x3164 || c == 0xfeff || c == 0xffa0;
}

size_t nf_utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned cp;
	return p[0] < 0x80 ? 0 : core_utf8_decode(p, end, &cp);
}

bool nf_utf8_valid(const char *s, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		size_t n = *p < 0x80 ? 1 : nf_utf8_len(p, end);
		if (!n) {
			if (bad_at)
				*bad_at = (size_t)(p - (const unsigned char *)s) + 1;
			return false;
		}
		p += n;
	}
	return true;
}

nf_err core_utf8_check(const char *field, const char *s, nf_error *err)
{
	size_t at;
	if (!s || nf_utf8_valid(s, &at))
		return NF_OK;
	return nf_error_set(err, NF_EINVAL, "%s: not valid UTF-8 at byte %zu", field, at);
}

char *nf_utf8_repair(const char *s)
{
	/* U+FFFD is three bytes for each one it replaces at most. */
	size_t len = strlen(s);
	char *out = core_malloc(len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		size_t n = *p < 0x80 ? 1 : nf_utf8_len(p, end);
		if (n) {
			memcpy(o, p, n);
			o += n;
			p += n;
			continue;
		}
		memcpy(o, "\xef\xbf\xbd", 3);
		o += 3;
		p++;
	}
	*o = '\0';
	return out;
}

void core_utf8_copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		/* Back over continuation bytes to the start of the character that did not fit. */
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}
