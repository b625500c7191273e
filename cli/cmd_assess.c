/* numbfoot assess: the interview in a terminal (or from a pipe, a line per answer), or the result
 * of a case file with --answers. */
#include <ctype.h>
#include <errno.h>
#include <editline/readline.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "numbfoot/analyze.h"
#include "numbfoot/case.h"
#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "numbfoot/text.h"
#include "paths.h"
#include "render.h"

/* Under this an age is said back before it is taken (parse_single). */
#define CHILD_AGE 12

struct session {
	nf_interview *iv;
	nf_engine *e; /* iv's */
	const nf_kb *kb;
	FILE *out; /* stdout with words wrapped at the terminal's width: every text but the prompts */
	bool tty, color, miles;
	/* Whether a person types the answers (standard input is a terminal): an answer that cannot
	 * be read is then asked again. From a pipe or a file nobody can retype it, and asking again
	 * would let the next line answer this question and shift every later answer onto the one
	 * before it: the line is an error instead (bad below). */
	bool person;
	long line;	/* lines read so far from standard input, for the error's place */
	char why[240];	/* why the last answer could not be read: the hint said to a person */
	char bad[600];	/* the error that ended a piped interview (R_BAD), for main to print */
	/* The last line read held bytes that are not UTF-8 (2), or, on a terminal, characters past
	 * ASCII that the line editor leaves out of the line it returns (1): no answer uses them, and
	 * the rest of the line, blank or not, is not what was typed. */
	int unreadable;
	double child_age; /* an age under CHILD_AGE said back once, kept when typed again; -1 none */
	/* Findings pre-filled from the journal and kept as derived (not changed by the runner). */
	bool derived[NF_MAX_FINDINGS];
};

/* What getc_utf8 left out of the line being read: 2 bytes that are not UTF-8, 1 characters past
 * ASCII, 0 nothing. A file-level variable, since editline's rl_getc_function takes no context. */
static int left_out;

/* editline's reader of a key (rl_getc_function), in place of its own, which drops a byte it
 * cannot decode (and, in the C locale numbfoot runs in, every byte past ASCII) without a word: a
 * line of such bytes came back as "" and was taken for Enter alone ("Nothing typed", or a derived
 * answer kept). This one returns the ASCII bytes and, for each sequence past ASCII, reads it whole
 * and notes in left_out whether it was valid UTF-8. EOF at the end of the input. */
static int getc_utf8(FILE *in)
{
	static int pending = -1; /* a byte read to end a sequence cut short, not yet returned */
	(void)in;
	for (;;) {
		unsigned char b[4];
		ssize_t got;
		if (pending >= 0) {
			b[0] = (unsigned char)pending;
			pending = -1;
		} else {
			while ((got = read(STDIN_FILENO, b, 1)) < 0 && errno == EINTR)
				;
			if (got != 1)
				return EOF;
		}
		if (b[0] < 0x80)
			return b[0];
		size_t want = b[0] >= 0xF0 ? 4 : b[0] >= 0xE0 ? 3 : b[0] >= 0xC0 ? 2 : 1, n = 1;
		while (n < want) {
			while ((got = read(STDIN_FILENO, b + n, 1)) < 0 && errno == EINTR)
				;
			if (got != 1)
				break;
			if ((b[n] & 0xC0) != 0x80) {
				pending = b[n];
				break;
			}
			n++;
		}
		int what = nf_utf8_len(b, b + n) == n ? 1 : 2;
		if (what > left_out)
			left_out = what;
	}
}

/* Reads one line of input: with line editing on a terminal, plain otherwise. NULL at the end of
 * input. The caller frees the line; s->unreadable says whether it is what was typed. */
static char *read_answer(struct session *s, const char *prompt)
{
	s->unreadable = 0;
	if (s->tty) {
		rl_getc_function = getc_utf8;
		left_out = 0;
		char *line = readline(prompt);
		s->unreadable = left_out;
		return line;
	}
	fputs(prompt, stdout);
	fflush(stdout);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		return NULL;
	}
	s->line++;
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	fputc('\n', stdout);
	if (!nf_utf8_valid(line, NULL))
		s->unreadable = 2;
	return line;
}

static void wputs(struct session *s, const char *text)
{
	fprintf(s->out, "%s\n", text);
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* R_QUIT: the runner typed q; R_EOF: the input ended (Ctrl-D, or a pipe ran out); R_BAD: a
 * line of piped input answers nothing (s->bad says which and why). */
enum reply { R_DONE, R_BACK, R_QUIT, R_EOF, R_AGAIN, R_BAD };

/* Why answer could not be read, kept for not_an_answer. */
static void hint(struct session *s, const char *why)
{
	snprintf(s->why, sizeof s->why, "%s", why);
}

/* Whether the line just read is not what was typed (s->unreadable), and if so the hint why. */
static bool unreadable(struct session *s)
{
	if (s->unreadable == 2)
		hint(s, "That line is not readable text: it holds bytes that are not UTF-8 (a wrong "
			"keyboard or terminal setting?). Please type the answer again.");
	else if (s->unreadable == 1)
		hint(s, "That line holds letters or signs past plain ASCII (such as an accent), which no "
			"answer here uses. Please type the answer again.");
	return s->unreadable != 0;
}

/* An answer that could not be read (s->why says why) to the question named question: a person
 * is told why and asked again (R_AGAIN); without a terminal it is an error (R_BAD) naming the
 * line of input, the answer and the question. */
static enum reply not_an_answer(struct session *s, const char *question, const char *answer)
{
	if (s->person) {
		fprintf(s->out, "%s\n", s->why);
		return R_AGAIN;
	}
	/* Bytes that are not UTF-8 are not repeated: they would reach the terminal as they are. */
	if (s->unreadable == 2)
		snprintf(s->bad, sizeof s->bad, "standard input line %ld is not an answer to '%.200s': %s", s->line,
			 question, s->why);
	else
		snprintf(s->bad, sizeof s->bad, "standard input line %ld: '%.80s' is not an answer to '%.200s': %s",
			 s->line, answer, question, s->why);
	return R_BAD;
}

/* Parses a list of item numbers ("1 3", "1,3") within 1..n into a bit mask, and a last "?" ("1 3 ?":
 * not sure of the others) into *rest_unsure. 0 when read; -1 if malformed or past 1..n (a "?" with
 * no number before it is "?" alone, read by the caller); k when number k is typed more than once
 * ("1 1 1"), which the case files refuse too: a slip, perhaps for another number, is asked again
 * rather than guessed. */
static int parse_numbers(const char *s, size_t n, uint32_t *mask, bool *rest_unsure)
{
	*mask = 0;
	*rest_unsure = false;
	while (*s) {
		if (isspace((unsigned char)*s) || *s == ',') {
			s++;
			continue;
		}
		if (*s == '?' && *mask && !*rest_unsure) {
			*rest_unsure = true;
			s++;
			continue;
		}
		if (*rest_unsure)
			return -1; /* the ? comes last */
		char *end;
		long k = strtol(s, &end, 10);
		if (end == s || k < 1 || (size_t)k > n)
			return -1;
		if (*mask & 1u << (k - 1))
			return (int)k;
		*mask |= 1u << (k - 1);
		s = end;
	}
	return 0;
}

/* The hint for number k typed twice (parse_numbers). */
static void hint_repeated(struct session *s, int k)
{
	char why[160];
	snprintf(why, sizeof why, "%d is typed more than once: type each number once (for example 1 3).", k);
	hint(s, why);
}

static void show_help(struct session *s, const nf_question *q)
{
	char help[1024];
	for (size_t i = 0; i < q->n; i++)
		fprintf(s->out, "  %s%s%s\n", q->n > 1 ? nf_kb_finding_question(s->kb, q->finding[i]) : "",
		       q->n > 1 ? ": " : "",
		       nf_units_text(nf_kb_finding_help(s->kb, q->finding[i]), s->miles ? NF_UNITS_MI : NF_UNITS_KM, help,
				     sizeof help));
	wputs(s, "  Type ? if you do not know, b to go back one question, q to stop and see the result.");
}

/* "Don't know" as people type it, besides ? and d: "not sure", "dunno", ... */
static bool dont_know(const char *a)
{
	static const char *const words[] = {"?",	   "d",		 "not sure", "unsure", "don't know",
					    "dont know", "do not know", "dunno",	 "idk",	   "no idea", NULL};
	for (int i = 0; words[i]; i++)
		if (!strcasecmp(a, words[i]))
			return true;
	return false;
}

/* Each ask_ function reads the answers to the screen q into st and v (one per finding), for
 * nf_interview_answer, or returns what else the runner typed. */

static enum reply ask_single(struct session *s, size_t f, nf_answer_state *st, nf_value *v);

/* A warning-sign screen answered "not sure": each sign asked on its own (y, n or ?), so that doubt
 * about one sign leaves only that one open, and each is read once more. */
static enum reply ask_each(struct session *s, const nf_question *q, nf_answer_state *st, nf_value *v)
{
	wputs(s, "Then each in turn: y if it applies, n if not, ? if you are not sure (a sign left unsure is "
		 "named in the result).");
	for (size_t i = 0; i < q->n; i++) {
		enum reply r = ask_single(s, q->finding[i], &st[i], &v[i]);
		if (r != R_DONE)
			return r;
	}
	return R_DONE;
}

static enum reply ask_checklist(struct session *s, const nf_question *q, nf_answer_state *st, nf_value *v)
{
	const char *title = nf_kb_checklist_title(s->kb, (size_t)q->checklist);
	fprintf(s->out, "%s\n", title);
	/* Items that are not a no when left out (test results: one not done is not normal) are asked
	 * one by one: "2" for an abnormal nerve study recorded the scan, B12, glucose and CK as
	 * normal (an outside read). */
	if (nf_kb_checklist_each(s->kb, (size_t)q->checklist)) {
		for (size_t i = 0; i < q->n; i++) {
			enum reply r = ask_single(s, q->finding[i], &st[i], &v[i]);
			if (r != R_DONE)
				return r;
		}
		return R_DONE;
	}
	for (size_t i = 0; i < q->n; i++)
		fprintf(s->out, "  %zu. %s\n", i + 1, nf_kb_finding_question(s->kb, q->finding[i]));
	/* Said each time: a runner unsure of some items typed the one they knew, and the others
	 * counted as no, evidence they had not given (an outside read). */
	if (q->n > 1)
		wputs(s, "(Items you leave out count as no: add ? after the numbers, as in 1 3 ?, if you are not sure of "
			 "the others.)");
	for (;;) {
		char *line = read_answer(s, "Numbers of those that apply (0 for none, ? if unsure): ");
		if (!line)
			return R_EOF;
		char *a = trim(line);
		enum reply r = R_AGAIN;
		uint32_t mask;
		bool rest_unsure;
		int k;
		/* A blank line answers nothing. On the warning signs above all: a stray Enter (after the
		 * journal's Enter-keeps prompts, or in a pipe) must not pass them as "none". */
		if (unreadable(s))
			r = not_an_answer(s, title, a);
		else if (!*a) {
			hint(s, "Nothing typed: type the numbers of those that apply (for example 1 3), 0 if none of "
				"them apply, or ? if you are not sure.");
			r = not_an_answer(s, title, a);
		} else if (!strcmp(a, "b") || !strcmp(a, "back"))
			r = R_BACK;
		else if (!strcmp(a, "q") || !strcmp(a, "quit"))
			r = R_QUIT;
		else if (!strcmp(a, "h") || !strcmp(a, "help"))
			show_help(s, q);
		else if (dont_know(a) && nf_kb_checklist_red_flags(s->kb, (size_t)q->checklist))
			r = ask_each(s, q, st, v);
		else if (dont_know(a)) {
			for (size_t i = 0; i < q->n; i++)
				st[i] = NF_UNKNOWN;
			r = R_DONE;
		} else if (!strcmp(a, "0") || !strcmp(a, "none") || !strcmp(a, "n") || !strcmp(a, "no")) {
			for (size_t i = 0; i < q->n; i++) {
				st[i] = NF_ANSWERED;
				v[i] = (nf_value){.b = false};
			}
			r = R_DONE;
		} else if ((k = parse_numbers(a, q->n, &mask, &rest_unsure)) == 0) {
			/* "1 3 ?": those typed apply, the others are not known; on the warning signs each
			 * of the others is asked on its own, as after ? alone. */
			for (size_t i = 0; i < q->n; i++) {
				st[i] = rest_unsure && !((mask >> i) & 1) ? NF_UNKNOWN : NF_ANSWERED;
				v[i] = (nf_value){.b = (mask >> i) & 1};
			}
			r = R_DONE;
			if (rest_unsure && nf_kb_checklist_red_flags(s->kb, (size_t)q->checklist))
				for (size_t i = 0; i < q->n && r == R_DONE; i++)
					if (!((mask >> i) & 1))
						r = ask_single(s, q->finding[i], &st[i], &v[i]);
		} else if (k > 0) {
			hint_repeated(s, k);
			r = not_an_answer(s, title, a);
		} else {
			char why[200];
			snprintf(why, sizeof why, "Please type the numbers of the items that apply (1 to %zu), for "
				 "example 1 3 (1 3 ? if you are not sure of the others), or 0 for none, or ? if you are not sure.", q->n);
			hint(s, why);
			r = not_an_answer(s, title, a);
		}
		free(line);
		if (r != R_AGAIN)
			return r;
	}
}

/* Whether the n characters at p start a word of text t: "ball" in "the ball of the foot". */
static bool starts_a_word(const char *t, const char *p, size_t n)
{
	for (const char *w = t; *w; w++)
		if ((w == t || !isalnum((unsigned char)w[-1])) && !strncasecmp(w, p, n))
			return true;
	return false;
}

/* Whether answer a begins with the whole of name w, then ends or goes on after a space or a
 * comma: "both feet mostly" names "both feet". */
static bool begins_with_name(const char *a, const char *w)
{
	size_t n = strlen(w);
	return n && !strncasecmp(a, w, n) && (!a[n] || a[n] == ' ' || a[n] == ',');
}

/* A choice typed by its name or the start of it ("m" for male, "both"), when only one choice's
 * name or wording starts so; else by its name or wording followed by more words ("both feet
 * mostly"); else, from three letters on, by the start of a word inside its wording ("ball" for
 * the ball of the foot, "whole foot"), when only one choice has it: a runner types the word, not
 * the article the wording begins with. -1 if none, or more than one. */
static int choice_named(const nf_kb *kb, size_t f, const char *a)
{
	size_t n = strlen(a);
	for (int pass = 0; pass < 3 && n >= (pass == 2 ? 3u : 1u); pass++) {
		int found = -1;
		for (size_t i = 0; i < nf_kb_finding_values(kb, f); i++) {
			const char *id = nf_kb_finding_value(kb, f, i), *means = nf_kb_finding_value_means(kb, f, i);
			bool hit = pass == 2   ? starts_a_word(means, a, n)
				   : pass == 1 ? begins_with_name(a, id) || begins_with_name(a, means)
					       : !strncasecmp(id, a, n) || !strncasecmp(means, a, n);
			if (!hit)
				continue;
			if (found >= 0)
				return -1;
			found = (int)i;
		}
		if (found >= 0)
			return found;
	}
	return -1;
}

/* Choices of a choose-all question typed by name, separated by commas ("toes 3 4, ball"): each
 * part one choice by choice_named. False, and *set untouched, unless every part names one. */
static bool choices_named(const nf_kb *kb, size_t f, const char *a, uint32_t *set)
{
	uint32_t got = 0;
	while (*a) {
		while (*a == ',' || isspace((unsigned char)*a))
			a++;
		size_t n = strcspn(a, ",");
		while (n && isspace((unsigned char)a[n - 1]))
			n--;
		if (!n)
			break;
		char part[80];
		if (n >= sizeof part)
			return false;
		memcpy(part, a, n);
		part[n] = '\0';
		int idx = choice_named(kb, f, part);
		if (idx < 0)
			return false;
		got |= 1u << idx;
		a += n;
	}
	if (!got)
		return false;
	*set = got;
	return true;
}

/* People qualify numbers ("about 15", "~15"): a past such a word, where the number starts. */
static const char *skip_approx(const char *a)
{
	static const char *const words[] = {"about", "around", "roughly", "approximately", "approx.", "approx", "~", NULL};
	for (int i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		/* A word needs a space after it ("about15" is no number); "~" and "approx." do not.
		 * a[n] is read only once the word matched, so within the line. */
		if (!strncasecmp(a, words[i], n) &&
		    (ispunct((unsigned char)words[i][n - 1]) || isspace((unsigned char)a[n]))) {
			a += n;
			while (isspace((unsigned char)*a))
				a++;
			break;
		}
	}
	return a;
}

/* Whether w names the unit u ("15 min", "3 weeks"): u itself, or its start, a plural 's' aside. */
static bool names_unit(const char *w, const char *u)
{
	size_t n = strlen(w);
	if (n > 1 && w[n - 1] == 's')
		n--;
	return n && n <= strlen(u) && !strncasecmp(w, u, n);
}

/* Parses one answer to a single finding; returns false if malformed, with hint() saying why. */
static bool parse_single(struct session *s, size_t f, const char *a, nf_value *v)
{
	const nf_kb *kb = s->kb;
	memset(v, 0, sizeof *v);
	switch (nf_kb_finding_type(kb, f)) {
	case NF_BOOL:
		/* Not 1 or 2: after a list where 0 means none and numbers say which apply, a 2 typed
		 * for "the second" or a 1 for "one of them" must not pass as no or yes unseen. */
		if (!strcasecmp(a, "y") || !strcasecmp(a, "yes"))
			v->b = true;
		else if (!strcasecmp(a, "n") || !strcasecmp(a, "no"))
			v->b = false;
		else {
			hint(s, "Please answer y or n (or ? if you do not know).");
			return false;
		}
		return true;
	case NF_ENUM: {
		char *end;
		long k = strtol(a, &end, 10);
		if (end != a && !*end && k >= 1 && (size_t)k <= nf_kb_finding_values(kb, f)) {
			v->index = (int)k - 1;
			return true;
		}
		int idx = nf_kb_finding_value_index(kb, f, a);
		if (idx < 0)
			idx = choice_named(kb, f, a);
		if (idx >= 0) {
			v->index = idx;
			return true;
		}
		char why[120];
		snprintf(why, sizeof why, "Please type the number of one of the choices, from 1 to %zu.",
			 nf_kb_finding_values(kb, f));
		hint(s, why);
		return false;
	}
	case NF_NUMBER: {
		const char *end;
		double x = 0;
		nf_error nerr = {0};
		a = skip_approx(a);
		/* The one number reader (decimal point or comma, no hex or exponent); a number it
		 * refuses ("1,500") is said why, one it does not find leaves end at a. */
		if (nf_decimal_read(a, &x, &end, &nerr) && end != a) {
			hint(s, nerr.msg);
			return false;
		}
		/* "6ish" is about 6. */
		if (end != a && !strncmp(end, "ish", 3))
			end += 3;
		else if (end != a && !strncmp(end, "-ish", 4))
			end += 4;
		while (isspace((unsigned char)*end))
			end++;
		/* A range ("800-900", "20 to 30") is taken at its middle, and said so. */
		bool range = false;
		if (end != a && (*end == '-' || !strncasecmp(end, "to ", 3))) {
			const char *b = end + (*end == '-' ? 1 : 3);
			while (isspace((unsigned char)*b))
				b++;
			const char *bend = NULL;
			double y = 0;
			if (isdigit((unsigned char)*b) && nf_decimal_read(b, &y, &bend, NULL))
				bend = NULL;
			if (bend && y < x) {
				char say[120];
				snprintf(say, sizeof say, "A range goes from the smaller number to the larger: %g-%g.", y, x);
				hint(s, say);
				return false;
			}
			if (bend) {
				x = (x + y) / 2;
				end = bend;
				range = true;
				while (isspace((unsigned char)*end))
					end++;
			}
		}
		bool dist = nf_kb_finding_is_distance(kb, f), mi = s->miles;
		/* A distance's unit is read by the commands' reader of units (km, m, mi, miles), so that
		 * "5000m" is taken here as by run add. per: kilometres in one unit typed. */
		double per = 1;
		if (dist && end != a && *end && nf_distance_unit_km(end, NF_UNITS_KM) > 0) {
			per = nf_distance_unit_km(end, NF_UNITS_KM);
			mi = per == NF_KM_PER_MILE;
			end += strlen(end);
		} else if (dist && mi) {
			per = NF_KM_PER_MILE;
		} else if (!dist && *end && names_unit(end, nf_kb_finding_unit(kb, f)))
			end += strlen(end);
		/* A runner often knows when it starts rather than where: the distance is asked (the
		 * knowledge base's onset is in km), so say how to turn one into the other. */
		if (dist && end != a && isfinite(x) && x > 0 &&
		    (!strcmp(end, "min") || !strcmp(end, "mins") || !strcmp(end, "minutes"))) {
			char say[200];
			snprintf(say, sizeof say,
				 "This asks for a distance, not a time: %g minutes at %s is about %.1f %s. Type the distance "
				 "(your own pace gives it best).",
				 x, mi ? "10:00 per mile" : "6:00 per km", x / (mi ? 10.0 : 6.0), mi ? "mi" : "km");
			hint(s, say);
			return false;
		}
		if (end == a || *end || !isfinite(x) || x < 0) {
			hint(s, dist ? "Please type a distance (0 or more), such as 5, 5k, 3 mi or 800-900 m."
				     : "Please type a number (0 or more), or a range such as 20-30.");
			return false;
		}
		v->x = dist ? (per == 0.001 ? x / 1000 : x * per) : x;
		/* The knowledge base's range, said in the unit the runner typed in: asked again, as the
		 * case files and the server refuse it. */
		if (!nf_kb_finding_in_range(kb, f, v->x)) {
			double lo = 0, hi = 0, k = dist && mi ? NF_KM_PER_MILE : 1;
			const char *unit = dist ? (mi ? "miles" : "km") : nf_kb_finding_unit(kb, f);
			char say[160];
			nf_kb_finding_range(kb, f, &lo, &hi);
			/* In miles the ends are rounded inwards, so that every number said is taken: 500 km
			 * is 310.7 miles, and "0 to 311" named a 311 that was refused. */
			snprintf(say, sizeof say, "Please type a number from %g to %g%s%s.", k == 1 ? lo : ceil(lo / k),
				 k == 1 ? hi : floor(hi / k),
				 *unit ? " " : "", unit);
			hint(s, say);
			return false;
		}
		/* An age under CHILD_AGE is in range (case files hold children) but not what a runner
		 * typing their own age means, most often: a slip ("1" for 41) would weigh every cause by
		 * a toddler's age. A person is asked to type it again; the same number twice is kept. */
		if (s->person && !strcmp(nf_kb_finding_id(kb, f), "age") && v->x < CHILD_AGE && v->x != s->child_age) {
			char n[40], say[240];
			nf_kb_number_text(kb, f, v->x, n, sizeof n);
			snprintf(say, sizeof say,
				 "An age of %s? numbfoot's figures come from teenagers and adults; numb feet in a child are "
				 "for a doctor to see. Type %g again to keep it, or the right age.",
				 n, v->x);
			s->child_age = v->x;
			hint(s, say);
			return false;
		}
		if (range)
			fprintf(s->out, "Taken as %g, the middle of the range.\n", x);
		return true;
	}
	case NF_SET:
		if (!strcmp(a, "0") || !strcmp(a, "none")) {
			/* Said back: a 0 typed from habit after the checklists' "0 for none" is an answer
			 * that raises the causes outside the list. */
			v->set = 0;
			wputs(s, "Taken as none of these (b goes back to change it).");
			return true;
		}
	{
		bool unsure; /* one answer, the set of places: "1 3 ?" is not one */
		int k = parse_numbers(a, nf_kb_finding_values(kb, f), &v->set, &unsure);
		if (k == 0 && v->set && !unsure)
			return true;
		if (k > 0) {
			hint_repeated(s, k);
			return false;
		}
		if (choices_named(kb, f, a, &v->set))
			return true;
		char why[200];
		snprintf(why, sizeof why, "Please type the numbers of all that apply, from 1 to %zu, for example 2 5 "
			 "(or their names, separated by commas).", nf_kb_finding_values(kb, f));
		hint(s, why);
		return false;
	}
	}
	return false;
}

static enum reply ask_single(struct session *s, size_t f, nf_answer_state *st, nf_value *v)
{
	const nf_kb *kb = s->kb;
	nf_ftype t = nf_kb_finding_type(kb, f);
	fprintf(s->out, "%s\n", nf_kb_finding_question(kb, f));
	if (t == NF_ENUM || t == NF_SET) {
		for (size_t i = 0; i < nf_kb_finding_values(kb, f); i++)
			fprintf(s->out, "  %zu. %s\n", i + 1, nf_kb_finding_value_means(kb, f, i));
	}
	const char *prompt = t == NF_BOOL   ? "[y/n/?] "
			     : t == NF_SET  ? "Numbers of all that apply (0 for none of these, ? if unsure): "
			     : t == NF_ENUM ? "Number (? if unsure): "
					    : NULL;
	char numprompt[64];
	if (!prompt) {
		const char *unit = nf_kb_finding_is_distance(kb, f) ? (s->miles ? "miles" : "km") : nf_kb_finding_unit(kb, f);
		snprintf(numprompt, sizeof numprompt, "%s%s%s(? if unsure): ", *unit ? "In " : "", unit, *unit ? " " : "");
		prompt = numprompt;
	}
	for (;;) {
		char *line = read_answer(s, prompt);
		if (!line)
			return R_EOF;
		char *a = trim(line);
		enum reply r = R_AGAIN;
		if (unreadable(s))
			r = not_an_answer(s, nf_kb_finding_question(kb, f), a);
		else if (!strcmp(a, "b") || !strcmp(a, "back"))
			r = R_BACK;
		else if (!strcmp(a, "q") || !strcmp(a, "quit"))
			r = R_QUIT;
		else if (!strcmp(a, "h") || !strcmp(a, "help")) {
			nf_question q = {.n = 1, .finding = {f}};
			show_help(s, &q);
		} else if (dont_know(a)) {
			*st = NF_UNKNOWN;
			r = R_DONE;
		} else if (parse_single(s, f, a, v)) {
			*st = NF_ANSWERED;
			r = R_DONE;
		} else {
			r = not_an_answer(s, nf_kb_finding_question(kb, f), a);
		}
		free(line);
		if (r != R_AGAIN)
			return r;
	}
}

/* The bar: screens asked against those asked plus the engine's estimate of those left (this one
 * included), so that it fills as the interview really nears its end. */
static void progress(struct session *s)
{
	nf_progress p;
	nf_interview_progress(s->iv, &p);
	int fill = (int)(p.fraction * 20);
	printf("\n%s[", s->color ? "\033[2m" : "");
	for (int i = 0; i < 20; i++)
		putchar(i < fill ? '=' : ' ');
	printf("] question %zu of about %zu%s\n", p.screens + 1, p.screens + p.left, s->color ? "\033[0m" : "");
}

/* A warning sign below emergency answered yes is said at once, in its own words, not only in the
 * result: the runner who ticked "numbness not back hours later" saw nothing until the end, and one
 * who stops early should already know to be seen within 48 hours (an outside read). An emergency
 * sign ends the interview instead. */
static void noted_signs(struct session *s, const nf_question *q, const nf_answer_state *st, const nf_value *v)
{
	for (size_t i = 0; i < q->n; i++) {
		const char *says = NULL;
		int level = nf_kb_finding_red_flag(s->kb, q->finding[i], &says);
		if (level < 0 || level >= NF_EMERGENCY || st[i] != NF_ANSWERED || !says ||
		    nf_kb_finding_type(s->kb, q->finding[i]) != NF_BOOL || !v[i].b)
			continue;
		char buf[1024], words[1100];
		snprintf(words, sizeof words, "Warning sign noted: %s The next questions ask what would make it more urgent.",
			 nf_units_text(says, s->miles ? NF_UNITS_MI : NF_UNITS_KM, buf, sizeof buf));
		wputs(s, words);
	}
}

/* Runs the interview until the engine has nothing more to ask, a red flag calls for emergency
 * care, the runner types q (R_QUIT) or the input ends (R_EOF). Returns which of the last two
 * ended it, else R_DONE. */
static enum reply interview(struct session *s)
{
	nf_question q;
	enum reply end = R_DONE;
	/* A clinician answers for the runner: the history questions keep the runner's "you" (an outside
	 * read found them addressed to the patient under results that say "the runner"). */
	if (nf_engine_mode(s->e) == NF_MODE_CLINICIAN)
		wputs(s, "numbfoot asks about the runner's numbness or tingling on runs, then the examination and test "
			 "findings, and says what may be causing it, how urgently they need to be seen, and what to advise. "
			 "The history questions say \"you\" for the runner: answer as they told you. It informs; it does "
			 "not diagnose.\n"
			 "At any question: ? = don't know (not asked, not examined or not done), h = help, b = back, q = "
			 "stop and see the result.");
	else
		wputs(s, "numbfoot asks about the numbness or tingling in your feet when you run, then says what may be "
			 "causing it, how urgently to see someone, and what to do. It informs; it does not diagnose.\n"
			 "At any question: ? = don't know, h = help, b = back, q = stop and see the result.");
	while (nf_interview_next(s->iv, &q)) {
		progress(s);
		nf_answer_state st[NF_MAX_CHECKLIST] = {NF_UNASKED};
		nf_value v[NF_MAX_CHECKLIST];
		enum reply r = q.checklist >= 0 ? ask_checklist(s, &q, st, v) : ask_single(s, q.finding[0], st, v);
		if (r == R_QUIT || r == R_EOF) {
			/* Signs answered one by one (ask_each) before the runner stopped: the screen is
			 * not whole, so nf_interview_answer would refuse it, but what was said is kept in
			 * the result, not listed as not asked; a sign said yes above all. */
			for (size_t i = 0; i < q.n; i++) {
				if (st[i] == NF_ANSWERED)
					(void)nf_engine_answer(s->e, q.finding[i], &v[i], NULL);
				else if (st[i] == NF_UNKNOWN)
					nf_engine_unknown(s->e, q.finding[i]);
			}
		}
		if (r == R_QUIT || r == R_EOF || r == R_BAD) {
			end = r;
			break;
		}
		nf_error err;
		if (r == R_BACK && !nf_interview_back(s->iv))
			wputs(s, "This is the first question.");
		else if (r == R_DONE && nf_interview_answer(s->iv, st, v, &err) != NF_OK) {
			/* Answers that do not go together: asked again, or the end of a piped interview. */
			if (s->person) {
				fprintf(s->out, "%s\n", err.msg);
				continue;
			}
			snprintf(s->bad, sizeof s->bad, "standard input line %ld: the answer to '%.200s' was refused: %s",
				 s->line,
				 q.checklist >= 0 ? nf_kb_checklist_title(s->kb, (size_t)q.checklist)
						  : nf_kb_finding_question(s->kb, q.finding[0]),
				 err.msg);
			end = R_BAD;
			break;
		} else if (r == R_DONE && !nf_interview_stopped(s->iv)) {
			noted_signs(s, &q, st, v);
		}
	}
	if (end == R_BAD)
		return end;
	bool stopped = nf_interview_stopped(s->iv);
	if (stopped && s->color)
		wputs(s, "\n\033[1;97;41m  STOP RUNNING AND GET EMERGENCY CARE NOW  \033[0m");
	else if (stopped)
		wputs(s, "\n*** STOP RUNNING AND GET EMERGENCY CARE NOW ***");
	return end;
}

/* Shows each finding derived from the journal with its evidence and lets the runner keep it
 * (Enter), change it (a new answer) or withdraw it (?). With yes, keeps them all. */
static enum reply confirm_derived(struct session *s, const nf_analysis *an, bool yes)
{
	size_t n = nf_analysis_findings(an);
	if (!n) {
		wputs(s, "Your journal does not yet hold enough to answer any question for you.");
		return R_DONE;
	}
	fprintf(s->out, "From your journal (derived%s):\n", yes ? "; all kept" : "; Enter keeps an answer, or type a new one");
	for (size_t i = 0; i < n; i++) {
		const nf_derived *d = nf_analysis_finding(an, i);
		int f = nf_kb_finding_index(s->kb, d->id);
		nf_value v;
		if (f >= 0 && d->open) {
			printf("  %s: left open, the data do not settle it\n    (derived: %s)\n",
			       nf_kb_finding_means(s->kb, (size_t)f), cli_text(d->evidence));
			continue;
		}
		if (f < 0 || nf_engine_state(s->e, (size_t)f, &v) != NF_ANSWERED)
			continue;
		char ans[160];
		render_answer(s->kb, (size_t)f, &v, s->miles, ans, sizeof ans);
		fprintf(s->out, "  %s: %s\n    (derived: %s)\n", nf_kb_finding_means(s->kb, (size_t)f), ans, cli_text(d->evidence));
		s->derived[f] = true;
		if (yes)
			continue;
		for (;;) {
			char *line = read_answer(s, "  Keep it? [Enter keeps, or a new answer, ? for don't know]: ");
			if (!line)
				return R_EOF;
			char *a = trim(line);
			bool done = true;
			nf_value nv;
			if (unreadable(s)) {
				if (not_an_answer(s, nf_kb_finding_question(s->kb, (size_t)f), a) == R_BAD) {
					free(line);
					return R_BAD;
				}
				done = false;
			} else if (!*a)
				;
			else if (!strcmp(a, "q") || !strcmp(a, "quit")) {
				free(line);
				return R_QUIT;
			} else if (dont_know(a)) {
				nf_engine_unknown(s->e, (size_t)f);
				s->derived[f] = false;
			} else if (parse_single(s, (size_t)f, a, &nv)) {
				nf_engine_answer(s->e, (size_t)f, &nv, NULL);
				s->derived[f] = false;
			} else if (not_an_answer(s, nf_kb_finding_question(s->kb, (size_t)f), a) == R_BAD) {
				free(line);
				return R_BAD;
			} else {
				done = false;
			}
			free(line);
			if (done)
				break;
		}
	}
	return R_DONE;
}

/* One fault of an --answers case file, as eval prints them. */
static void print_case_fault(void *ctx, const char *msg)
{
	(void)ctx;
	cli_errorf("%s", msg);
}

/* Keeps the assessment in the journal: the answers (with which were derived), the result and
 * whether the interview ran to its end. */
static int save_assessment(struct session *s, nf_journal *j, int64_t now, const char *result, bool complete)
{
	nf_error err = {0};
	json_error_t jerr;
	json_t *res = json_loads(result, 0, &jerr), *ans = json_object(), *der = json_array();
	char when[24], *text = NULL;
	int rc = CLI_EXIT_FAIL;
	if (!res || !ans || !der)
		goto out;
	json_object_set(ans, "answers", json_object_get(res, "answers"));
	for (size_t f = 0; f < nf_kb_findings(s->kb); f++)
		if (s->derived[f])
			json_array_append_new(der, json_string(nf_kb_finding_id(s->kb, f)));
	json_object_set(ans, "derived", der);
	text = json_dumps(ans, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!text)
		goto out;
	nf_time_iso(now, when, sizeof when);
	if (nf_journal_add_assessment(j, when, text, result, complete, NULL, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CLI_EXIT_OK;
out:
	if (rc == CLI_EXIT_FAIL && !err.msg[0])
		cli_errorf("assess: out of memory saving the assessment");
	free(text);
	json_decref(res);
	json_decref(ans);
	json_decref(der);
	return rc;
}

static int run_assess(const struct cli_args *a)
{
	const char *answers = cli_opt(a, "answers");
	bool as_json = cli_flag(a, "json"), from_journal = cli_flag(a, "from-journal"), yes = cli_flag(a, "yes");
	bool save = !cli_flag(a, "no-save") && !answers;
	nf_mode mode = cli_flag(a, "clinician") ? NF_MODE_CLINICIAN : NF_MODE_RUNNER;
	int64_t now;
	if (a->npos) {
		cli_errorf("assess: unexpected argument '%s' (see 'numbfoot assess --help')", a->pos[0]);
		return CLI_EXIT_USAGE;
	}
	if (answers && from_journal) {
		cli_errorf("assess: --answers and --from-journal exclude each other");
		return CLI_EXIT_USAGE;
	}
	if (as_json && !answers && !(from_journal && yes)) {
		cli_errorf("assess: --json needs --answers FILE, or --from-journal --yes (the interview itself is for "
			   "people)");
		return CLI_EXIT_USAGE;
	}
	if (!cli_clock(a, &now))
		return CLI_EXIT_USAGE;
	nf_kb *kb;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	nf_error err;
	nf_case *cs = NULL;
	nf_journal *j = NULL;
	nf_analysis *an = NULL;
	char *text = NULL;
	struct session s = {.kb = kb, .out = cli_wrap_open(stdout), .tty = isatty(0) && isatty(1), .person = isatty(0),
			    .color = cli_use_color(stdout), .miles = cli_units_miles(), .child_age = -1};
	if (answers) {
		if (nf_case_load_file(kb, answers, &cs, &err) != NF_OK) {
			/* As eval does: every fault of the file, and exit 2 for each kind, a file that
			 * cannot be read included (docs/numbfoot.1, EXIT STATUS); only memory is 1. */
			if (err.code == NF_ENOMEM) {
				rc = cli_fail(&err);
				goto out;
			}
			nf_case_check_file(kb, answers, print_case_fault, NULL);
			rc = CLI_EXIT_USAGE;
			goto out;
		}
		if (!cli_flag(a, "clinician"))
			mode = nf_case_mode(cs);
	}
	if (nf_interview_new(kb, mode, &s.iv, &err) != NF_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	s.e = nf_interview_engine(s.iv);
	/* The JSON's words (and the saved result's) in the runner's unit; its numbers stay in km. */
	nf_engine_set_units(s.e, s.miles ? NF_UNITS_MI : NF_UNITS_KM);
	if (cs && nf_case_apply(cs, s.e, &err) != NF_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (from_journal &&
	    (rc = cli_journal_open_existing(a, &j, "nothing to answer from ('numbfoot assess' alone asks it all)")))
		goto out;
	if (from_journal) {
		if (nf_analyze_in(j, now, s.miles ? NF_UNITS_MI : NF_UNITS_KM, &an, &err) ||
		    nf_analysis_apply(an, s.e, NULL, &err)) {
			rc = cli_fail(&err);
			goto out;
		}
		enum reply r = as_json ? R_DONE : confirm_derived(&s, an, yes);
		if (r == R_BAD) {
			cli_errorf("assess: %s (nothing was saved)", s.bad);
			rc = CLI_EXIT_USAGE;
			goto out;
		}
		if (r != R_DONE)
			yes = true; /* q or end of input: keep what is derived */
		else if (as_json)
			for (size_t i = 0; i < nf_analysis_findings(an); i++) {
				int f = nf_kb_finding_index(kb, nf_analysis_finding(an, i)->id);
				if (f >= 0 && !nf_analysis_finding(an, i)->open)
					s.derived[f] = true;
			}
	}
	enum reply end = R_DONE;
	if (!cs && !(from_journal && as_json))
		end = interview(&s);
	if (end == R_BAD) {
		cli_errorf("assess: %s (nothing was saved)", s.bad);
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	bool complete = nf_interview_complete(s.iv);
	text = nf_engine_result_json(s.e);
	if (!text) {
		cli_errorf("assess: out of memory");
		rc = CLI_EXIT_FAIL;
		goto out;
	}
	size_t given = nf_engine_given(s.e);
	if (as_json && !given) {
		/* A script reading the level must not read the priors' self-care as someone's result. */
		cli_errorf("assess: no finding is answered, so there is nothing to assess (nothing was saved)");
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	if (as_json) {
		puts(text); /* JSON is for programs: never wrapped */
	} else if (!given) {
		/* Priors alone are no assessment of this person: say so rather than rank causes. */
		wputs(&s, "\nYou stopped before answering any question, so there is nothing to assess yet. Run "
		     "'numbfoot assess' again when you are ready.\nIf you have sudden weakness, a cold pale foot, "
		     "numbness between the legs or trouble passing urine, get emergency care now.");
	} else {
		/* A case file answers what it answers; only an interview can stop before its end. */
		if (!complete && !cs)
			fprintf(s.out, "\n%s before the last question: what follows comes from the answers so far.\n",
			       end == R_EOF ? "The input ended" : "You stopped");
		render_result(s.out, s.iv, s.color, s.miles);
		if (an && nf_analysis_advice(an)) {
			fprintf(s.out, "\n%sFrom your journal%s\n", s.color ? "\033[1m" : "", s.color ? "\033[0m" : "");
			for (size_t i = 0; i < nf_analysis_advice(an); i++)
				fprintf(s.out, "  - %s\n", cli_text(nf_analysis_advice_text(an, i)));
		}
	}
	/* An interview ended before any answer (end of input at the first question) is not an
	 * assessment worth keeping. */
	save = save && given > 0;
	if (save && !j && (rc = cli_journal_open(a, &j)))
		goto out;
	if (save && (rc = save_assessment(&s, j, now, text, complete)))
		goto out;
	if (save && !as_json && complete)
		wputs(&s, "\nThis assessment is kept in your journal (numbfoot report puts it in a report).");
	else if (save && !as_json)
		wputs(&s, "\nThis assessment is kept in your journal marked not finished: numbfoot report uses the latest "
		     "finished one ('numbfoot assessment list' shows them all).");
	rc = CLI_EXIT_OK;
out:
	cli_wrap_close(s.out, stdout);
	free(text);
	nf_analysis_free(an);
	nf_journal_close(j);
	nf_interview_free(s.iv);
	nf_case_free(cs);
	nf_kb_free(kb);
	return rc;
}

static const struct cli_option assess_options[] = {
	{"answers", "FILE", "take the answers from a case file instead of asking"},
	{"json", NULL, "print the result as JSON (with --answers; schema in docs/result-schema.md)"},
	{"clinician", NULL, "clinician mode: also ask examination and test findings"},
	{"kb", "FILE", "use this knowledge base instead of the built-in one"},
	{"from-journal", NULL, "answer what the journal shows first (see 'numbfoot analyze')"},
	{"yes", NULL, "with --from-journal: keep every derived answer without asking"},
	{"no-save", NULL, "do not keep this assessment in the journal"},
	{"db", "PATH", "use the journal at PATH instead of the default"},
	{"now", "TIME", "the clock for the journal's analysis (runs after it are left out) and the saved time (YYYY-MM-DD...)"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_assess = {
	.name = "assess",
	.args = "",
	.summary = "the assessment: questions, likely causes, triage, plan",
	.description =
		"Asks about the numbness or tingling, warning signs first, then always the question that "
		"tells most at that point, and stops when no further answer is likely to change the leading "
		"cause or the advice. It then shows the likely causes with their probabilities and the answers "
		"that moved each, how urgently to see someone and whom, and a self-care plan.\n\n"
		"Answer by number or key: y or n, the numbers of the choices (or the start of a choice's name, "
		"m for male, the name and more words, both feet mostly, or a word of it, ball for the ball of "
		"the foot; names separated by commas where all that apply are asked), a number for ages and "
		"distances (in your unit; add km, m or mi to say which, as for 'run add'; a range such as 800-900 is taken at its "
		"middle; a number past what a person can have, such as an age over 120, is asked again with its "
		"limits; an age under 12 is said back and kept when typed again, as the figures come from teenagers "
		"and adults). On a list of questions, the numbers of those that apply answer yes and the others no; "
		"a ? after the numbers (1 3 ?) leaves the others not known (on the warning signs, each is then asked "
		"on its own); test results are asked one by one (y abnormal, n normal, ? not done), as a test not "
		"done is not a normal one. ? (or not sure) means don't know, h shows help on the question, b goes back one "
		"question to change its answer, q stops and shows the result so far. A blank line "
		"answers nothing and the question is asked again: on the warning signs above all, Enter alone "
		"never means none of them (type 0). So is a number typed twice (1 1), a number past the "
		"items on show (the message gives their range), and a line that is not readable text (bytes "
		"that are not UTF-8) or, on a terminal, holds characters past plain ASCII (the line editor "
		"would leave them out, and no answer uses them).\n\n"
		"Without a terminal, answers are read a line each from standard input, and a line that answers "
		"nothing (a blank line, a typo, a number past its limits) is not asked again, since the next "
		"line would then answer the question before the one it was meant for: it is an error naming "
		"the line, the question and what the question takes; the exit status is 2 and nothing is kept. "
		"The end of the input before the last question is taken as on a terminal (see below).\n\n"
		"With --answers FILE the answers come from a case file (the format is in docs/cases.md) and the "
		"result is printed at once, as text or with --json as JSON. A faulty case file is refused "
		"with every fault named (file, line and key), as 'numbfoot eval' names them, exit status 2, "
		"and so is one that cannot be read. With --json, answers that answer nothing at all (no "
		"finding, not even a don't know) are refused too (exit status 2, no result printed): the "
		"causes' commonness alone is no one's assessment.\n\n"
		"With --from-journal the answers the journal can give (see 'numbfoot analyze') are filled in "
		"first and shown with their evidence, one line each: Enter keeps an answer, or type a new one "
		"(--yes keeps them all). Only what is still unknown is then asked, and the plan speaks to your "
		"data: worn shoes by name, your cadence, the lacing of the pair it happens in. With --from-journal "
		"--yes, --json prints the result at once.\n\n"
		"Every interview's result is kept in the journal (for 'numbfoot report'); --no-save skips "
		"that. Results of --answers case files are not kept. An interview that ends before its last "
		"question (q, or the end of the input, such as Ctrl-D) shows the result of the answers so far "
		"(warning signs answered one by one after 'not sure' included, though the screen was left "
		"unfinished) and is kept marked not finished: 'numbfoot report' heads with the latest finished assessment, and "
		"'numbfoot assessment list' shows them all.\n\n"
		"Distances are shown in kilometres or miles as set by 'units = km' or 'units = mi' in "
		"$XDG_CONFIG_HOME/numbfoot/config, else by the locale.",
	.options = assess_options,
	.run = run_assess,
};
