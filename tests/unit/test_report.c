/* The report writers: every format from an empty and a filled journal, the same bytes for the
 * same journal and clock, the saved assessment preferred over a fresh one, clean errors. */
#include "test_analyze_util.h"

#include <jansson.h>

#include "numbfoot/kb.h"
#include "numbfoot/report.h"
#include "numbfoot/version.h"
#include "report_test.h"

#define NOW (TA_T0 + 60 * TA_DAY)

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *b = malloc((size_t)len + 1);
	assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
	b[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return b;
}

static const char *out_path(const char *name)
{
	static char p[600];
	tj_path("dummy");
	snprintf(p, sizeof p, "%s/%s", tj_dir, name);
	return p;
}

static void fill(nf_journal *j)
{
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 700);
	for (int i = 0; i < 20; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .cadence = 150 + i % 3,
				  .onset_km = i % 2 ? 6.5 + 0.1 * (i % 3) : 0, .sev = 3, .recover = 5, .loosen = 1));
}

static void write_ok(nf_journal *j, nf_report_format fmt, const char *path)
{
	nf_report_options o = {.now = NOW, .format = fmt};
	nf_error err = {0};
	nf_err rc = nf_report_write(j, kb, &o, path, &err);
	if (rc)
		fprintf(stderr, "report: %s\n", err.msg);
	assert_int_equal(rc, NF_OK);
}

static void format_from_name(void **state)
{
	(void)state;
	assert_int_equal(nf_report_format_for("a.pdf"), NF_REPORT_PDF);
	assert_int_equal(nf_report_format_for("a.PDF"), NF_REPORT_PDF);
	assert_int_equal(nf_report_format_for("x/a.html"), NF_REPORT_HTML);
	assert_int_equal(nf_report_format_for("a.htm"), NF_REPORT_HTML);
	assert_int_equal(nf_report_format_for("a.png"), NF_REPORT_PNG);
	assert_int_equal(nf_report_format_for("a.svg"), NF_REPORT_SVG);
	assert_int_equal(nf_report_format_for("a.txt"), -1);
	assert_int_equal(nf_report_format_for(".pdf"), -1);
	assert_int_equal(nf_report_format_for(NULL), -1);
}

static void empty_journal_every_format(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("empty"));
	size_t n;
	write_ok(j, NF_REPORT_PDF, out_path("e.pdf"));
	char *b = slurp(out_path("e.pdf"), &n);
	assert_true(n > 1000 && !memcmp(b, "%PDF-", 5));
	free(b);
	write_ok(j, NF_REPORT_HTML, out_path("e.html"));
	b = slurp(out_path("e.html"), &n);
	assert_non_null(strstr(b, "This is not a diagnosis"));
	assert_non_null(strstr(b, "made now from the journal"));
	assert_non_null(strstr(b, "GPS tracks are left out"));
	assert_non_null(strstr(b, "No episodes are logged yet"));
	char footer[64];
	snprintf(footer, sizeof footer, "<footer><p>numbfoot %s report, ", nf_version());
	assert_non_null(strstr(b, footer));
	free(b);
	write_ok(j, NF_REPORT_PNG, out_path("e.png"));
	b = slurp(out_path("e.png"), &n);
	assert_true(!memcmp(b, "\x89PNG", 4));
	free(b);
	write_ok(j, NF_REPORT_SVG, out_path("e.svg"));
	b = slurp(out_path("e.svg"), &n);
	assert_non_null(strstr(b, "<svg"));
	free(b);
	nf_journal_close(j);
}

static void filled_journal_html(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("filled"));
	fill(j);
	size_t n;
	write_ok(j, NF_REPORT_HTML, out_path("f.html"));
	char *b = slurp(out_path("f.html"), &n);
	int svgs = 0;
	for (const char *p = b; (p = strstr(p, "<svg")); p++)
		svgs++;
	assert_int_equal(svgs, 5);
	assert_null(strstr(b, "<?xml"));
	assert_non_null(strstr(b, "from the journal"));
	assert_non_null(strstr(b, "Replace the shoes 'red'"));
	assert_non_null(strstr(b, "raise it by 5 to 10 percent"));
	assert_non_null(strstr(b, "<table>"));
	/* each figure's ids are its own */
	assert_non_null(strstr(b, "id=\"f0-"));
	assert_non_null(strstr(b, "id=\"f4-"));
	free(b);
	nf_journal_close(j);
}

static void same_journal_same_bytes(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("det"));
	fill(j);
	const nf_report_format f[] = {NF_REPORT_PDF, NF_REPORT_HTML, NF_REPORT_PNG};
	const char *a[] = {"d1.pdf", "d1.html", "d1.png"}, *c[] = {"d2.pdf", "d2.html", "d2.png"};
	for (int i = 0; i < 3; i++) {
		char pa[600];
		snprintf(pa, sizeof pa, "%s", out_path(a[i]));
		write_ok(j, f[i], pa);
		write_ok(j, f[i], out_path(c[i]));
		size_t n1, n2;
		char *b1 = slurp(pa, &n1), *b2 = slurp(out_path(c[i]), &n2);
		assert_int_equal(n1, n2);
		assert_memory_equal(b1, b2, n1);
		free(b1);
		free(b2);
	}
	nf_journal_close(j);
}

/* Writes the HTML report of j to NAME in the test folder and returns its text (free() it). */
static char *html_of(nf_journal *j, const char *name)
{
	size_t n;
	write_ok(j, NF_REPORT_HTML, out_path(name));
	return slurp(out_path(name), &n);
}

/* A saved result with this triage text and leading cause, as the tests below need one. */
static void add_saved(nf_journal *j, const char *time, const char *words, const char *cause, bool complete)
{
	char result[512];
	snprintf(result, sizeof result,
		 "{\"triage\": {\"level\": \"routine\", \"words\": \"%s\"}, \"ranking\": [{\"id\": \"cecs\","
		 " \"name\": \"%s\", \"probability\": 0.7, \"reasons\": []}], \"plan\": [], \"see\": [\"gp\"],"
		 " \"answers\": {}}",
		 words, cause);
	nf_error err = {0};
	assert_int_equal(nf_journal_add_assessment(j, time, "{\"answers\": {}, \"derived\": []}", result, complete,
						   NULL, &err),
			 NF_OK);
}

static void saved_assessment_is_used(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("saved"));
	add_saved(j, "2026-02-01T10:00:00Z", "Urgent: a saved test result.", "A saved cause", true);
	char *b = html_of(j, "s.html");
	assert_non_null(strstr(b, "Urgent: a saved test result."));
	assert_non_null(strstr(b, "complete (the interview ran to its end), 2026-02-01 10:00 UTC"));
	assert_non_null(strstr(b, "A saved cause"));
	assert_null(strstr(b, "was not finished"));
	free(b);
	nf_journal_close(j);
}

/* An assessment whose interview was cut short never heads the report: the latest complete one
 * does, and the report says that the newer one was not finished. In both writers. */
static void unfinished_is_not_the_headline(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("unfinished"));
	add_saved(j, "2026-02-01T10:00:00Z", "Finished words.", "The finished cause", true);
	add_saved(j, "2026-03-01T10:00:00Z", "Unfinished words.", "The unfinished cause", false);
	char *b = html_of(j, "u.html");
	assert_non_null(strstr(b, "Finished words."));
	assert_non_null(strstr(b, "The finished cause"));
	assert_null(strstr(b, "Unfinished words."));
	assert_null(strstr(b, "The unfinished cause"));
	assert_non_null(strstr(b, "complete (the interview ran to its end), 2026-02-01 10:00 UTC"));
	assert_non_null(strstr(b, "The last assessment (2026-03-01 10:00 UTC) was not finished"));
	assert_non_null(strstr(b, "uses the latest finished one"));
	free(b);

	/* A newer complete one heads it again, and there is nothing to say. */
	add_saved(j, "2026-04-01T10:00:00Z", "Newest words.", "The newest cause", true);
	b = html_of(j, "u2.html");
	assert_non_null(strstr(b, "Newest words."));
	assert_null(strstr(b, "was not finished"));
	free(b);
	nf_journal_close(j);

	/* Only unfinished ones: the report is made from the journal alone, and says why. */
	j = tj_open(tj_path("unfinished-only"));
	add_saved(j, "2026-03-01T10:00:00Z", "Unfinished words.", "The unfinished cause", false);
	b = html_of(j, "u3.html");
	assert_null(strstr(b, "Unfinished words."));
	assert_non_null(strstr(b, "no finished assessment saved yet"));
	assert_non_null(strstr(b, "uses one made now from the journal"));
	free(b);
	write_ok(j, NF_REPORT_PDF, out_path("u3.pdf"));
	nf_journal_close(j);
}

static void unwritable_path(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("unw"));
	nf_report_options o = {.now = NOW, .format = NF_REPORT_PDF};
	nf_error err = {0};
	assert_int_equal(nf_report_write(j, kb, &o, "/nonexistent-dir/x.pdf", &err), NF_EIO);
	assert_non_null(strstr(err.msg, "/nonexistent-dir/x.pdf"));
	/* The system's reason, not only "cannot write". */
	assert_non_null(strstr(err.msg, "No such file or directory"));
	o.format = NF_REPORT_HTML;
	assert_int_equal(nf_report_write(j, kb, &o, "/nonexistent-dir/x.html", &err), NF_EIO);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	o.format = NF_REPORT_PNG;
	assert_int_equal(nf_report_write(j, kb, &o, "/nonexistent-dir/x.png", &err), NF_EIO);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	o.format = NF_REPORT_SVG;
	assert_int_equal(nf_report_write(j, kb, &o, "/nonexistent-dir/x.svg", &err), NF_EIO);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	nf_journal_close(j);
}

/* The HTML report of a new journal called name holding one finished assessment with this result;
 * the caller frees it. */
static char *report_of_saved(const char *name, const char *result)
{
	nf_journal *j = tj_open(tj_path(name));
	nf_error err = {0};
	char file[64];
	assert_int_equal(nf_journal_add_assessment(j, "2026-02-01T10:00:00Z", "{\"answers\": {}, \"derived\": []}", result,
						   true, NULL, &err),
			 NF_OK);
	snprintf(file, sizeof file, "%s.html", name);
	write_ok(j, NF_REPORT_HTML, out_path(file));
	nf_journal_close(j);
	size_t n;
	return slurp(out_path(file), &n);
}

/* The line of an HTML text that contains what, as a new string. */
static char *line_with(const char *text, const char *what)
{
	const char *at = strstr(text, what);
	assert_non_null(at);
	const char *a = at, *b = at;
	while (a > text && a[-1] != '\n' && strncmp(a, "<li>", 4))
		a--;
	while (*b && *b != '\n' && strncmp(b, "</li>", 5))
		b++;
	return strndup(a, (size_t)(b - a));
}

static void estimated_reasons_are_marked(void **state)
{
	(void)state;
	/* One reason says it is measured, one estimate, one derived, and three come from a result saved
	 * before reasons carried their kind: the knowledge base's kind is used (onset_consistent under
	 * cecs is an estimate; under iliac_endofibrosis, cyclist is measured and side derived). */
	const char *result =
		"{\"triage\": {\"level\": \"routine\", \"words\": \"Routine.\"}, \"ranking\": ["
		"{\"id\": \"cecs\", \"name\": \"Cause one\", \"probability\": 0.6, \"reasons\": ["
		"{\"finding\": \"worse_with_pace\", \"answer\": true, \"weight\": 1.2, \"evidence\": \"measured\"},"
		"{\"finding\": \"calf_cramp\", \"answer\": true, \"weight\": 0.9, \"evidence\": \"estimate\"},"
		"{\"finding\": \"onset_consistent\", \"answer\": true, \"weight\": 0.7}]},"
		"{\"id\": \"iliac_endofibrosis\", \"name\": \"Cause two\", \"probability\": 0.3, \"reasons\": ["
		"{\"finding\": \"cyclist\", \"answer\": true, \"weight\": 0.5},"
		"{\"finding\": \"side\", \"answer\": \"one\", \"weight\": 0.4},"
		"{\"finding\": \"leg_tightness\", \"answer\": true, \"weight\": 0.3, \"evidence\": \"derived\"}]}],"
		" \"plan\": [], \"see\": [\"gp\"], \"answers\": {}}";
	char *b = report_of_saved("marks", result);
	const char *ids[] = {"worse_with_pace", "calf_cramp", "onset_consistent", "cyclist", "side", "leg_tightness"};
	const char *est = "<span class=\"ev-estimate\">estimate</span>", *der = "<span class=\"ev-derived\">derived</span>";
	const char *tag[] = {NULL, est, est, NULL, der, der};
	for (int i = 0; i < 6; i++) {
		int f = nf_kb_finding_index(kb, ids[i]);
		assert_true(f >= 0);
		char *li = line_with(b, nf_kb_finding_means(kb, (size_t)f));
		if (tag[i] ? !strstr(li, tag[i]) : strstr(li, "<span class=\"ev-") != NULL)
			fail_msg("reason %d: want %s in %s", i, tag[i] ? tag[i] : "no mark", li);
		free(li);
	}
	assert_non_null(strstr(b, "<p class=\"legend\">"));
	free(b);
}

/* Page one tells the pattern in one sentence from the answers, before the table of them (a reader
 * of the report as a doctor: no one-paragraph story); only what is known, and a distance in the
 * runner's unit. */
static void pattern_in_one_sentence(void **state)
{
	(void)state;
	const char *result = "{\"triage\": {\"level\": \"routine\", \"words\": \"Routine.\"}, \"ranking\": [], "
			     "\"plan\": [], \"see\": [\"gp\"], \"answers\": {\"weeks_since_onset\": 12, \"onset_km\": 8, "
			     "\"onset_consistent\": true, \"resolve_minutes\": 1, \"at_rest\": false, \"progressive\": null}}";
	char *b = report_of_saved("pattern", result);
	const char *want = "For 12 weeks; starts at about 8 km, at the same point on every run; back to normal 1 minute "
			   "after stopping; not there at rest";
	if (!strstr(b, want))
		fail_msg("no '%s' in the report", want);
	assert_null(strstr(b, "not there at rest; ")); /* progressive null: not known, not said */
	free(b);
	b = report_of_saved("none", "{\"triage\": {\"level\": \"routine\", \"words\": \"Routine.\"}, \"ranking\": [], "
				    "\"plan\": [], \"see\": [\"gp\"], \"answers\": {\"age\": 40}}");
	assert_non_null(strstr(b, "not given (how long, when on a run it starts and how it settles were not answered)"));
	free(b);
}

/* A level set by an escalation rule is told by the rule's answers, as the result gives them. */
static void rule_answers_are_the_reason(void **state)
{
	(void)state;
	const char *result =
		"{\"triage\": {\"level\": \"emergency\", \"words\": \"Emergency.\", \"rule\": [\"not_settled_hours\", "
		"\"leg_tightness\"]}, \"ranking\": [{\"id\": \"cecs\", \"name\": \"Cause one\", \"probability\": 0.9, "
		"\"reasons\": []}], \"plan\": [], \"see\": [\"emergency_department\"], \"answers\": "
		"{\"not_settled_hours\": true, \"leg_tightness\": true}}";
	char *b = report_of_saved("rule", result);
	assert_non_null(strstr(b, "<li><b>Cause one</b> (90%)")); /* a cause's own rule: percentages stay */
	char want[512];
	snprintf(want, sizeof want, "Set by a rule on these answers: %s: yes; %s: yes.",
		 nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "not_settled_hours")),
		 nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "leg_tightness")));
	if (!strstr(b, want))
		fail_msg("no '%s' in the report", want);
	free(b);
	/* A rule for every cause gives the level whatever the ranking says: no percentages under it. */
	const char *every =
		"{\"triage\": {\"level\": \"emergency\", \"words\": \"Emergency.\", \"rule\": [\"not_settled_hours\", "
		"\"leg_tightness\"], \"rule_every_cause\": true}, \"ranking\": [{\"id\": \"cecs\", \"name\": \"Cause one\", "
		"\"probability\": 0.9, \"reasons\": []}, {\"id\": \"paes\", \"name\": \"Cause two\", \"probability\": 0.05, "
		"\"reasons\": []}, {\"id\": \"pad\", \"name\": \"Cause three\", \"probability\": 0.03, \"reasons\": []}, "
		"{\"id\": \"raynauds\", \"name\": \"Cause four\", \"probability\": 0.02, \"reasons\": []}], \"plan\": [], "
		"\"see\": [\"emergency_department\"], \"answers\": {\"not_settled_hours\": true, \"leg_tightness\": true}}";
	b = report_of_saved("every", every);
	assert_non_null(strstr(b, "with no percentages: the advice above follows from the answers"));
	assert_non_null(strstr(b, "<li><b>Cause one</b>\n"));
	assert_non_null(strstr(b, "Also possible: Cause four. "));
	assert_null(strstr(b, "(90%)"));
	assert_null(strstr(b, "(2%)"));
	assert_null(strstr(b, "class=\"bar\""));
	free(b);
	/* The engine's word wins where the result gives it (nf_engine_percentages); the results above
	 * were saved before it did. */
	char said[1024];
	snprintf(said, sizeof said, "{\"triage\": {\"percentages\": false, %s", result + strlen("{\"triage\": {"));
	b = report_of_saved("said", said);
	assert_non_null(strstr(b, "with no percentages: the advice above follows from the answers"));
	assert_null(strstr(b, "(90%)"));
	free(b);
	snprintf(said, sizeof said, "{\"triage\": {\"percentages\": true, %s", every + strlen("{\"triage\": {"));
	b = report_of_saved("said", said);
	assert_non_null(strstr(b, "<li><b>Cause one</b> (90%)"));
	assert_null(strstr(b, "with no percentages"));
	free(b);
	/* Without the rule, no such line. */
	b = report_of_saved("norule", "{\"triage\": {\"level\": \"routine\", \"words\": \"Routine.\"}, \"ranking\": [], "
				      "\"plan\": [], \"see\": [\"gp\"], \"answers\": {}}");
	assert_null(strstr(b, "Set by a rule"));
	assert_null(strstr(b, "Why this level"));
	free(b);
	/* A level the causes' chance set is told in the engine's words (triage.chance_words), after the
	 * rule's answers when a rule for a cause set it: the page and the terminal say it, and the
	 * report said nothing of why an emergency stood over a list led by sciatica. */
	b = report_of_saved("chance", "{\"triage\": {\"level\": \"emergency\", \"words\": \"Emergency.\", \"chance_words\": "
				      "\"the chance of a cause that needs at least this level of care is 3.3%\"}, \"ranking\": [], "
				      "\"plan\": [], \"see\": [\"emergency_department\"], \"answers\": {}}");
	assert_non_null(strstr(b, "Why this level: the chance of a cause that needs at least this level of care is 3.3%."));
	free(b);
	snprintf(said, sizeof said, "{\"triage\": {\"chance_words\": \"the chance is 96%%\", %s", result + strlen("{\"triage\": {"));
	b = report_of_saved("rulechance", said);
	assert_non_null(strstr(b, ": yes; with them, the chance is 96%."));
	free(b);
}

/* A warning sign that set the level is said to have set it, and the causes under it keep their
 * order without percentages or bars (a laces cause at >99% would read as the sign's answer); one
 * the other answers overtook is said so, so that its own timing is not read as the level, and the
 * causes that set the level keep their percentages. */
static void overtaken_warning_sign(void **state)
{
	(void)state;
	const char *fmt = "{\"triage\": {\"level\": \"%s\", \"words\": \"Words.\", \"red_flag\": {\"finding\": "
			  "\"calf_swelling_one_side\", \"level\": \"urgent\", \"says\": \"Be seen today.\"}}, "
			  "\"ranking\": [{\"id\": \"shoe_compression\", \"name\": \"Cause one\", \"probability\": 0.995, "
			  "\"reasons\": []}], \"plan\": [{\"id\": \"shoe_compression\", \"name\": \"Cause one\", "
			  "\"probability\": 0.995, \"steps\": []}], \"see\": [\"gp\"], \"answers\": {}}";
	char result[1024];
	snprintf(result, sizeof result, fmt, "urgent");
	char *b = report_of_saved("set", result);
	assert_non_null(strstr(b, "Set by a warning sign: Be seen today."));
	assert_non_null(strstr(b, "with no percentages: the warning sign above comes first"));
	assert_non_null(strstr(b, "<li><b>Cause one</b>\n"));
	assert_non_null(strstr(b, "If it is Cause one:"));
	assert_null(strstr(b, "&gt;99%"));
	assert_null(strstr(b, "class=\"bar\""));
	free(b);
	snprintf(result, sizeof result, fmt, "emergency");
	b = report_of_saved("overtaken", result);
	assert_null(strstr(b, "Set by a warning sign"));
	assert_non_null(strstr(b, "the other answers set the level above): Be seen today."));
	assert_non_null(strstr(b, "<li><b>Cause one</b> (&gt;99%)"));
	assert_non_null(strstr(b, "If it is Cause one (&gt;99%):"));
	assert_null(strstr(b, "with no percentages"));
	free(b);
	/* A result of this version says what the sign is, without its own timing. */
	const char *now = "{\"triage\": {\"level\": \"emergency\", \"words\": \"Words.\", \"red_flag\": {\"finding\": "
			  "\"calf_swelling_one_side\", \"level\": \"urgent\", \"says\": \"Be seen today.\", \"overtaken\": "
			  "\"Warning sign answered yes: one calf swollen.\"}}, \"ranking\": [], \"plan\": [], \"see\": [\"gp\"], "
			  "\"answers\": {}}";
	b = report_of_saved("overtaken-now", now);
	assert_non_null(strstr(b, "Warning sign answered yes: one calf swollen."));
	assert_null(strstr(b, "Be seen today."));
	free(b);
}

/* The questions without an answer are named, so that a doctor tells "no" from "not asked"; a
 * warning sign is not among them (it has its own list), nor an examination finding in runner mode. */
static void not_asked_is_named(void **state)
{
	(void)state;
	char *b = report_of_saved("notasked", "{\"mode\": \"runner\", \"triage\": {\"level\": \"self_care\", \"words\": "
					      "\"Self-care.\"}, \"ranking\": [], \"plan\": [], \"see\": [], \"answers\": "
					      "{\"diabetes\": false, \"age\": 40}}");
	const char *at = strstr(b, "Not asked:");
	assert_non_null(at);
	const char *smokes = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "smoker"));
	const char *diabetes = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "diabetes"));
	const char *saddle = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "saddle_numbness"));
	const char *slr = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "exam_slr"));
	const char *legend = strstr(at, "class=\"legend\""), *end = legend ? strstr(legend, "</p>") : NULL;
	assert_non_null(end);
	char *list = strndup(at, (size_t)(end - at));
	if (!strstr(list, smokes))
		fail_msg("'%s' is not in the not-asked list", smokes);
	assert_null(strstr(list, diabetes));
	assert_null(strstr(list, saddle));
	assert_null(strstr(list, slr));
	free(list);
	free(b);
}

/* An assessment saved before the journal could answer the training questions: the report gives
 * them as the analysis derives them (the weeks before the first episode; the weeks that have runs),
 * not the last 4 weeks' figures, and not under "Not asked". */
static void training_answers_from_the_analysis(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("jump"));
	for (int i = 0; i <= 56; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = i < 44 ? 5 : 10, .onset_km = i >= 46 && i % 4 == 2 ? 6 : 0));
	nf_error err = {0};
	assert_int_equal(nf_journal_add_assessment(j, "2026-02-01T10:00:00Z", "{\"answers\": {}, \"derived\": []}",
						   "{\"mode\": \"runner\", \"triage\": {\"level\": \"self_care\", \"words\": "
						   "\"Self-care.\"}, \"ranking\": [], \"plan\": [], \"see\": [], \"answers\": "
						   "{\"age\": 40}}",
						   true, NULL, &err),
			 NF_OK);
	write_ok(j, NF_REPORT_HTML, out_path("jump.html"));
	nf_journal_close(j);
	size_t n;
	char *b = slurp(out_path("jump.html"), &n);
	const char *held = strstr(b, "Not asked, as the journal shows it:");
	assert_non_null(held);
	/* the heading's paragraph, then the list's */
	const char *end = strstr(held, "</p>");
	assert_non_null(end);
	end = strstr(end + 4, "</p>");
	assert_non_null(end);
	char *list = strndup(held, (size_t)(end - held));
	const char *inc = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "training_increase"));
	const char *wk = nf_kb_finding_means(kb, (size_t)nf_kb_finding_index(kb, "weekly_km"));
	char want[512];
	snprintf(want, sizeof want, "%s: yes (weekly distance rose before the first episode (2026-02-16)", inc);
	if (!strstr(list, want))
		fail_msg("'%s' not in: %s", want, list);
	snprintf(want, sizeof want, "%s: ", wk);
	assert_non_null(strstr(list, want));
	assert_non_null(strstr(list, "weeks with runs from"));
	assert_null(strstr(list, "over the last 4 weeks"));
	assert_null(strstr(list, "from the 4 weeks before to the last 4"));
	const char *notasked = strstr(b, "Not asked:");
	if (notasked && notasked < held) {
		char *na = strndup(notasked, (size_t)(held - notasked));
		assert_null(strstr(na, inc));
		free(na);
	}
	free(list);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_from_name),
		cmocka_unit_test(empty_journal_every_format),
		cmocka_unit_test(filled_journal_html),
		cmocka_unit_test(same_journal_same_bytes),
		cmocka_unit_test(saved_assessment_is_used),
		cmocka_unit_test(pattern_in_one_sentence), cmocka_unit_test(rule_answers_are_the_reason),
		cmocka_unit_test(not_asked_is_named),
		cmocka_unit_test(training_answers_from_the_analysis),
		cmocka_unit_test(overtaken_warning_sign),
		cmocka_unit_test(estimated_reasons_are_marked),
		cmocka_unit_test(unfinished_is_not_the_headline),
		cmocka_unit_test(unwritable_path),
	};
	return cmocka_run_group_tests_name("report", tests, kb_shipped_setup, teardown);
}
