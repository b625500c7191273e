/* A strict JSON reader (RFC 8259) into a flat tree in caller-owned memory, for the assessment's
 * request bodies.
 *
 * Why not jansson, which the rest of the server uses: POST /api/assess/next is the hot path, and
 * jansson spent a quarter of each request building hash tables for a 500-byte body. This reader
 * allocates nothing: nodes and decoded strings go into the thread's arena (struct web_json). It
 * accepts exactly what jansson accepts with JSON_REJECT_DUPLICATES (the fuzz target checks that
 * on every input), within caps on nodes, members and depth, except for NUL bytes: jansson skips
 * one after a value inside an object or array, and this reader refuses them as RFC 8259 does.
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/text.h"
#include "web.h"

struct reader {
	const char *p, *start, *end;
	struct web_json *j;
	char *out; /* next free byte of j->strings */
	int depth;
};

static bool fail(struct reader *r, const char *what)
{
	snprintf(r->j->error, sizeof r->j->error, "byte %zu: %s", (size_t)(r->p - r->start), what);
	return false;
}

static bool capped(struct reader *r, const char *what)
{
	r->j->capped = true;
	return fail(r, what);
}

static void skip_ws(struct reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int new_node(struct reader *r, enum web_jtype t)
{
	if (r->j->n >= WEB_JSON_NODES)
		return -1;
	int i = (int)r->j->n++;
	r->j->node[i] = (struct web_jnode){.type = t, .first = -1, .next = -1};
	return i;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static void put_utf8(struct reader *r, unsigned cp)
{
	if (cp < 0x80) {
		*r->out++ = (char)cp;
	} else if (cp < 0x800) {
		*r->out++ = (char)(0xc0 | cp >> 6);
		*r->out++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*r->out++ = (char)(0xe0 | cp >> 12);
		*r->out++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*r->out++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*r->out++ = (char)(0xf0 | cp >> 18);
		*r->out++ = (char)(0x80 | (cp >> 12 & 0x3f));
		*r->out++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*r->out++ = (char)(0x80 | (cp & 0x3f));
	}
}

/* Reads a string at r->p (on its opening quote) into the arena; *s and *len get it. */
static bool read_string(struct reader *r, const char **s, size_t *len)
{
	char *o = r->out;
	r->p++;
	for (;;) {
		if (r->p >= r->end)
			return fail(r, "unterminated string");
		unsigned char c = (unsigned char)*r->p;
		if (c == '"') {
			r->p++;
			break;
		}
		if (c == 0)
			return fail(r, "a NUL character is not allowed");
		if (c < 0x20)
			return fail(r, "control character in a string");
		if (c == '\\') {
			if (r->end - r->p < 2)
				return fail(r, "unterminated escape");
			char e = r->p[1];
			r->p += 2;
			switch (e) {
			case '"':
				*r->out++ = '"';
				break;
			case '\\':
				*r->out++ = '\\';
				break;
			case '/':
				*r->out++ = '/';
				break;
			case 'b':
				*r->out++ = '\b';
				break;
			case 'f':
				*r->out++ = '\f';
				break;
			case 'n':
				*r->out++ = '\n';
				break;
			case 'r':
				*r->out++ = '\r';
				break;
			case 't':
				*r->out++ = '\t';
				break;
			case 'u': {
				int u = r->end - r->p >= 4 ? hex4(r->p) : -1;
				if (u < 0)
					return fail(r, "bad \\u escape");
				r->p += 4;
				unsigned cp = (unsigned)u;
				if (cp >= 0xd800 && cp <= 0xdbff) {
					int lo = r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u'
						     ? hex4(r->p + 2)
						     : -1;
					if (lo < 0xdc00 || lo > 0xdfff)
						return fail(r, "lone surrogate in \\u escape");
					r->p += 6;
					cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned)lo - 0xdc00);
				} else if (cp >= 0xdc00 && cp <= 0xdfff) {
					return fail(r, "lone surrogate in \\u escape");
				} else if (cp == 0) {
					r->p -= 6; /* named at its backslash, where a person looks */
					return fail(r, "a NUL character is not allowed");
				}
				put_utf8(r, cp);
				break;
			}
			default:
				return fail(r, "bad escape");
			}
			continue;
		}
		if (c < 0x80) {
			*r->out++ = (char)c;
			r->p++;
			continue;
		}
		size_t n = nf_utf8_len((const unsigned char *)r->p, (const unsigned char *)r->end);
		if (!n)
			return fail(r, "invalid UTF-8");
		memcpy(r->out, r->p, n);
		r->out += n;
		r->p += n;
	}
	*s = o;
	*len = (size_t)(r->out - o);
	*r->out++ = '\0';
	return true;
}

static bool read_number(struct reader *r, struct web_jnode *nd)
{
	static locale_t c_locale;
	const char *s = r->p;
	bool integer = true;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p >= r->end || *r->p < '0' || *r->p > '9')
		return fail(r, "bad number");
	if (*r->p == '0')
		r->p++;
	else
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	if (r->p < r->end && *r->p == '.') {
		integer = false;
		r->p++;
		if (r->p >= r->end || *r->p < '0' || *r->p > '9')
			return fail(r, "bad number");
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		integer = false;
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (r->p >= r->end || *r->p < '0' || *r->p > '9')
			return fail(r, "bad number");
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	char buf[400];
	size_t n = (size_t)(r->p - s);
	if (n >= sizeof buf)
		return capped(r, "number too long");
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	if (integer) {
		long long v = strtoll(buf, NULL, 10);
		if (errno == ERANGE)
			return fail(r, "too big integer");
		nd->integer = v;
		nd->x = (double)v;
	} else {
		/* The C locale's decimal point, whatever the process's locale. */
		if (!c_locale)
			c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
		nd->x = c_locale ? strtod_l(buf, NULL, c_locale) : strtod(buf, NULL);
		if (errno == ERANGE && (nd->x == HUGE_VAL || nd->x == -HUGE_VAL))
			return fail(r, "real number overflow");
	}
	nd->is_integer = integer;
	return true;
}

static bool literal(struct reader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n))
		return fail(r, "unexpected character");
	r->p += n;
	return true;
}

static int read_value(struct reader *r);

/* Reads an object's or array's members after its opening bracket. */
static bool read_members(struct reader *r, int parent, bool object)
{
	struct web_jnode *node = r->j->node;
	char close = object ? '}' : ']';
	int last = -1;
	size_t count = 0;
	skip_ws(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		const char *key = NULL;
		size_t klen = 0;
		if (++count > WEB_JSON_MEMBERS)
			return capped(r, "too many members");
		if (object) {
			skip_ws(r);
			if (r->p >= r->end || *r->p != '"')
				return fail(r, "string or '}' expected");
			if (!read_string(r, &key, &klen))
				return false;
			if (strlen(key) != klen)
				return fail(r, "a NUL character is not allowed");
			for (int k = node[parent].first; k >= 0; k = node[k].next)
				if (!strcmp(node[k].key, key))
					return fail(r, "duplicate object key");
			skip_ws(r);
			if (r->p >= r->end || *r->p != ':')
				return fail(r, "':' expected");
			r->p++;
		}
		int v = read_value(r);
		if (v < 0)
			return false;
		node[v].key = key;
		if (last < 0)
			node[parent].first = v;
		else
			node[last].next = v;
		last = v;
		node[parent].count++;
		skip_ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return true;
		}
		return fail(r, object ? "',' or '}' expected" : "',' or ']' expected");
	}
}

static int read_value(struct reader *r)
{
	skip_ws(r);
	if (r->p >= r->end)
		return fail(r, "unexpected end of input"), -1;
	int i;
	switch (*r->p) {
	case '{':
	case '[': {
		bool object = *r->p == '{';
		if (++r->depth > WEB_JSON_DEPTH)
			return capped(r, "nested too deep"), -1;
		if ((i = new_node(r, object ? WEB_JOBJECT : WEB_JARRAY)) < 0)
			return capped(r, "too many values"), -1;
		r->p++;
		if (!read_members(r, i, object))
			return -1;
		r->depth--;
		return i;
	}
	case '"':
		if ((i = new_node(r, WEB_JSTRING)) < 0)
			return capped(r, "too many values"), -1;
		return read_string(r, &r->j->node[i].s, &r->j->node[i].len) ? i : -1;
	case 't':
	case 'f':
		if ((i = new_node(r, WEB_JBOOL)) < 0)
			return capped(r, "too many values"), -1;
		r->j->node[i].b = *r->p == 't';
		return literal(r, *r->p == 't' ? "true" : "false") ? i : -1;
	case 'n':
		if ((i = new_node(r, WEB_JNULL)) < 0)
			return capped(r, "too many values"), -1;
		return literal(r, "null") ? i : -1;
	default:
		if ((i = new_node(r, WEB_JNUMBER)) < 0)
			return capped(r, "too many values"), -1;
		return read_number(r, &r->j->node[i]) ? i : -1;
	}
}

bool web_json_read(struct web_json *j, const char *text, size_t len)
{
	struct reader r = {.p = text, .start = text, .end = text + len, .j = j, .out = j->strings};
	j->n = 0;
	j->error[0] = '\0';
	j->capped = false;
	if (len >= sizeof j->strings)
		return capped(&r, "too long");
	skip_ws(&r);
	if (r.p >= r.end || (*r.p != '{' && *r.p != '['))
		return fail(&r, "'[' or '{' expected");
	if (read_value(&r) < 0)
		return false;
	skip_ws(&r);
	if (r.p != r.end)
		return fail(&r, "end of input expected");
	return true;
}

bool web_json_fault(const char *text, size_t len, char *out, size_t size)
{
	struct web_json *j = malloc(sizeof *j);
	if (!j)
		return false;
	bool found = !web_json_read(j, text, len) && !j->capped;
	if (found)
		snprintf(out, size, "%s", j->error);
	free(j);
	return found;
}
