/* --where as a runner types it: the vocabulary's IDs ("dorsum") or its words for the places
 * ("top of foot", "the ball of the foot", "forefoot sole"), comma-separated. The words are the
 * location finding's value_means in the built-in vocabulary, matched without case, punctuation
 * and the articles; a few leading words that fit one place only ("outer edge") are enough. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "paths.h"

#define WORDS_MAX 160

/* text in lower case, words split by one space, without "the", "a", "an" and "my", into out. */
static void normalize(const char *text, size_t len, char out[WORDS_MAX])
{
	size_t n = 0, i = 0;
	out[0] = '\0';
	while (i < len) {
		while (i < len && !isalnum((unsigned char)text[i]))
			i++;
		size_t start = i;
		while (i < len && isalnum((unsigned char)text[i]))
			i++;
		size_t wl = i - start;
		if (!wl)
			break;
		char w[32];
		if (wl >= sizeof w)
			wl = sizeof w - 1;
		for (size_t k = 0; k < wl; k++)
			w[k] = (char)tolower((unsigned char)text[start + k]);
		w[wl] = '\0';
		if (!strcmp(w, "the") || !strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "my"))
			continue;
		if (n + wl + 2 > WORDS_MAX)
			break;
		n += (size_t)snprintf(out + n, WORDS_MAX - n, "%s%s", n ? " " : "", w);
	}
}

/* The words of place i ("the ball of the foot (forefoot sole)"), or "" when the vocabulary has
 * none. */
static const char *place_words(json_t *means, int i)
{
	const char *s = json_string_value(json_object_get(means, nf_location_name(i)));
	return s ? s : "";
}

/* True when the normalized words w name place i by its words: all of them, the part in brackets,
 * or (prefix) the first words of either. */
static bool names_place(json_t *means, int i, const char *w, bool prefix)
{
	const char *s = place_words(means, i), *open = strchr(s, '(');
	char main[WORDS_MAX], alias[WORDS_MAX] = "";
	normalize(s, open ? (size_t)(open - s) : strlen(s), main);
	if (open)
		normalize(open + 1, strcspn(open + 1, ")"), alias);
	size_t n = strlen(w);
	if (!n)
		return false;
	if (!strcmp(main, w) || (alias[0] && !strcmp(alias, w)))
		return true;
	return prefix && ((!strncmp(main, w, n) && main[n] == ' ') || (alias[0] && !strncmp(alias, w, n) && alias[n] == ' '));
}

static json_t *location_means(json_t *vocab)
{
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(vocab, "findings"), i, f)
	{
		const char *id = json_string_value(json_object_get(f, "id"));
		if (id && !strcmp(id, "location"))
			return json_object_get(f, "value_means");
	}
	return NULL;
}

const char *cli_place_words(int i)
{
	/* Parsed once and kept for the life of the command: a list of episodes asks for each. */
	static json_t *vocab;
	if (!vocab)
		vocab = json_loads(cli_builtin_vocab(), 0, NULL);
	const char *w = json_string_value(json_object_get(location_means(vocab), nf_location_name(i)));
	return w ? w : nf_location_name(i) ? nf_location_name(i) : "?";
}

void cli_print_places(FILE *out)
{
	json_t *vocab = json_loads(cli_builtin_vocab(), 0, NULL), *means = location_means(vocab);
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		fprintf(out, "  %-13s %s\n", nf_location_name(i), place_words(means, i));
	json_decref(vocab);
}

/* The place one item names, or -1 with why (unknown, or which places it could be) in msg. */
static int one_place(json_t *means, const char *item, size_t len, char *msg, size_t cap)
{
	char id[32], w[WORDS_MAX];
	size_t k = 0;
	while (len && isspace((unsigned char)item[len - 1]))
		len--;
	while (len && isspace((unsigned char)*item))
		item++, len--;
	if (len < sizeof id) {
		memcpy(id, item, len);
		id[len] = '\0';
		int i = nf_location_index(id);
		if (i >= 0)
			return i;
	}
	normalize(item, len, w);
	/* "big toe" and "lateral-edge" spell an ID with spaces or dashes. */
	char as_id[WORDS_MAX];
	snprintf(as_id, sizeof as_id, "%s", w);
	for (char *p = as_id; *p; p++)
		if (*p == ' ')
			*p = '_';
	if (nf_location_index(as_id) >= 0)
		return nf_location_index(as_id);
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (names_place(means, i, w, false))
			return i;
	int found = -1, n = 0;
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (names_place(means, i, w, true))
			found = found < 0 ? i : found, n++;
	if (n == 1)
		return found;
	if (n > 1) {
		k = (size_t)snprintf(msg, cap, "'%.*s' could be", (int)len, item);
		for (int i = 0, m = 0; i < NF_LOCATION_COUNT && k < cap; i++)
			if (names_place(means, i, w, true))
				k += (size_t)snprintf(msg + k, cap - k, "%s %s", m++ ? " or" : "", place_words(means, i));
		return -1;
	}
	snprintf(msg, cap, "unknown location '%.*s'", (int)len, item);
	return -1;
}

bool cli_parse_where(const char *text, uint32_t *set)
{
	json_t *vocab = json_loads(cli_builtin_vocab(), 0, NULL), *means = location_means(vocab);
	bool ok = true;
	char msg[512] = "";
	*set = 0;
	for (const char *p = text; ok;) {
		size_t len = strcspn(p, ",");
		int i = one_place(means, p, len, msg, sizeof msg);
		if (i < 0)
			ok = false;
		else
			*set |= 1u << i;
		if (!p[len])
			break;
		p += len + 1;
	}
	json_decref(vocab);
	if (!ok) {
		cli_errorf("--where: %s; the places (an ID or its words):", msg);
		cli_print_places(stderr);
	}
	return ok;
}
