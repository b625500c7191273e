/* Loading the small test knowledge base in tests/unit/data, and editing its text for the tests
 * that need a broken one. */
#ifndef NUMBFOOT_TEST_KB_FIXTURE_H
#define NUMBFOOT_TEST_KB_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/kb.h"

static inline char *fixture_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

/* text with the first occurrence of from replaced by to; the caller frees it. */
static inline char *replace_once(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (!at)
		return NULL;
	size_t a = (size_t)(at - text), lf = strlen(from), lt = strlen(to), n = strlen(text);
	char *s = malloc(n - lf + lt + 1);
	memcpy(s, text, a);
	memcpy(s + a, to, lt);
	memcpy(s + a + lt, at + lf, n - a - lf + 1);
	return s;
}

/* The knowledge base in the files given, or NULL with the fault printed. */
static inline nf_kb *fixture_load(const char *vocab, const char *path)
{
	nf_kb *kb = NULL;
	nf_error err;
	if (nf_kb_load_files(vocab, path, &kb, &err) != NF_OK) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return NULL;
	}
	return kb;
}

/* The test knowledge base with its text edited, each pair's first occurrence of from made to, or
 * NULL with the fault printed (an edit that finds nothing leaves no text to load). The caller
 * frees it. */
static inline nf_kb *fixture_edited(const char *const (*edits)[2], size_t n)
{
	char *vocab = fixture_text("tests/unit/data/vocab.json"), *text = fixture_text("tests/unit/data/kb.json");
	for (size_t i = 0; text && i < n; i++) {
		char *next = replace_once(text, edits[i][0], edits[i][1]);
		free(text);
		text = next;
	}
	nf_kb *kb = NULL;
	nf_error err;
	if (!vocab || !text)
		fprintf(stderr, "fixture: cannot read the test knowledge base, or an edit found nothing\n");
	else if (nf_kb_load(vocab, "vocab.json", text, "kb.json", &kb, &err) != NF_OK)
		fprintf(stderr, "fixture: %s\n", err.msg);
	free(vocab);
	free(text);
	return kb;
}

static inline nf_kb *fixture_kb(void)
{
	return fixture_load("tests/unit/data/vocab.json", "tests/unit/data/kb.json");
}

/* The shipped knowledge base (kb/numbfoot.json). */
static inline nf_kb *shipped_kb(void)
{
	return fixture_load("kb/vocabulary.json", "kb/numbfoot.json");
}

/* A xorshift generator: the same numbers on every run, for tests on random answers. */
static inline unsigned fixture_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (unsigned)(*state >> 11);
}

#endif
