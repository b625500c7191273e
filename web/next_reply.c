/* The reply of POST /api/assess/next, written from pieces made once per knowledge base.
 *
 * Building that reply as a jansson tree and serialising it took about half of the request: most of
 * it is text that never changes for a given screen (its checklist's id and title, the findings'
 * IDs, a red flag's message). Each such piece is escaped once, by
 * jansson itself so that the bytes are those json_dumps wrote, and a request only copies the
 * pieces and writes two small numbers. A piece jansson refused (text that is not UTF-8) is kept
 * as NULL: a reply that needs it is the 500 that the failed json_pack gave.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "web.h"

/* The most answers one rule asks for that the reply names; the knowledge base's rules ask for
 * two or three. */
#define WEB_RULE_MAX 16

struct piece {
	char *s; /* NULL: jansson refused the text */
	size_t n;
};

struct web_next_text {
	size_t nfindings, nchecklists;
	struct piece *id;	   /* per finding: its ID as a JSON string */
	struct piece *single_head; /* per finding: {"checklist":null,"title":QUESTION,"findings":[ */
	bool *single_red;	   /* per finding: its screen is a warning sign */
	struct piece *list_head;   /* per checklist: {"checklist":ID,"title":TITLE,"findings":[ */
	bool *list_red;
	struct piece *flag_head; /* per finding: {"finding":ID,"level": */
	struct piece *flag_tail; /* per finding: ,"says":SAYS} */
	struct piece level_id[NF_TRIAGE_LEVELS];   /* "emergency" */
	struct piece level_head[NF_TRIAGE_LEVELS]; /* {"level":ID,"words": */
	size_t cap;				   /* bytes the longest reply can need */
};

/* s as a JSON string, or NULL when jansson refuses it (or s is NULL, or out of memory). */
static char *literal(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	char *d = j ? json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
	json_decref(j);
	return d;
}

/* Joins a, the JSON string of x, b, and (when ntexts is 2) the JSON string of y and c into *p.
 * p->s is NULL when jansson refused a text. False only when out of memory. */
static bool piece_make(struct piece *p, int ntexts, const char *a, const char *x, const char *b,
		       const char *y, const char *c)
{
	char *lx = literal(x), *ly = ntexts == 2 ? literal(y) : NULL;
	*p = (struct piece){NULL, 0};
	if (!lx || (ntexts == 2 && !ly)) {
		free(lx);
		free(ly);
		return true;
	}
	if (ntexts != 2)
		c = "";
	const char *parts[] = {a, lx, b, ly ? ly : "", c};
	size_t len = 0;
	for (size_t i = 0; i < 5; i++)
		len += strlen(parts[i]);
	p->s = malloc(len + 1);
	if (p->s) {
		for (size_t i = 0; i < 5; i++) {
			size_t n = strlen(parts[i]);
			memcpy(p->s + p->n, parts[i], n);
			p->n += n;
		}
		p->s[p->n] = '\0';
	}
	free(lx);
	free(ly);
	return p->s != NULL;
}

static size_t longest(const struct piece *p, size_t n)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		m = p[i].n > m ? p[i].n : m;
	return m;
}

static void pieces_free(struct piece *p, size_t n)
{
	for (size_t i = 0; p && i < n; i++)
		free(p[i].s);
	free(p);
}

void web_next_text_free(struct web_next_text *t)
{
	if (!t)
		return;
	pieces_free(t->id, t->nfindings);
	pieces_free(t->single_head, t->nfindings);
	pieces_free(t->list_head, t->nchecklists);
	pieces_free(t->flag_head, t->nfindings);
	pieces_free(t->flag_tail, t->nfindings);
	for (int l = 0; l < NF_TRIAGE_LEVELS; l++) {
		free(t->level_id[l].s);
		free(t->level_head[l].s);
	}
	free(t->single_red);
	free(t->list_red);
	free(t);
}

struct web_next_text *web_next_text_new(const nf_kb *kb, nf_units units)
{
	struct web_next_text *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	size_t nf = t->nfindings = nf_kb_findings(kb), nk = t->nchecklists = nf_kb_checklists(kb);
	size_t af = nf ? nf : 1, ak = nk ? nk : 1;
	t->id = calloc(af, sizeof *t->id);
	t->single_head = calloc(af, sizeof *t->single_head);
	t->single_red = calloc(af, sizeof *t->single_red);
	t->flag_head = calloc(af, sizeof *t->flag_head);
	t->flag_tail = calloc(af, sizeof *t->flag_tail);
	t->list_head = calloc(ak, sizeof *t->list_head);
	t->list_red = calloc(ak, sizeof *t->list_red);
	if (!t->id || !t->single_head || !t->single_red || !t->flag_head || !t->flag_tail ||
	    !t->list_head || !t->list_red)
		goto fail;
	for (size_t f = 0; f < nf; f++) {
		const char *says = NULL;
		t->single_red[f] = nf_kb_finding_red_flag(kb, f, &says) >= 0;
		const char *id = nf_kb_finding_id(kb, f);
		/* The sign's words in the runner's unit, as the result gives them (nf_engine_set_units). */
		char said[1024];
		says = says ? nf_units_text(says, units, said, sizeof said) : NULL;
		if (!piece_make(&t->id[f], 1, "", id, "", NULL, NULL) ||
		    !piece_make(&t->single_head[f], 1, "{\"checklist\":null,\"title\":",
				nf_kb_finding_question(kb, f), ",\"findings\":[", NULL, NULL) ||
		    !piece_make(&t->flag_head[f], 1, "{\"finding\":", id, ",\"level\":", NULL, NULL) ||
		    !piece_make(&t->flag_tail[f], 1, ",\"says\":", says ? says : "", "}", NULL, NULL))
			goto fail;
	}
	for (size_t k = 0; k < nk; k++) {
		t->list_red[k] = nf_kb_checklist_red_flags(kb, k);
		if (!piece_make(&t->list_head[k], 2, "{\"checklist\":", nf_kb_checklist_id(kb, k),
				",\"title\":", nf_kb_checklist_title(kb, k), ",\"findings\":["))
			goto fail;
	}
	for (int l = 0; l < NF_TRIAGE_LEVELS; l++) {
		const char *id = nf_triage_id((nf_triage)l);
		if (!piece_make(&t->level_id[l], 1, "", id, "", NULL, NULL) ||
		    !piece_make(&t->level_head[l], 1, "{\"level\":", id, ",\"words\":", NULL, NULL))
			goto fail;
	}
	/* The longest reply: the frame and two numbers, the longest screen and the longest triage. */
	size_t q = longest(t->single_head, nf);
	q = longest(t->list_head, nk) > q ? longest(t->list_head, nk) : q;
	q += NF_MAX_CHECKLIST * (longest(t->id, nf) + 1) + 32;
	/* The words: nf_engine_triage_words (under NF_TRIAGE_WORDS_MAX bytes), escaped at most 6 to 1. */
	size_t tri = longest(t->level_head, NF_TRIAGE_LEVELS) + 6 * NF_TRIAGE_WORDS_MAX + 16 +
		     longest(t->flag_head, nf) +
		     longest(t->level_id, NF_TRIAGE_LEVELS) + longest(t->flag_tail, nf) + 32 +
		     WEB_RULE_MAX * (longest(t->id, nf) + 1) + 16;
	t->cap = q + tri + 128;
	return t;
fail:
	web_next_text_free(t);
	return NULL;
}

struct out {
	char *p;
	size_t n, cap;
	bool bad; /* a refused piece, or past cap (which the bound rules out) */
};

static void put(struct out *o, const char *s, size_t n)
{
	if (!s || o->n + n > o->cap) {
		o->bad = true;
		return;
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

#define PUT_LIT(o, lit) put(o, lit, sizeof lit - 1)

static void put_piece(struct out *o, const struct piece *p)
{
	put(o, p->s, p->n);
}

/* Writes v as json_dumps writes an integer. */
static void put_int(struct out *o, long long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lld", v);
	put(o, b, (size_t)n);
}

char *web_next_reply(const struct web_next_text *t, nf_interview *iv)
{
	nf_engine *e = nf_interview_engine(iv);
	nf_triage_info ti;
	nf_triage level = nf_engine_triage(e, &ti);
	bool stop = nf_interview_stopped(iv);
	nf_question q;
	bool done = !nf_interview_next(iv, &q);
	struct out o = {malloc(t->cap + 1), 0, t->cap, false};
	if (!o.p)
		return NULL;
	if (done)
		PUT_LIT(&o, "{\"done\":true,\"question\":null");
	else {
		PUT_LIT(&o, "{\"done\":false,\"question\":");
		bool red;
		if (q.checklist >= 0) {
			put_piece(&o, &t->list_head[q.checklist]);
			red = t->list_red[q.checklist];
		} else {
			put_piece(&o, &t->single_head[q.finding[0]]);
			red = t->single_red[q.finding[0]];
		}
		for (size_t i = 0; i < q.n && i < NF_MAX_CHECKLIST; i++) {
			if (i)
				PUT_LIT(&o, ",");
			put_piece(&o, &t->id[q.finding[i]]);
		}
		if (red)
			PUT_LIT(&o, "],\"red_flags\":true}");
		else
			PUT_LIT(&o, "],\"red_flags\":false}");
	}
	PUT_LIT(&o, ",\"progress\":{\"screens\":");
	put_int(&o, (int)nf_interview_screens(iv));
	PUT_LIT(&o, "},\"triage\":");
	put_piece(&o, &t->level_head[level]);
	/* The level's words are the result's (nf_engine_triage_words), not the level's short words:
	 * what the page shows during the interview is what the result and the terminal say ("Do not
	 * drive yourself." with an emergency). The static site's site_next (site/wasm.c) gives the same. */
	char said[NF_TRIAGE_WORDS_MAX];
	char *words = literal(nf_engine_triage_words(e, said, sizeof said));
	put(&o, words, words ? strlen(words) : 0);
	free(words);
	PUT_LIT(&o, ",\"red_flag\":");
	if (ti.red_flag >= 0) {
		put_piece(&o, &t->flag_head[ti.red_flag]);
		put_piece(&o, &t->level_id[ti.red_flag_level]);
		put_piece(&o, &t->flag_tail[ti.red_flag]);
	} else
		PUT_LIT(&o, "null");
	/* The answers an escalation rule asks for when one gives the level (nf_engine_level_rule),
	 * so that the banner can say which answers call for emergency care when no sign of that
	 * level did. */
	size_t rule[WEB_RULE_MAX];
	size_t nrule = nf_engine_level_rule(e, rule, WEB_RULE_MAX, NULL);
	PUT_LIT(&o, ",\"rule\":[");
	for (size_t i = 0; i < nrule && i < WEB_RULE_MAX; i++) {
		if (i)
			PUT_LIT(&o, ",");
		put_piece(&o, &t->id[rule[i]]);
	}
	PUT_LIT(&o, "]");
	if (stop)
		PUT_LIT(&o, ",\"stop\":true}}");
	else
		PUT_LIT(&o, ",\"stop\":false}}");
	if (o.bad) {
		free(o.p);
		return NULL;
	}
	o.p[o.n] = '\0';
	return o.p;
}
