/* numbfoot import: a saved assessment exported by the static site (site/store.js), read into the
 * journal. The file's answers are assessed again by this machine's engine, so that every result in
 * the journal comes from the knowledge base here, and they pass the case reader's rules on the way.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "import_assessment.h"
#include "numbfoot/case.h"
#include "numbfoot/date.h"
#include "numbfoot/interview.h"
#include "numbfoot/text.h"

#define SAVED_MAX_BYTES (1 << 20) /* the site writes a few kilobytes */

/* The line of the first "key" in text at or after from, for a message about that key: jansson
 * keeps no positions of values, and the keys of a saved assessment are unique where they matter. */
static int key_line(const char *text, const char *from, const char *key)
{
	char quoted[160];
	snprintf(quoted, sizeof quoted, "\"%s\"", key);
	const char *at = strstr(from ? from : text, quoted);
	int line = 1;
	for (const char *p = text; at && p < at; p++)
		line += *p == '\n';
	return line;
}

/* A fault at key ("time", or "answers.age" and "answers.location[1]", placed at the finding's own
 * key after "answers"). */
static nf_err fault(nf_error *err, const char *path, const char *text, const char *key, const char *msg)
{
	char finding[128];
	int line;
	if (!strncmp(key, "answers.", 8)) {
		snprintf(finding, sizeof finding, "%.*s", (int)strcspn(key + 8, "["), key + 8);
		line = key_line(text, strstr(text, "\"answers\""), finding);
	} else {
		line = key_line(text, NULL, key);
	}
	return nf_error_set(err, NF_EPARSE, "%s:%d: %s: %s", path, line, key, msg);
}

/* The journal already holds an assessment with this time and these answers. */
static nf_err find_same(nf_journal *j, const char *time, json_t *answers, int64_t *id, nf_error *err)
{
	nf_assessment *list = NULL;
	size_t n = 0;
	nf_err rc = nf_journal_list_assessments(j, &list, &n, err);
	for (size_t i = 0; !rc && i < n; i++) {
		json_t *kept = strcmp(list[i].time, time) ? NULL : json_loads(list[i].answers, 0, NULL);
		bool same = kept && json_equal(json_object_get(kept, "answers"), answers);
		json_decref(kept);
		if (same) {
			*id = list[i].id;
			rc = NF_EEXIST;
		}
	}
	nf_assessment_list_free(list, n);
	return rc;
}

/* The engine's result for the file's answers, mode and screens asked, and in *complete whether
 * an interview with these answers would ask nothing more (nf_interview_complete); NULL with err
 * set. */
static char *assess(const char *path, const char *text, json_t *answers, const char *mode,
		    json_int_t questions, bool *complete, nf_error *err)
{
	nf_kb *kb = NULL;
	nf_case *cs = NULL;
	nf_interview *iv = NULL;
	char *result = NULL, *case_text = NULL;
	/* A case of these answers, its expectation left open (nothing is graded). */
	json_t *o = json_pack("{s:s, s:s, s:s, s:O, s:{s:n, s:[], s:s}}", "id", "saved", "source", "the site",
			      "mode", mode, "answers", answers, "expected", "condition", "acceptable", "triage",
			      "self_care");
	if (!o || !(case_text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		nf_error_set(err, NF_ENOMEM, "out of memory");
		goto out;
	}
	if (cli_load_kb(NULL, &kb)) {
		nf_error_set(err, NF_EPARSE, "%s: the knowledge base could not be loaded", path);
		goto out;
	}
	if (nf_case_load(kb, case_text, "saved", &cs, err) != NF_OK) {
		/* The case reader's "saved:LINE: KEY: message" places the key in the text made above:
		 * place it in the file instead. */
		char key[128], msg[NF_ERROR_MSG_MAX];
		const char *k = strstr(err->msg, ": ");
		const char *m = k ? strstr(k + 2, ": ") : NULL;
		if (!m)
			goto out;
		snprintf(key, sizeof key, "%.*s", (int)(m - k - 2), k + 2);
		snprintf(msg, sizeof msg, "%s", m + 2);
		fault(err, path, text, key, msg);
		goto out;
	}
	if (nf_interview_new(kb, nf_case_mode(cs), &iv, err) ||
	    nf_case_apply(cs, nf_interview_engine(iv), err) ||
	    nf_interview_resume(iv, (size_t)questions, err))
		goto out;
	*complete = nf_interview_complete(iv);
	if (!(result = nf_engine_result_json(nf_interview_engine(iv))))
		nf_error_set(err, NF_ENOMEM, "out of memory");
out:
	nf_interview_free(iv);
	nf_case_free(cs);
	nf_kb_free(kb);
	free(case_text);
	json_decref(o);
	return result;
}

static char *read_text(const char *path, nf_error *err)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		nf_error_set(err, NF_EINVAL, "%s: is a folder, not a file", path);
		return NULL;
	}
	FILE *f = fopen(path, "rb");
	char *buf = f ? malloc(SAVED_MAX_BYTES + 1) : NULL;
	size_t n = buf ? fread(buf, 1, SAVED_MAX_BYTES + 1, f) : 0;
	if (!f)
		nf_error_set(err, NF_EIO, "%s: cannot open", path);
	else if (!buf)
		nf_error_set(err, NF_ENOMEM, "out of memory");
	else if (ferror(f))
		nf_error_set(err, NF_EIO, "%s: cannot read", path);
	else if (n > SAVED_MAX_BYTES)
		nf_error_set(err, NF_ELIMIT, "%s: larger than %d bytes", path, SAVED_MAX_BYTES);
	if (f)
		fclose(f);
	if (err->code) {
		free(buf);
		return NULL;
	}
	buf[n] = 0;
	return buf;
}

/* Now, for the check of the file's time (whose name shadows time() below). */
static int64_t wall_clock(void)
{
	return (int64_t)time(NULL);
}

nf_err cli_import_assessment(nf_journal *j, const char *path, int64_t *id, nf_error *err)
{
	size_t len = strlen(path);
	if (len < 5 || strcasecmp(path + len - 5, ".json"))
		return NF_ESKIP;
	nf_error_clear(err);
	char *text = read_text(path, err), *result = NULL, *kept = NULL;
	const char *body = text ? nf_text_past_bom(text) : NULL;
	json_error_t pe;
	json_t *root = text ? json_loads(body, JSON_REJECT_DUPLICATES, &pe) : NULL;
	json_t *kind = json_object_get(root, "kind");
	nf_err rc = NF_ESKIP;
	if (!text) {
		rc = err->code;
		goto out;
	}
	/* An empty .json is no file of any kind the import reads: said so, not "not a GPX, TCX or
	 * FIT file" (a saved assessment that was never written out). */
	if (!body[strspn(body, " \t\r\n")]) {
		rc = nf_error_set(err, NF_EPARSE, "%s: empty file (a saved numbfoot assessment is a JSON object)", path);
		goto out;
	}
	/* A file that names itself a saved assessment but is not JSON (cut short, a key twice) is
	 * one with a fault: its place, not "not a GPX, TCX or FIT file". */
	if (!root && strstr(body, SAVED_ASSESSMENT_KIND)) {
		rc = nf_error_set(err, NF_EPARSE, "%s:%d: (json) %s (column %d; a saved numbfoot assessment)", path,
				  pe.line, pe.text, pe.column);
		goto out;
	}
	/* Not JSON, or JSON of another kind: the run readers may know it. */
	if (!json_is_string(kind) || strcmp(json_string_value(kind), SAVED_ASSESSMENT_KIND))
		goto out;
	/* Each key checked on its own, so that the message names it and its line: its JSON type, and
	 * what it must be. */
	static const struct {
		const char *key;
		json_type type; /* JSON_TRUE stands for either boolean */
		const char *what;
	} keys[] = {
	    {"kind", JSON_STRING, "the string \"numbfoot.assessment\""},
	    {"format", JSON_INTEGER, "a whole number"},
	    {"time", JSON_STRING, "a string, YYYY-MM-DDTHH:MM:SSZ"},
	    {"complete", JSON_TRUE, "true or false"},
	    {"mode", JSON_STRING, "\"runner\" or \"clinician\""},
	    {"questions", JSON_INTEGER, "a whole number of screens from 0 to 25"},
	    {"answers", JSON_OBJECT, "an object of finding IDs to answers"},
	    {"result", JSON_OBJECT, NULL}, /* optional: worked out again here */
	};
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v)
	{
		size_t k = 0;
		while (k < sizeof keys / sizeof *keys && strcmp(key, keys[k].key))
			k++;
		if (k == sizeof keys / sizeof *keys) {
			rc = fault(err, path, text, key,
				   "unknown key (a saved assessment has kind, format, time, complete, mode, questions, "
				   "answers and result)");
			goto out;
		}
	}
	for (size_t k = 0; k < sizeof keys / sizeof *keys && keys[k].what; k++) {
		json_t *x = json_object_get(root, keys[k].key);
		char msg[96];
		if (!x) {
			rc = nf_error_set(err, NF_EPARSE, "%s: %s: missing (a saved assessment has kind, format, time, "
					  "complete, mode, questions, answers and result)", path, keys[k].key);
			goto out;
		}
		if (keys[k].type == JSON_TRUE ? !json_is_boolean(x) : json_typeof(x) != keys[k].type) {
			snprintf(msg, sizeof msg, "must be %s", keys[k].what);
			rc = fault(err, path, text, keys[k].key, msg);
			goto out;
		}
	}
	json_t *answers = json_object_get(root, "answers");
	const char *time = json_string_value(json_object_get(root, "time"));
	const char *mode = json_string_value(json_object_get(root, "mode"));
	json_int_t format = json_integer_value(json_object_get(root, "format"));
	json_int_t questions = json_integer_value(json_object_get(root, "questions"));
	int complete = json_is_true(json_object_get(root, "complete"));
	int64_t t;
	if (format != 1) {
		rc = fault(err, path, text, "format", "newer than this numbfoot reads (format 1)");
		goto out;
	}
	if (nf_time_parse_iso(time, &t)) {
		rc = fault(err, path, text, "time", "not YYYY-MM-DDTHH:MM:SSZ");
		goto out;
	}
	/* The report heads with the latest finished assessment: one dated after now would stand
	 * there above every interview to come. */
	if (t < 0 || t > wall_clock() + NF_CLOCK_AHEAD_S) {
		rc = fault(err, path, text, "time",
			   t < 0 ? "before 1970: not the time of a saved assessment"
				 : "in the future: a saved assessment has the time it was saved");
		goto out;
	}
	if (questions < 0 || questions > NF_MAX_SCREENS) {
		rc = fault(err, path, text, "questions", "not a count of screens from 0 to 25");
		goto out;
	}
	bool would_end = false;
	if (!(result = assess(path, text, answers, mode, questions, &would_end, err))) {
		rc = err->code;
		goto out;
	}
	/* "complete" is the file's word; an interview that would still ask a question with these
	 * answers did not run to its end (an empty file said complete would head the report). */
	complete = complete && would_end;
	if ((rc = find_same(j, time, answers, id, err))) {
		if (rc == NF_EEXIST)
			nf_error_set(err, NF_EEXIST, "%s: already in the journal (assessment %lld)", path,
				     (long long)*id);
		goto out;
	}
	json_t *a = json_pack("{s:O, s:[]}", "answers", answers, "derived");
	kept = a ? json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(a);
	if (!kept)
		rc = nf_error_set(err, NF_ENOMEM, "out of memory");
	else
		rc = nf_journal_add_assessment(j, time, kept, result, complete, id, err);
out:
	free(kept);
	free(result);
	json_decref(root);
	free(text);
	return rc;
}
