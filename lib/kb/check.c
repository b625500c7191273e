/* Checking helpers shared by the knowledge-base readers: placing faults, keys, strings
 * and probabilities, and looking IDs up; sources are read by source.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/check.h"

/* Paths name where a value sits ("findings[3].default.p") so that a fault can be placed. They are
 * built for every value checked, thousands per load, so they are joined by hand: snprintf here
 * cost a sixth of the load time. Both cut at the buffer's end, like snprintf. */
void kb_path_key(char *out, size_t cap, const char *parent, const char *key)
{
	size_t a = strlen(parent), b = strlen(key), n = 0;
	if (a >= cap)
		a = cap - 1;
	memcpy(out, parent, a);
	n = a;
	if (a && n + 1 < cap)
		out[n++] = '.';
	if (n + b >= cap)
		b = cap - 1 - n;
	memcpy(out + n, key, b);
	out[n + b] = '\0';
}

void kb_path_index(char *out, size_t cap, const char *parent, size_t i)
{
	char digits[24];
	size_t d = sizeof digits;
	digits[--d] = '\0';
	do
		digits[--d] = (char)('0' + i % 10);
	while ((i /= 10) && d > 1);
	size_t a = strlen(parent), b = sizeof digits - 1 - d;
	if (a + b + 3 > cap) {
		snprintf(out, cap, "%s[%s]", parent, digits + d);
		return;
	}
	memcpy(out, parent, a);
	out[a] = '[';
	memcpy(out + a + 1, digits + d, b);
	out[a + 1 + b] = ']';
	out[a + 2 + b] = '\0';
}

void kb_fault(struct kb_ctx *cx, const char *path, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kb_faults_add(&cx->f, path, NULL, msg);
}

json_t *kb_parse(struct kb_ctx *cx, const char *text)
{
	json_error_t je;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		kb_faults_syntax(&cx->f, &je);
		return NULL;
	}
	if (!json_is_object(root)) {
		kb_fault(cx, "", "top level is not a JSON object");
		json_decref(root);
		return NULL;
	}
	return root;
}

/* Reports keys of obj not in the NULL-terminated list allowed. */
void kb_only_keys(struct kb_ctx *cx, const char *path, json_t *obj, const char *const *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v)
	{
		bool ok = false;
		for (int i = 0; allowed[i]; i++)
			ok |= !strcmp(k, allowed[i]);
		if (!ok) {
			char p[256];
			kb_path_key(p, sizeof p, path, k);
			kb_fault(cx, p, "unknown key");
		}
	}
}

bool kb_object(struct kb_ctx *cx, const char *path, json_t *v, const char *const *allowed)
{
	if (!json_is_object(v)) {
		kb_fault(cx, path, "not an object");
		return false;
	}
	kb_only_keys(cx, path, v, allowed);
	return true;
}

bool kb_get_bool(struct kb_ctx *cx, const char *path, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (v && !json_is_boolean(v)) {
		char p[300];
		kb_path_key(p, sizeof p, path, key);
		kb_fault(cx, p, "\"%s\" needs true or false", key);
	}
	return json_is_true(v);
}

const char *kb_get_string(struct kb_ctx *cx, const char *path, json_t *obj, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	char p[256];
	kb_path_key(p, sizeof p, path, key);
	if (!v) {
		if (required)
			kb_fault(cx, path, "missing \"%s\"", key);
		return NULL;
	}
	if (!json_is_string(v) || !*json_string_value(v)) {
		kb_fault(cx, p, "not a non-empty string");
		return NULL;
	}
	return json_string_value(v);
}

/* Compares a key of given length with a NUL-terminated one, as strcmp would order them. */
static int keycmp(const char *key, size_t len, const char *other)
{
	int r = strncmp(key, other, len);
	return r ? r : (other[len] ? -1 : 0);
}

/* The "id" of an entry of the conditions or findings array at path p, or NULL after a fault. */
const char *kb_entry_id(struct kb_ctx *cx, const char *p, json_t *v)
{
	if (!json_is_object(v)) {
		kb_fault(cx, p, "not an object");
		return NULL;
	}
	return kb_get_string(cx, p, v, "id", true);
}

/* References are sorted once read (kb_read_references), so that resolving the knowledge base's
 * thousands of reference keys is a binary search each. */
bool kb_is_reference(const nf_kb *kb, const char *key, size_t len)
{
	int lo = 0, hi = kb->nref - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2, r = keycmp(key, len, kb->ref[mid].key);
		if (!r)
			return true;
		if (r < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return false;
}

/* A probability in (0, 1) at obj.key. */
bool kb_get_prob(struct kb_ctx *cx, const char *path, json_t *v, double *out)
{
	if (!json_is_number(v)) {
		kb_fault(cx, path, "not a number");
		return false;
	}
	double x = json_number_value(v);
	if (!(x > 0 && x < 1)) {
		kb_fault(cx, path, "probability %g is not between 0 and 1 (exclusive)", x);
		return false;
	}
	*out = x;
	return true;
}

int kb_vocab_value_index(json_t *vf, const char *value)
{
	json_t *vals = json_object_get(vf, "values");
	size_t i;
	json_t *v;
	json_array_foreach(vals, i, v)
	{
		if (json_is_string(v) && !strcmp(json_string_value(v), value))
			return (int)i;
	}
	return -1;
}

int kb_finding_by_id(const nf_kb *kb, const char *id)
{
	for (int i = 0; i < kb->nfind; i++)
		if (kb->find[i].id && !strcmp(kb->find[i].id, id))
			return i;
	return -1;
}

int kb_condition_by_id(const nf_kb *kb, const char *id)
{
	/* A form's further rows carry their condition's id after every condition's row. */
	for (int i = 0; i < kb->ncond; i++)
		if (!strcmp(kb->cond[i].id, id))
			return i;
	return -1;
}

int kb_form_by_id(const nf_kb *kb, const char *id)
{
	const char *slash = strchr(id, '/');
	size_t n = slash ? (size_t)(slash - id) : 0;
	for (int i = 0; slash && i < kb->ncond; i++) {
		const struct kb_condition *c = &kb->cond[i];
		if (c->form && !strcmp(c->form, slash + 1) && strlen(c->id) == n && !strncmp(c->id, id, n))
			return i;
	}
	return -1;
}

/* The outcome index of a JSON answer value for finding f, or -1 (not for sets). */
int kb_outcome_of_json(const struct kb_finding *f, json_t *v)
{
	switch (f->type) {
	case NF_BOOL:
		return json_is_boolean(v) ? (json_is_true(v) ? 1 : 0) : -1;
	case NF_ENUM:
		if (json_is_string(v))
			for (int i = 0; i < f->nvalues; i++)
				if (!strcmp(f->value[i], json_string_value(v)))
					return i;
		return -1;
	default:
		return -1;
	}
}

