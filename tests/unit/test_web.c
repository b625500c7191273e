/* The web request handler (web/api.c and the endpoint files) called directly, without sockets:
 * the checks every request passes, the assessment, the journal endpoints, one record's edit and
 * delete, and the analysis and report. Against the shipped knowledge base, with a fresh journal
 * per test in a private temporary folder. */
#include "test_journal_util.h"

#include <dirent.h>
#include <jansson.h>
#include <time.h>

#include "../../web/web.h"
#include "numbfoot/date.h"
#include "numbfoot/engine.h"
#include "numbfoot/report.h"
#include "kb_shipped.h"

/* Fontconfig (through pango, for the report) keeps its configuration and font cache for the
 * life of the process and frees them only in FcFini(), which a library must not call. Under
 * LeakSanitizer (make SAN=1) those are reported as leaks; this hook, read only by LeakSanitizer,
 * names them as expected. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

#define TOKEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define WRONG_TOKEN "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" /* one letter off */
#define HOST "127.0.0.1:8737"

static struct web_ctx ctx;
static char spool[600]; /* ctx.tmpdir: must be empty whenever no request is running */

static const char page[] = "<!doctype html><title>t</title>";
static const struct web_asset assets[] = {{"/", "text/html", page, sizeof page - 1}};

static int group_setup(void **state)
{
	(void)state;
	if (kb_shipped_setup(state))
		return -1;
	if (!web_ctx_init(&ctx, kb))
		return -1;
	snprintf(ctx.token, sizeof ctx.token, "%s", TOKEN);
	ctx.assets = assets;
	ctx.nassets = 1;
	web_ctx_allow_host(&ctx, "127.0.0.1", 8737);
	web_ctx_allow_host(&ctx, "localhost", 8737);
	tj_path("unused"); /* makes tj_dir */
	snprintf(spool, sizeof spool, "%s/spool", tj_dir);
	if (mkdir(spool, 0700))
		return -1;
	ctx.tmpdir = spool;
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	web_journal_close(&ctx);
	web_ctx_release(&ctx);
	tj_cleanup();
	return kb_shipped_teardown(state);
}

/* Each test starts from an empty journal of its own. */
static int open_journal(void **state)
{
	(void)state;
	static int n;
	char name[32];
	snprintf(name, sizeof name, "journal%d", ++n);
	return web_journal_open(&ctx, tj_path(name));
}

static int close_journal(void **state)
{
	(void)state;
	web_journal_close(&ctx);
	return 0;
}

/* ---- making requests and reading answers ---- */

enum { WITH_HOST = 1, WITH_TOKEN = 2, USUAL = WITH_HOST | WITH_TOKEN };

/* Handles one request with the Host and token headers asked for in `with` and then extra. */
static struct web_response call_with(const char *method, const char *path, const char *body, unsigned with,
				     const struct web_header *extra, size_t nextra)
{
	struct web_header hs[8];
	size_t n = 0;
	if (with & WITH_HOST)
		hs[n++] = (struct web_header){"Host", HOST};
	if (with & WITH_TOKEN)
		hs[n++] = (struct web_header){"X-Numbfoot-Token", TOKEN};
	assert_true(n + nextra <= sizeof hs / sizeof *hs);
	for (size_t i = 0; i < nextra; i++)
		hs[n++] = extra[i];
	struct web_request rq = {.method = method,
				 .path = path,
				 .headers = hs,
				 .nheaders = n,
				 .body = body,
				 .body_len = body ? strlen(body) : 0};
	struct web_response rs;
	web_handle(&ctx, &rq, &rs);
	return rs;
}

static struct web_response call(const char *method, const char *path, const char *body)
{
	return call_with(method, path, body, USUAL, NULL, 0);
}

/* Releases rs and returns its body parsed (the caller decrefs), after checking that it is JSON
 * with the status expected. */
static json_t *answer_json(struct web_response *rs, int status)
{
	int got = rs->status;
	bool is_json = rs->type && !strcmp(rs->type, "application/json");
	json_error_t je;
	json_t *o = is_json ? json_loadb(rs->body, rs->len, 0, &je) : NULL;
	if (got != status)
		print_error("status %d, expected %d: %.*s\n", got, status, (int)rs->len,
			    rs->body ? rs->body : "");
	web_response_release(rs);
	assert_int_equal(got, status);
	assert_true(is_json);
	assert_non_null(o);
	return o;
}

/* Checks that rs is the 4xx or 5xx status with a body {"error": "..."} whose text names what. */
static void expect_error(struct web_response rs, int status, const char *what)
{
	json_t *o = answer_json(&rs, status);
	char msg[600];
	const char *s = json_string_value(json_object_get(o, "error"));
	snprintf(msg, sizeof msg, "%s", s ? s : "");
	bool only_error = json_object_size(o) == 1;
	json_decref(o);
	assert_true(s != NULL && only_error);
	if (what && !strstr(msg, what))
		fail_msg("error \"%s\" does not name \"%s\"", msg, what);
}

/* Makes a request with the usual headers; returns its JSON answer after checking the status. */
static json_t *api(const char *method, const char *path, const char *body, int status)
{
	struct web_response rs = call(method, path, body);
	return answer_json(&rs, status);
}

static void expect_status(const char *method, const char *path, const char *body, int status,
			  const char *what)
{
	expect_error(call(method, path, body), status, what);
}

static const char *str(json_t *o, const char *path1, const char *path2)
{
	json_t *v = json_object_get(o, path1);
	if (path2)
		v = json_object_get(v, path2);
	return json_string_value(v);
}

static json_int_t id_of(json_t *o, const char *what)
{
	json_t *v = json_object_get(json_object_get(o, what), "id");
	assert_true(json_is_integer(v));
	assert_true(json_integer_value(v) > 0);
	return json_integer_value(v);
}

/* GET of one record's path: its object under key (a new reference). */
static json_t *get_record(const char *path, const char *key)
{
	json_t *o = api("GET", path, NULL, 200);
	json_t *rec = json_incref(json_object_get(o, key));
	json_decref(o);
	assert_true(json_is_object(rec));
	return rec;
}

/* Asserts that the record at path is still exactly before. */
static void expect_unchanged(const char *path, const char *key, const json_t *before)
{
	json_t *now = get_record(path, key);
	bool same = json_equal(now, (json_t *)before);
	if (!same) {
		char *a = json_dumps(before, JSON_COMPACT), *b = json_dumps(now, JSON_COMPACT);
		print_error("before %s\nnow    %s\n", a, b);
		free(a);
		free(b);
	}
	json_decref(now);
	assert_true(same);
}

static size_t files_in(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

#define BLUE_SHOES                                                                                           \
	"{\"kind\":\"shoes\",\"nickname\":\"Blue\",\"brand\":\"Asics\",\"retire_km\":800,\"default\":true}"

/* Adds a run on day (of November 2026) with an episode; returns the run's id and the episode's. */
static json_int_t add_run(int day, double km, json_int_t *episode)
{
	char body[512];
	snprintf(body, sizeof body,
		 "{\"start_time\":\"2026-11-%02dT07:30:00Z\",\"distance_km\":%g,\"duration_min\":62,"
		 "\"surface\":\"road\",\"notes\":\"easy\",\"episode\":{\"onset_km\":8,\"onset_min\":40,"
		 "\"locations\":[\"dorsum\"],\"side\":\"one\",\"severity\":4,\"recover_min\":5,"
		 "\"calf_cramp_first\":false,\"loosening_helped\":true}}",
		 day, km);
	json_t *o = api("POST", "/api/runs", body, 201);
	json_int_t id = id_of(o, "run");
	if (episode)
		*episode = id_of(o, "episode");
	json_decref(o);
	return id;
}

/* A run typed on the page that overlaps a stored one in time (one starts before the other ends)
 * is refused as run add refuses it, naming the run, unless the body says force: true. */
static void overlapping_run_is_asked(void **state)
{
	(void)state;
	json_int_t first = add_run(21, 12, NULL); /* 07:30, 62 minutes */
	const char *body = "{\"start_time\":\"2026-11-21T08:00:00Z\",\"distance_km\":5,\"duration_min\":30}";
	json_t *o = api("POST", "/api/runs", body, 409);
	assert_true(json_is_true(json_object_get(o, "overlap")));
	assert_int_equal(id_of(o, "like"), first);
	assert_non_null(strstr(json_string_value(json_object_get(o, "error")), "overlaps in time with run"));
	json_decref(o);
	json_decref(api("POST", "/api/runs",
			"{\"start_time\":\"2026-11-21T08:00:00Z\",\"distance_km\":5,\"duration_min\":30,\"force\":true}",
			201));
}

/* An edit that moves a run over another, or makes it a copy of one, is refused as a new run is
 * (and as run edit refuses it): 409 naming the run, nothing changed, unless force: true. */
static void run_edit_clash_is_asked(void **state)
{
	(void)state;
	json_int_t first = add_run(22, 10, NULL); /* 07:30, 62 minutes */
	json_int_t second = add_run(20, 10, NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)second);
	json_t *before = get_record(path, "run");
	json_t *o = api("POST", path, "{\"start_time\":\"2026-11-22T07:40:00Z\"}", 409);
	assert_int_equal(id_of(o, "like"), first);
	assert_non_null(strstr(json_string_value(json_object_get(o, "error")), "change it anyway"));
	json_decref(o);
	expect_unchanged(path, "run", before);
	o = api("POST", path, "{\"start_time\":\"2026-11-22T07:31:00Z\",\"distance_km\":9.98}", 409);
	assert_int_equal(id_of(o, "like"), first);
	json_decref(o);
	expect_unchanged(path, "run", before);
	expect_status("POST", path, "{\"start_time\":\"2026-11-22T07:31:00Z\",\"force\":1}", 400, "force");
	expect_unchanged(path, "run", before);
	/* An edit that moves nothing is not asked, even beside another run. */
	json_decref(api("POST", path, "{\"notes\":\"windy\"}", 200));
	json_decref(before);
	json_decref(api("POST", path, "{\"start_time\":\"2026-11-22T07:31:00Z\",\"force\":true}", 200));
}

/* duration_min is the running time, stored as run edit --duration stores it: moving and elapsed
 * alike, so that a file's elapsed time does not stay beside a moving time it no longer fits. */
static void run_edit_duration_sets_both_times(void **state)
{
	(void)state;
	nf_journal_run r = tj_run(8, 1795000000);
	r.rec.moving_s = 3120;
	r.rec.elapsed_s = 3300;
	nf_error err = {0};
	assert_int_equal(nf_journal_add_run(ctx.journal, &r, NULL, 0, NULL, &err), NF_OK);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)r.id);
	json_decref(api("POST", path, "{\"duration_min\":50}", 200));
	nf_journal_run after;
	assert_int_equal(nf_journal_get_run(ctx.journal, r.id, &after, &err), NF_OK);
	assert_true(after.rec.moving_s == 3000);
	assert_true(after.rec.elapsed_s == 3000);
}

/* A pair's dates hold its runs on the page as on the command line: a run in a pair first used
 * after it is a 400 naming both dates, nothing stored; the default pair on a day it was not yet in
 * service gives the run none (no pair was in service then); a first use after the pair's first
 * run is a 400. */
static void gear_dates_hold_runs(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/gear",
			"{\"kind\":\"shoes\",\"nickname\":\"Blue\",\"first_use\":\"2026-11-10\",\"default\":true}", 201);
	json_int_t blue = id_of(o, "gear");
	json_decref(o);
	expect_status("POST", "/api/runs", "{\"start_time\":\"2026-11-01T07:30:00Z\",\"distance_km\":5,\"shoes\":\"Blue\"}", 400,
		      "shoes 'Blue' were first used on 2026-11-10, after this run on 2026-11-01");
	o = api("POST", "/api/runs", "{\"start_time\":\"2026-11-01T07:30:00Z\",\"distance_km\":5}", 201);
	assert_true(json_is_null(json_object_get(json_object_get(o, "run"), "shoes")));
	json_int_t early = id_of(o, "run");
	json_decref(o);
	json_int_t id = add_run(20, 10, NULL); /* in Blue, the default */
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)early);
	expect_status("POST", path, "{\"shoes\":\"Blue\"}", 400, "after run");
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	expect_status("POST", path, "{\"start_time\":\"2026-11-05T07:30:00Z\"}", 400, "first used on 2026-11-10");
	snprintf(path, sizeof path, "/api/gear/%lld", (long long)blue);
	expect_status("POST", path, "{\"first_use\":\"2026-11-21\"}", 400, "'Blue' were run in on 2026-11-20");
	expect_status("POST", path, "{\"retired\":\"2026-11-09\"}", 400, "would come before");
}

/* A run dated after today is refused as run add refuses it (it would count in weeks to come). */
static void future_run_refused(void **state)
{
	(void)state;
	expect_error(call("POST", "/api/runs", "{\"start_time\":\"2199-06-01T08:00:00Z\",\"distance_km\":5}"), 400,
		     "start_time: 2199-06-01 is in the future");
}

/* ---- the checks every request passes ---- */

static void host_is_checked(void **state)
{
	(void)state;
	expect_error(call_with("GET", "/api/kb", NULL, WITH_TOKEN, NULL, 0), 400, "Host");
	struct web_header h = {"Host", "evil.example:8737"};
	expect_error(call_with("GET", "/api/kb", NULL, WITH_TOKEN, &h, 1), 421, "evil.example");
	/* Another port of the same address is another origin. */
	h.value = "127.0.0.1:8738";
	expect_error(call_with("GET", "/", NULL, WITH_TOKEN, &h, 1), 421, "8738");
	/* Host names are case-insensitive; the page needs no token. */
	h.value = "LOCALHOST:8737";
	struct web_response rs = call_with("GET", "/", NULL, 0, &h, 1);
	assert_int_equal(rs.status, 200);
	assert_string_equal(rs.type, "text/html");
	assert_memory_equal(rs.body, page, sizeof page - 1);
	web_response_release(&rs);
}

static void header_count_is_capped(void **state)
{
	(void)state;
	struct web_header hs[WEB_MAX_HEADERS + 1];
	hs[0] = (struct web_header){"Host", HOST};
	for (size_t i = 1; i < WEB_MAX_HEADERS + 1; i++)
		hs[i] = (struct web_header){"X-Filler", "1"};
	struct web_request rq = {.method = "GET", .path = "/", .headers = hs, .nheaders = WEB_MAX_HEADERS};
	struct web_response rs;
	web_handle(&ctx, &rq, &rs);
	assert_int_equal(rs.status, 200);
	web_response_release(&rs);
	rq.nheaders = WEB_MAX_HEADERS + 1;
	web_handle(&ctx, &rq, &rs);
	expect_error(rs, 431, "headers");
}

static void post_needs_token(void **state)
{
	(void)state;
	const char *body = "{\"answers\":{}}";
	expect_error(call_with("POST", "/api/assess/next", body, WITH_HOST, NULL, 0), 403, "token");
	struct web_header wrong = {"X-Numbfoot-Token", WRONG_TOKEN};
	assert_int_equal(strlen(wrong.value), WEB_TOKEN_HEX);
	expect_error(call_with("POST", "/api/assess/next", body, WITH_HOST, &wrong, 1), 403, "token");
	wrong.value = TOKEN "a";
	expect_error(call_with("POST", "/api/assess/next", body, WITH_HOST, &wrong, 1), 403, "token");
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, WITH_HOST, NULL, 0), 403, "token");
	/* The journal is read only with the token too. */
	expect_error(call_with("GET", "/api/runs", NULL, WITH_HOST, NULL, 0), 403, "token");
	expect_error(call_with("GET", "/api/runs/1", NULL, WITH_HOST, NULL, 0), 403, "token");
	expect_error(call_with("GET", "/api/analysis", NULL, WITH_HOST, NULL, 0), 403, "token");
	json_t *o = api("POST", "/api/assess/next", body, 200);
	json_decref(o);
}

/* Cookies are not scoped by port: every server on 127.0.0.1 receives this one's and may set its
 * own under the same name. So no cookie carries the token, and none gets in the way of it. */
static void cookies_are_ignored(void **state)
{
	(void)state;
	static const char *const jars[] = {
	    "nf_token=" TOKEN,
	    "other=1; nf_token=" TOKEN "; theme=dark",
	    "X-Numbfoot-Token=" TOKEN,
	};
	struct web_header c = {"Cookie", NULL};
	for (size_t i = 0; i < sizeof jars / sizeof *jars; i++) {
		c.value = jars[i];
		expect_error(call_with("GET", "/api/runs", NULL, WITH_HOST, &c, 1), 403, "token");
		expect_error(call_with("GET", "/api/session", NULL, WITH_HOST, &c, 1), 403, "token");
		expect_error(call_with("POST", "/api/gear", BLUE_SHOES, WITH_HOST, &c, 1), 403, "token");
	}
	/* A cookie set by a page on another port, with the header beside it: the header decides. */
	c.value = "nf_token=" WRONG_TOKEN;
	struct web_response rs = call_with("GET", "/api/runs", NULL, USUAL, &c, 1);
	json_t *o = answer_json(&rs, 200);
	json_decref(o);
	rs = call_with("POST", "/api/gear", BLUE_SHOES, USUAL, &c, 1);
	o = answer_json(&rs, 201);
	json_decref(o);
}

static void cross_site_post_refused(void **state)
{
	(void)state;
	const char *body = "{\"answers\":{}}";
	static const char *const origins[] = {"http://evil.example", "https://" HOST,
					      "http://" HOST ".evil.example", "null"};
	struct web_header h = {"Origin", NULL};
	for (size_t i = 0; i < sizeof origins / sizeof *origins; i++) {
		h.value = origins[i];
		expect_error(call_with("POST", "/api/assess/next", body, USUAL, &h, 1), 403, "Origin");
	}
	h = (struct web_header){"Sec-Fetch-Site", "cross-site"};
	expect_error(call_with("POST", "/api/assess/next", body, USUAL, &h, 1), 403, "Sec-Fetch-Site");
	h.value = "same-site";
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, &h, 1), 403, "Sec-Fetch-Site");
	json_t *o = api("GET", "/api/gear", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "gear")), 0);
	json_decref(o);

	/* The page's own requests pass. */
	struct web_header own[] = {{"Origin", "http://" HOST}, {"Sec-Fetch-Site", "same-origin"}};
	struct web_response rs = call_with("POST", "/api/assess/next", body, USUAL, own, 2);
	o = answer_json(&rs, 200);
	json_decref(o);
}

/* A request whose end or whose address is in doubt is refused, and nothing is stored from it: two
 * Hosts (the check could read one and a proxy obey the other), two Content-Lengths, a length
 * beside chunked, a coding the server cannot read. */
static void framing_and_host_unambiguous(void **state)
{
	(void)state;
	struct web_header h[2] = {{"Host", "evil.example:8737"}, {"Content-Length", "16"}};
	expect_error(call_with("GET", "/api/session", NULL, USUAL, h, 1), 400, "Host");
	h[0].value = HOST;
	expect_error(call_with("GET", "/", NULL, USUAL, h, 1), 400, "Host");
	h[0] = (struct web_header){"Content-Length", "16"};
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, h, 2), 400, "Content-Length");
	h[1] = (struct web_header){"Transfer-Encoding", "chunked"};
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, h, 2), 400, "Transfer-Encoding");
	h[0] = (struct web_header){"Transfer-Encoding", "gzip"};
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, h, 1), 501, "gzip");
	expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, h, 2), 400, "Transfer-Encoding");
	json_t *o = api("GET", "/api/gear", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "gear")), 0);
	json_decref(o);
	/* One of each passes, chunked alone too. */
	h[0] = (struct web_header){"Content-Length", "16"};
	struct web_response rs = call_with("POST", "/api/gear", BLUE_SHOES, USUAL, h, 1);
	json_decref(answer_json(&rs, 201));
	rs = call_with("POST", "/api/assess/next", "{\"answers\":{}}", USUAL, &h[1], 1);
	json_decref(answer_json(&rs, 200));
}

/* A POST of JSON said to be something else (a form, text) is refused before it is read, with the
 * type named; application/json with its parameters, or no type at all, is read. An upload's
 * body is the file, of any type. */
static void json_content_type(void **state)
{
	(void)state;
	static const char *const wrong[] = {"application/x-www-form-urlencoded", "text/plain",
					    "multipart/form-data; boundary=x", "application/jsonp",
					    "text/json"};
	struct web_header h = {"Content-Type", NULL};
	for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
		h.value = wrong[i];
		expect_error(call_with("POST", "/api/gear", BLUE_SHOES, USUAL, &h, 1), 415, wrong[i]);
		expect_error(call_with("POST", "/api/assess/next", "{\"answers\":{}}", USUAL, &h, 1), 415,
			     "application/json");
	}
	json_t *o = api("GET", "/api/gear", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "gear")), 0);
	json_decref(o);
	static const char *const right[] = {"application/json", "Application/JSON; charset=utf-8",
					    "application/json;charset=UTF-8"};
	for (size_t i = 0; i < sizeof right / sizeof *right; i++) {
		h.value = right[i];
		struct web_response rs =
		    call_with("POST", "/api/assess/next", "{\"answers\":{}}", USUAL, &h, 1);
		json_decref(answer_json(&rs, 200));
	}
	struct web_response rs = call_with("POST", "/api/gear", BLUE_SHOES, USUAL, NULL, 0);
	json_decref(answer_json(&rs, 201));
	h.value = "application/octet-stream";
	struct web_request rq = {.method = "POST",
				 .path = "/api/import",
				 .headers = (struct web_header[]){{"Host", HOST}, {"X-Numbfoot-Token", TOKEN}, h},
				 .nheaders = 3};
	assert_true(web_check(&ctx, &rq, &rs));
}

/* The page and its scripts are public (they hold no data) and are served without the token: the
 * launch address carries it in its fragment, which the browser keeps to itself. Every API call
 * needs it, /api/kb too, and /api/session says whether the page's token is right. */
static void api_needs_token_page_does_not(void **state)
{
	(void)state;
	struct web_response rs = call_with("GET", "/", NULL, WITH_HOST, NULL, 0);
	assert_int_equal(rs.status, 200);
	assert_string_equal(rs.type, "text/html");
	web_response_release(&rs);
	expect_error(call_with("GET", "/api/kb", NULL, WITH_HOST, NULL, 0), 403, "token");
	expect_error(call_with("GET", "/api/session", NULL, WITH_HOST, NULL, 0), 403, "numbfoot serve");
	struct web_header wrong = {"X-Numbfoot-Token", WRONG_TOKEN};
	expect_error(call_with("GET", "/api/session", NULL, WITH_HOST, &wrong, 1), 403, "token");
	json_t *o = api("GET", "/api/session", NULL, 200);
	assert_true(json_is_true(json_object_get(o, "ok")));
	json_decref(o);
	rs = call("GET", "/api/session", NULL);
	assert_true(rs.no_store);
	web_response_release(&rs);
	expect_status("POST", "/api/session", "{}", 405, "GET");
	o = api("GET", "/api/kb", NULL, 200);
	json_decref(o);
}

/* web_check is what the server asks as soon as a request's headers are in, before it reads or
 * stores a byte of the body: an upload without the token, or from another origin, is refused
 * there; one with the token passes. */
static void checked_before_the_body(void **state)
{
	(void)state;
	struct web_header hs[] = {{"Host", HOST}, {"Expect", "100-continue"}, {"X-Numbfoot-Token", TOKEN},
				  {"Origin", "http://evil.example"}};
	struct web_request rq = {.method = "POST", .path = "/api/import", .headers = hs, .nheaders = 2};
	struct web_response rs;
	assert_false(web_check(&ctx, &rq, &rs));
	expect_error(rs, 403, "token");
	rq.nheaders = 4;
	assert_false(web_check(&ctx, &rq, &rs));
	expect_error(rs, 403, "Origin");
	rq.nheaders = 3;
	assert_true(web_check(&ctx, &rq, &rs));
	hs[0].value = "evil.example:8737";
	assert_false(web_check(&ctx, &rq, &rs));
	expect_error(rs, 421, "evil.example");
	hs[0].value = HOST;
	rq.method = "PUT";
	assert_false(web_check(&ctx, &rq, &rs));
	expect_error(rs, 405, "PUT");
	/* The page needs no token; the API does. */
	rq = (struct web_request){.method = "GET", .path = "/app.js", .headers = hs, .nheaders = 1};
	assert_true(web_check(&ctx, &rq, &rs));
	rq.path = "/api/kb";
	assert_false(web_check(&ctx, &rq, &rs));
	expect_error(rs, 403, "token");
	assert_int_equal(files_in(spool), 0);
}

static void body_too_large(void **state)
{
	(void)state;
	struct web_header hs[] = {{"Host", HOST}, {"X-Numbfoot-Token", TOKEN}};
	struct web_request rq = {.method = "POST",
				 .path = "/api/assess/next",
				 .headers = hs,
				 .nheaders = 2,
				 .body_too_large = true};
	struct web_response rs;
	web_handle(&ctx, &rq, &rs);
	expect_error(rs, 413, "too large");
	rq.path = "/api/runs";
	web_handle(&ctx, &rq, &rs);
	expect_error(rs, 413, "too large");
	rq.path = "/api/import";
	web_handle(&ctx, &rq, &rs);
	expect_error(rs, 413, "file too large");
}

static void methods(void **state)
{
	(void)state;
	expect_status("PUT", "/api/runs", "{}", 405, "PUT");
	expect_status("DELETE", "/api/runs/1", NULL, 405, "DELETE");
	expect_status("PATCH", "/", NULL, 405, NULL);
	expect_status("GET", "/api/assess/next", NULL, 405, "POST");
	expect_status("POST", "/api/kb", "{}", 405, "GET");
	expect_status("GET", "/api/import", NULL, 405, "POST");
	expect_status("GET", "/api/nothing", NULL, 404, "/api/nothing");
	expect_status("GET", "/nothing", NULL, 404, "/nothing");
}

/* Every 405 names the methods its path takes in an Allow header (RFC 9110, 15.5.6), so that a
 * client told no learns what would do; a POST to a path that is no page is a 404, not a 405. */
static void every_405_says_allow(void **state)
{
	(void)state;
	static const struct {
		const char *method, *path, *allow;
	} cases[] = {
	    {"OPTIONS", "/", "GET, HEAD, POST"},
	    {"PUT", "/api/runs", "GET, HEAD, POST"},
	    {"POST", "/", "GET, HEAD"},
	    {"POST", "/index.html", "GET, HEAD"},
	    {"POST", "/favicon.ico", "GET, HEAD"},
	    {"POST", "/api/kb", "GET, HEAD"},
	    {"GET", "/api/assess/next", "POST"},
	    {"GET", "/api/import", "POST"},
	    {"GET", "/api/runs/1/delete", "POST"},
	    {"GET", "/api/assessments/1/delete", "POST"},
	    {"POST", "/api/assessments/1", "GET, HEAD"},
	    {"POST", "/api/analysis", "GET, HEAD"},
	    {"POST", "/api/report/figure/1.svg", "GET, HEAD"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct web_response rs = call(cases[i].method, cases[i].path, NULL);
		if (rs.status != 405 || !rs.allow || strcmp(rs.allow, cases[i].allow))
			print_error("%s %s: %d, Allow %s\n", cases[i].method, cases[i].path, rs.status,
				    rs.allow ? rs.allow : "(none)");
		assert_int_equal(rs.status, 405);
		assert_non_null(rs.allow);
		assert_string_equal(rs.allow, cases[i].allow);
		web_response_release(&rs);
	}
	expect_status("POST", "/nothing", "{}", 404, "/nothing");
	struct web_response rs = call("GET", "/api/session", NULL);
	assert_null(rs.allow);
	web_response_release(&rs);
}

/* ---- the assessment ---- */

static void assess_first_question(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/assess/next", "{\"answers\":{}}", 200);
	assert_true(json_is_false(json_object_get(o, "done")));
	json_t *q = json_object_get(o, "question"), *ids = json_object_get(q, "findings");
	assert_true(json_is_object(q));
	assert_true(json_array_size(ids) > 0);
	for (size_t i = 0; i < json_array_size(ids); i++)
		assert_true(nf_kb_finding_index(kb, json_string_value(json_array_get(ids, i))) >= 0);
	assert_non_null(str(q, "title", NULL));
	assert_true(json_is_false(json_object_get(json_object_get(o, "triage"), "stop")));
	assert_true(json_is_null(json_object_get(json_object_get(o, "triage"), "red_flag")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "progress"), "screens")), 0);
	json_decref(o);
}

/* /next writes its reply from pieces made once (web/next_reply.c): each reply must be what jansson
 * writes for the same object, at the start, mid-way, at a red flag, when done and at the cap. */
static void assess_next_as_jansson_writes(void **state)
{
	(void)state;
	static const char no_flags[] =
	    "\"saddle_numbness\":false,\"bladder_bowel\":false,\"bilateral_weakness\":false,"
	    "\"acute_cold_foot\":false,\"stroke_signs\":false,\"sudden_one_side\":false,"
	    "\"sudden_vision_balance\":false,\"severe_pain_after_run\":false";
	/* Formats: %s stands for no_flags. */
	static const char *const bodies[] = {
	    "{\"answers\":{}}",
	    "{\"answers\":{%s},\"screens\":1}",
	    "{\"answers\":{%s,\"age\":30,\"sex\":\"female\",\"location\":[\"dorsum\"]},\"screens\":4}",
	    "{\"answers\":{%s,\"age\":61,\"side\":\"one\",\"diabetes\":null},\"screens\":3}",
	    "{\"answers\":{\"acute_cold_foot\":true},\"screens\":1}",
	    "{\"answers\":{\"severe_pain_after_run\":true,\"age\":20},\"screens\":2}",
	    "{\"answers\":{%s},\"screens\":25}",
	    /* A rule sets the emergency: the reply names its answers. */
	    "{\"answers\":{%s,\"not_settled_hours\":true,\"foot_cold_pale\":true},\"screens\":4}",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		char body[2048];
		snprintf(body, sizeof body, bodies[i], no_flags);
		struct web_response rs = call("POST", "/api/assess/next", body);
		assert_int_equal(rs.status, 200);
		json_t *o = json_loadb(rs.body, rs.len, 0, NULL);
		char *again = o ? json_dumps(o, JSON_COMPACT) : NULL;
		assert_non_null(again);
		if (strlen(again) != rs.len || memcmp(again, rs.body, rs.len))
			fail_msg("body %zu: %.*s\njansson: %s", i, (int)rs.len, rs.body, again);
		free(again);
		json_decref(o);
		web_response_release(&rs);
	}
}

/* The progress bar's estimate, apart from /next: nothing asked yet, the bar is empty and at least
 * this screen is left; further in, the share done is screens / (screens + left), short of 1 while a
 * screen is on show; at an emergency, nothing is left. */
static void assess_progress(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/assess/progress", "{\"answers\":{}}", 200);
	assert_int_equal(json_integer_value(json_object_get(o, "screens")), 0);
	assert_true(json_integer_value(json_object_get(o, "left")) >= 1);
	assert_true(json_real_value(json_object_get(o, "fraction")) == 0);
	json_decref(o);
	o = api("POST", "/api/assess/progress",
		"{\"answers\":{\"age\":30,\"laces_tight\":true,\"location\":[\"dorsum\"]},\"screens\":3}", 200);
	json_int_t left = json_integer_value(json_object_get(o, "left"));
	assert_true(left >= 1 && left <= NF_MAX_SCREENS);
	assert_true(fabs(json_real_value(json_object_get(o, "fraction")) - 3.0 / (double)(3 + left)) < 1e-6);
	json_decref(o);
	o = api("POST", "/api/assess/progress", "{\"answers\":{\"saddle_numbness\":true},\"screens\":1}", 200);
	assert_int_equal(json_integer_value(json_object_get(o, "left")), 0);
	assert_true(json_real_value(json_object_get(o, "fraction")) == 1);
	json_decref(o);
	expect_status("POST", "/api/assess/progress", "{\"answers\":{\"age\":\"old\"}}", 400, "answers.age");
	/* The knowledge base's range, as the case files and the interview take it. */
	expect_status("POST", "/api/assess/next", "{\"answers\":{\"age\":1e308}}", 400,
		      "answers.age: must be a number from 0 to 120 years or null");
	expect_status("POST", "/api/assess/next", "{\"answers\":{\"weekly_km\":1001}}", 400,
		      "answers.weekly_km: must be a number from 0 to 1000 km or null");
	json_decref(api("POST", "/api/assess/next", "{\"answers\":{\"weekly_km\":1000}}", 200));
	expect_status("GET", "/api/assess/progress", NULL, 405, "POST");
}

/* An emergency a rule on the answers sets, under a less urgent warning sign: /next names the rule's
 * answers (triage.rule, as the result does), so that the page's banner says why rather than the
 * sign's own, less urgent words. A warning sign's own emergency has no rule. */
static void assess_next_names_the_rule(void **state)
{
	(void)state;
	const char *body = "{\"answers\":{\"saddle_numbness\":false,\"bladder_bowel\":false,"
			   "\"bilateral_weakness\":false,\"acute_cold_foot\":false,\"stroke_signs\":false,"
			   "\"sudden_one_side\":false,\"sudden_vision_balance\":false,"
			   "\"severe_pain_after_run\":false,\"not_settled_hours\":true,\"foot_cold_pale\":true},"
			   "\"screens\":4}";
	json_t *n = api("POST", "/api/assess/next", body, 200), *r = api("POST", "/api/assess/result", body, 200);
	json_t *t = json_object_get(n, "triage"), *rule = json_object_get(t, "rule");
	assert_string_equal(str(t, "level", NULL), "emergency");
	assert_string_equal(str(t, "red_flag", "level"), "urgent");
	assert_true(json_array_size(rule) >= 2);
	assert_true(json_equal(rule, json_object_get(json_object_get(r, "triage"), "rule")));
	json_decref(n);
	json_decref(r);
	n = api("POST", "/api/assess/next", "{\"answers\":{\"saddle_numbness\":true},\"screens\":1}", 200);
	rule = json_object_get(json_object_get(n, "triage"), "rule");
	assert_true(json_is_array(rule) && json_array_size(rule) == 0);
	json_decref(n);
}

static void assess_red_flag_is_emergency(void **state)
{
	(void)state;
	const char *body = "{\"mode\":\"runner\",\"answers\":{\"saddle_numbness\":true},\"screens\":1}";
	json_t *o = api("POST", "/api/assess/next", body, 200);
	assert_true(json_is_true(json_object_get(o, "done")));
	assert_true(json_is_null(json_object_get(o, "question")));
	json_t *t = json_object_get(o, "triage");
	assert_string_equal(str(t, "level", NULL), "emergency");
	assert_true(json_is_true(json_object_get(t, "stop")));
	assert_string_equal(str(t, "red_flag", "finding"), "saddle_numbness");
	assert_string_equal(str(t, "red_flag", "level"), "emergency");
	json_decref(o);

	o = api("POST", "/api/assess/result", body, 200);
	assert_string_equal(str(o, "triage", "level"), "emergency");
	json_decref(o);

	/* The thread's engine is reused: the next request must not inherit the red flag. */
	o = api("POST", "/api/assess/next", "{\"answers\":{}}", 200);
	assert_true(json_is_false(json_object_get(o, "done")));
	assert_non_null(str(o, "triage", "level"));
	assert_string_not_equal(str(o, "triage", "level"), "emergency");
	json_decref(o);
}

static void assess_bad_bodies(void **state)
{
	(void)state;
	static const struct {
		const char *body, *names;
	} bad[] = {
	    {"{\"answers\":{", "body"},
	    {"{\"answers\":{}} x", "body"},
	    {"[1]", "object"},
	    {"{\"answers\":{\"no_such_finding\":true}}", "no_such_finding"},
	    {"{\"answers\":{\"saddle_numbness\":\"yes\"}}", "saddle_numbness"},
	    {"{\"answers\":[]}", "answers"},
	    {"{\"answer\":{}}", "answer"},
	    {"{\"mode\":\"doctor\",\"answers\":{}}", "mode"},
	    {"{\"answers\":{},\"screens\":-1}", "screens"},
	    {"{\"answers\":{},\"answers\":{}}", "body"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		expect_status("POST", "/api/assess/next", bad[i].body, 400, bad[i].names);
		expect_status("POST", "/api/assess/result", bad[i].body, 400, bad[i].names);
	}
	expect_status("POST", "/api/assess/next", NULL, 400, "body");
}

/* ---- the journal ---- */

static void gear_add_and_list(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/gear", BLUE_SHOES, 201);
	json_int_t id = id_of(o, "gear");
	assert_string_equal(str(o, "gear", "nickname"), "Blue");
	assert_true(json_is_true(json_object_get(json_object_get(o, "gear"), "default")));
	json_decref(o);
	expect_status("POST", "/api/gear", "{\"nickname\":\"\"}", 400, "nickname");
	expect_status("POST", "/api/gear", "{\"kind\":\"hat\",\"nickname\":\"x\"}", 400, "kind");
	expect_status("POST", "/api/gear", "{\"nickname\":\"x\",\"colour\":\"red\"}", 400, "colour");

	o = api("GET", "/api/gear", NULL, 200);
	json_t *list = json_object_get(o, "gear"), *g = json_array_get(list, 0);
	assert_int_equal(json_array_size(list), 1);
	assert_int_equal(json_integer_value(json_object_get(g, "id")), id);
	assert_string_equal(str(g, "nickname", NULL), "Blue");
	assert_string_equal(str(g, "brand", NULL), "Asics");
	assert_true(json_real_value(json_object_get(g, "retire_km")) == 800);
	json_decref(o);
}

/* One upload of file by name, with ?merge= when merge is not NULL, as the server hands it over. */
static struct web_response upload(const char *file, const char *name, const char *merge)
{
	struct web_header hs[] = {{"Host", HOST}, {"X-Numbfoot-Token", TOKEN}, {"X-Numbfoot-Filename", name}};
	struct web_request rq = {.method = "POST",
				 .path = "/api/import",
				 .merge = merge,
				 .headers = hs,
				 .nheaders = 3,
				 .upload_path = file,
				 .upload_name = name};
	struct web_response rs;
	web_handle(&ctx, &rq, &rs);
	return rs;
}

/* The only run of the journal (GET /api/runs), checked to be one. */
static json_t *only_run(void)
{
	json_t *o = api("GET", "/api/runs", NULL, 200);
	json_t *runs = json_object_get(o, "runs");
	assert_int_equal(json_array_size(runs), 1);
	json_t *r = json_incref(json_array_get(runs, 0));
	json_decref(o);
	return r;
}

/* A recording that never moved (two points at one place half an hour apart) was stored as a
 * run of 0 m by the page, where a typed 0 km is refused: not a recorded run (422), nothing
 * stored, as 'import' skips it. */
static void import_skips_no_distance(void **state)
{
	(void)state;
	struct web_response rs = upload("tests/cli/data/import/no-distance.gpx", "still.gpx", NULL);
	json_t *o = answer_json(&rs, 422);
	assert_non_null(strstr(str(o, "error", NULL), "no distance (0 m in 1800 s): not a recorded run"));
	json_t *entry = json_array_get(json_object_get(o, "runs"), 0);
	assert_string_equal(str(entry, "status", NULL), "not_a_run");
	json_decref(o);
	o = api("GET", "/api/runs", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "runs")), 0);
	json_decref(o);
}

/* A watch file whose run was typed by hand (a start within 5 minutes, a distance within 10%):
 * the upload stores nothing and says so (409, its entry "like_typed_run" naming the typed run,
 * given whole as "like"); a bad merge= is refused by name; sent again with ?merge=1 the typed run
 * keeps its id, notes and episode and gets the file's distance, time and source, as
 * 'import --merge' does; the same file once more is already in the journal. */
static void import_merges_typed_run(void **state)
{
	(void)state;
	/* The file: 2015-08-15 14:45:08Z, 9008.22 m, 2832 s moving (import it into a scratch
	 * journal and 'run list --json' to see). */
	const char *fit = "tests/fixtures/fit/activity-small-fenix2-run.fit", *name = "fenix.fit";
	json_t *o = api("POST", "/api/runs",
			"{\"start_time\":\"2015-08-15T14:47:00Z\",\"distance_km\":9,\"duration_min\":47,"
			"\"notes\":\"typed\",\"episode\":{\"onset_km\":6,\"severity\":3}}",
			201);
	json_int_t typed = id_of(o, "run"), episode = id_of(o, "episode");
	json_decref(o);

	expect_error(upload(fit, name, "yes"), 400, "merge: must be 1");
	struct web_response rs = upload(fit, name, NULL);
	o = answer_json(&rs, 409);
	assert_non_null(strstr(str(o, "error", NULL), "typed by hand"));
	assert_non_null(strstr(str(o, "error", NULL), "merge=1"));
	json_t *entry = json_array_get(json_object_get(o, "runs"), 0);
	assert_int_equal(json_array_size(json_object_get(o, "runs")), 1);
	assert_string_equal(str(entry, "status", NULL), "like_typed_run");
	assert_string_equal(str(entry, "source_file", NULL), name);
	assert_int_equal(json_integer_value(json_object_get(entry, "run_id")), typed);
	assert_int_equal(id_of(entry, "like"), typed);
	assert_true(json_number_value(json_object_get(json_object_get(entry, "like"), "distance_m")) == 9000);
	json_decref(o);
	json_t *r = only_run(); /* nothing stored */
	assert_true(json_is_null(json_object_get(r, "source_file")));
	assert_true(json_number_value(json_object_get(r, "distance_m")) == 9000);
	json_decref(r);

	rs = upload(fit, name, "1");
	o = answer_json(&rs, 200); /* no run made: one changed */
	assert_int_equal(json_integer_value(json_object_get(o, "stored")), 0);
	assert_int_equal(json_integer_value(json_object_get(o, "merged")), 1);
	entry = json_array_get(json_object_get(o, "runs"), 0);
	assert_string_equal(str(entry, "status", NULL), "merged");
	assert_int_equal(json_integer_value(json_object_get(entry, "run_id")), typed);
	assert_int_equal(id_of(o, "run"), typed);
	json_decref(o);
	r = only_run();
	assert_int_equal(json_integer_value(json_object_get(r, "id")), typed);
	assert_string_equal(str(r, "source_file", NULL), name);
	assert_string_equal(str(r, "notes", NULL), "typed");
	assert_true(fabs(json_number_value(json_object_get(r, "distance_m")) - 9008.22) < 0.01);
	assert_true(fabs(json_number_value(json_object_get(r, "moving_s")) - 2832) < 0.5);
	assert_string_equal(str(r, "start_time", NULL), "2015-08-15T14:45:08Z");
	json_t *eps = json_object_get(r, "episodes");
	assert_int_equal(json_array_size(eps), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(eps, 0), "id")), episode);
	json_decref(r);

	rs = upload(fit, name, "1");
	o = answer_json(&rs, 409);
	assert_string_equal(str(json_array_get(json_object_get(o, "runs"), 0), "status", NULL), "duplicate");
	json_decref(o);
	assert_int_equal(files_in(spool), 0);
}

static void run_add_and_get(void **state)
{
	(void)state;
	json_decref(api("POST", "/api/gear", BLUE_SHOES, 201));
	json_int_t ep;
	json_int_t id = add_run(20, 12.5, &ep);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	json_t *run = get_record(path, "run");
	assert_int_equal(json_integer_value(json_object_get(run, "id")), id);
	assert_true(json_real_value(json_object_get(run, "distance_m")) == 12500);
	assert_true(json_real_value(json_object_get(run, "moving_s")) == 62 * 60);
	assert_string_equal(str(run, "start_time", NULL), "2026-11-20T07:30:00Z");
	assert_string_equal(str(run, "shoes", NULL), "Blue"); /* the default pair */
	assert_string_equal(str(run, "surface", NULL), "road");
	json_decref(run);

	snprintf(path, sizeof path, "/api/episodes/%lld", (long long)ep);
	json_t *e = get_record(path, "episode");
	assert_int_equal(json_integer_value(json_object_get(e, "run_id")), id);
	assert_int_equal(json_integer_value(json_object_get(e, "severity")), 4);
	assert_string_equal(str(e, "side", NULL), "one");
	assert_true(json_is_null(json_object_get(e, "foot"))); /* one foot, not said which */
	json_decref(e);

	json_t *o = api("GET", "/api/runs", NULL, 200);
	json_t *runs = json_object_get(o, "runs");
	assert_int_equal(json_array_size(runs), 1);
	json_t *eps = json_object_get(json_array_get(runs, 0), "episodes");
	assert_int_equal(json_array_size(eps), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(eps, 0), "id")), ep);
	json_decref(o);
}

static void run_edit_named_fields_only(void **state)
{
	(void)state;
	json_decref(api("POST", "/api/gear", BLUE_SHOES, 201));
	json_int_t id = add_run(20, 12.5, NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	json_t *expected = get_record(path, "run");

	json_t *o = api("POST", path, "{\"distance_km\":10}", 200);
	assert_true(json_real_value(json_object_get(json_object_get(o, "run"), "distance_m")) == 10000);
	json_decref(o);
	json_object_set_new(expected, "distance_m", json_real(10000));
	expect_unchanged(path, "run", expected);

	json_decref(api("POST", path, "{\"notes\":\"windy\",\"surface\":null,\"shoes\":null}", 200));
	json_object_set_new(expected, "notes", json_string("windy"));
	json_object_set_new(expected, "surface", json_null());
	json_object_set_new(expected, "shoes", json_null());
	expect_unchanged(path, "run", expected);

	/* An empty object changes nothing. */
	json_decref(api("POST", path, "{}", 200));
	expect_unchanged(path, "run", expected);
	json_decref(expected);
}

/* A watch file gives distances and times that km and minutes do not hold exactly: a field the
 * body does not name must keep every bit, not come back from a round trip through km or minutes
 * (8000.1 / 1000 * 1000 and 8046.72 / 60 * 60 both differ from where they started). */
static void run_edit_keeps_exact_values(void **state)
{
	(void)state;
	nf_journal_run r = tj_run(8, 1795000000);
	r.rec.distance_m = 8000.1;
	r.rec.moving_s = 8046.72;
	nf_error err = {0};
	assert_int_equal(nf_journal_add_run(ctx.journal, &r, NULL, 0, NULL, &err), NF_OK);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)r.id);
	json_decref(api("POST", path, "{\"notes\":\"from the watch\"}", 200));
	nf_journal_run after;
	assert_int_equal(nf_journal_get_run(ctx.journal, r.id, &after, &err), NF_OK);
	assert_string_equal(after.notes, "from the watch");
	assert_true(after.rec.distance_m == 8000.1);
	assert_true(after.rec.moving_s == 8046.72);
}

static void run_bad_field_changes_nothing(void **state)
{
	(void)state;
	json_decref(api("POST", "/api/gear", BLUE_SHOES, 201));
	json_int_t id = add_run(20, 12.5, NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	json_t *before = get_record(path, "run");
	static const struct {
		const char *body, *names;
	} bad[] = {
	    {"{\"distance_km\":5,\"duration_min\":\"long\"}", "duration_min"},
	    {"{\"distance_km\":5,\"pace\":4}", "pace"},
	    {"{\"distance_km\":5,\"shoes\":\"Nobody\"}", "shoes"},
	    {"{\"distance_km\":-1}", "distance_km"},
	    {"{\"distance_km\":5,\"start_time\":\"yesterday\"}", "start_time"},
	    {"{\"notes\":7}", "notes"},
	    {"{\"distance_km\":5", "body"},
	    {"[]", "object"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		expect_status("POST", path, bad[i].body, 400, bad[i].names);
		expect_unchanged(path, "run", before);
	}
	json_decref(before);
}

/* Temperature, cadence and heart rate, typed by hand: stored metric, checked against the ranges
 * run add takes, null to clear one, and left alone when an edit does not name them. */
static void run_measures(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/runs",
			"{\"start_time\":\"2026-11-20T07:30:00Z\",\"distance_km\":8,\"temperature_c\":-3.5,"
			"\"cadence_spm\":172,\"heart_rate_bpm\":151}",
			201);
	json_int_t id = id_of(o, "run");
	json_decref(o);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	json_t *run = get_record(path, "run");
	assert_true(json_real_value(json_object_get(run, "temperature_c")) == -3.5);
	assert_true(json_real_value(json_object_get(run, "cadence_spm")) == 172);
	assert_true(json_real_value(json_object_get(run, "heart_rate_bpm")) == 151);
	nf_journal_run r;
	assert_int_equal(nf_journal_get_run(ctx.journal, id, &r, NULL), NF_OK);
	assert_string_equal(r.cadence_unit, "spm");

	json_decref(api("POST", path, "{\"notes\":\"cold\"}", 200));
	json_object_set_new(run, "notes", json_string("cold"));
	expect_unchanged(path, "run", run);
	json_decref(api("POST", path, "{\"temperature_c\":null,\"heart_rate_bpm\":148}", 200));
	json_object_set_new(run, "temperature_c", json_null());
	json_object_set_new(run, "heart_rate_bpm", json_real(148));
	expect_unchanged(path, "run", run);

	static const struct {
		const char *body, *names;
	} bad[] = {
	    {"{\"temperature_c\":61}", "temperature_c"},
	    {"{\"temperature_c\":\"warm\"}", "temperature_c"},
	    {"{\"cadence_spm\":0}", "cadence_spm"},
	    {"{\"cadence_spm\":401}", "cadence_spm"},
	    {"{\"heart_rate_bpm\":19}", "heart_rate_bpm"},
	    {"{\"notes\":\"x\",\"heart_rate_bpm\":251}", "heart_rate_bpm"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		expect_status("POST", path, bad[i].body, 400, bad[i].names);
		expect_unchanged(path, "run", run);
	}
	json_decref(run);
}

static void episode_edit(void **state)
{
	(void)state;
	json_int_t ep;
	add_run(20, 12.5, &ep);
	char path[64];
	snprintf(path, sizeof path, "/api/episodes/%lld", (long long)ep);
	json_t *expected = get_record(path, "episode");

	json_t *o = api("POST", path, "{\"severity\":7}", 200);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "episode"), "severity")), 7);
	json_decref(o);
	json_object_set_new(expected, "severity", json_integer(7));
	expect_unchanged(path, "episode", expected);

	expect_status("POST", path, "{\"severity\":11}", 400, "severity");
	expect_status("POST", path, "{\"severity\":3,\"locations\":[\"nowhere\"]}", 400, "locations");
	expect_status("POST", path, "{\"severity\":3,\"mood\":1}", 400, "mood");
	expect_status("POST", path, "{\"run_id\":0}", 400, "run_id");
	expect_status("POST", path, "{\"run_id\":999}", 404, NULL);
	expect_unchanged(path, "episode", expected);

	/* Which foot: kept with the side it implies; a contradiction or an unknown foot is refused. */
	o = api("POST", path, "{\"foot\":\"right\"}", 200);
	assert_string_equal(str(json_object_get(o, "episode"), "foot", NULL), "right");
	assert_string_equal(str(json_object_get(o, "episode"), "side", NULL), "one");
	json_decref(o);
	json_object_set_new(expected, "foot", json_string("right"));
	expect_unchanged(path, "episode", expected);
	expect_status("POST", path, "{\"foot\":\"middle\"}", 400, "foot");
	expect_status("POST", path, "{\"foot\":\"left\",\"side\":\"both\"}", 400, "contradicts");
	expect_unchanged(path, "episode", expected);
	/* both feet, given as the side alone, cannot keep the right foot: the foot becomes both */
	o = api("POST", path, "{\"side\":\"both\"}", 200);
	assert_string_equal(str(json_object_get(o, "episode"), "foot", NULL), "both");
	json_decref(o);
	/* don't know clears it */
	o = api("POST", path, "{\"foot\":null,\"side\":null}", 200);
	assert_true(json_is_null(json_object_get(json_object_get(o, "episode"), "foot")));
	assert_true(json_is_null(json_object_get(json_object_get(o, "episode"), "side")));
	json_decref(o);
	json_decref(expected);
}

static void gear_edit(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/gear", BLUE_SHOES, 201);
	json_int_t id = id_of(o, "gear");
	json_decref(o);
	char path[64];
	snprintf(path, sizeof path, "/api/gear/%lld", (long long)id);
	json_t *expected = get_record(path, "gear");

	expect_status("POST", path, "{\"retired\":\"2026-11-20\",\"default\":true}", 400, "default");
	expect_unchanged(path, "gear", expected);
	expect_status("POST", path, "{\"retire_km\":600,\"default\":false}", 400, "default");
	expect_status("POST", path, "{\"retire_km\":0}", 400, "retire_km");
	expect_status("POST", path, "{\"nickname\":\"\"}", 400, "nickname");
	expect_status("POST", path, "{\"retired\":\"2026-13-01\"}", 400, "retired");
	/* The journal's rule for a nickname that could not be chosen afterwards, as on the command line. */
	expect_status("POST", path, "{\"nickname\":\"None\"}", 400, "the word for no gear");
	expect_status("POST", path, "{\"nickname\":\" Blue \"}", 400, "begins or ends with a space");
	expect_status("POST", path, "{\"nickname\":\"B\\u200blue\"}", 400, "invisible character");
	expect_status("POST", "/api/gear", "{\"kind\":\"shoes\",\"nickname\":\"none\"}", 400, "the word for no gear");
	expect_unchanged(path, "gear", expected);

	o = api("POST", path, "{\"retire_km\":600}", 200);
	json_decref(o);
	json_object_set_new(expected, "retire_km", json_real(600));
	/* Wear is reckoned against retire_km; the pair is new, so it stays what it was. */
	expect_unchanged(path, "gear", expected);

	/* Retiring the default pair ends its being the default; only bringing it back allows it. */
	json_decref(api("POST", path, "{\"retired\":\"2026-11-20\"}", 200));
	json_t *g = get_record(path, "gear");
	assert_string_equal(str(g, "retired", NULL), "2026-11-20");
	assert_true(json_is_false(json_object_get(g, "default")));
	json_decref(g);
	expect_status("POST", path, "{\"default\":true}", 400, "default");
	json_decref(api("POST", path, "{\"retired\":null,\"default\":true}", 200));
	expect_unchanged(path, "gear", expected);
	json_decref(expected);
}

/* The API's records are the export's: each key the library's writer (which `numbfoot export` and
 * every --json print) gives a record, the API gives too, and no other (tests/cli/
 * test_json_shapes.sh ties the commands to the same writer). */
static void same_keys(json_t *api_record, json_t *lib_record, const char *extra, const char *what)
{
	const char *key;
	json_t *v;
	assert_non_null(api_record);
	assert_non_null(lib_record);
	json_object_foreach(api_record, key, v)
	{
		if (!json_object_get(lib_record, key) && !(extra && !strcmp(key, extra)))
			fail_msg("%s: the API has \"%s\", the export not", what, key);
	}
	json_object_foreach(lib_record, key, v)
	{
		if (!json_object_get(api_record, key))
			fail_msg("%s: the export has \"%s\", the API not", what, key);
	}
	json_decref(lib_record);
}

static void records_have_the_exports_keys(void **state)
{
	(void)state;
	json_decref(api("POST", "/api/gear", BLUE_SHOES, 201));
	json_int_t ep, id = add_run(3, 10, &ep);
	nf_journal_run r;
	nf_episode e;
	nf_gear g;
	assert_int_equal(nf_journal_get_run(ctx.journal, id, &r, NULL), NF_OK);
	assert_int_equal(nf_journal_get_episode(ctx.journal, ep, &e, NULL), NF_OK);
	assert_int_equal(nf_journal_find_gear(ctx.journal, "Blue", &g, NULL), NF_OK);

	json_t *o = api("GET", "/api/runs", NULL, 200);
	json_t *run = json_array_get(json_object_get(o, "runs"), 0);
	same_keys(run, nf_run_json(&r), "episodes", "GET /api/runs");
	same_keys(json_array_get(json_object_get(run, "episodes"), 0), nf_episode_json(&e), NULL,
		  "GET /api/runs episodes");
	/* The keys the API lacked before it wrote runs with the export's writer. */
	assert_non_null(json_object_get(run, "cadence_unit"));
	assert_non_null(json_object_get(run, "stride_m"));
	assert_non_null(json_object_get(run, "source_sha256"));
	json_decref(o);
	o = api("GET", "/api/gear", NULL, 200);
	same_keys(json_array_get(json_object_get(o, "gear"), 0), nf_gear_json(&g), NULL, "GET /api/gear");
	json_decref(o);
	o = api("GET", "/api/episodes", NULL, 200);
	same_keys(json_array_get(json_object_get(o, "episodes"), 0), nf_episode_json(&e), NULL, "GET /api/episodes");
	json_decref(o);
	char path[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	o = api("GET", path, NULL, 200);
	same_keys(json_object_get(o, "run"), nf_run_json(&r), NULL, "GET /api/runs/ID");
	json_decref(o);
}

/* Distances go through the commands' checker (nf_distance_check): above zero for a run, within
 * NF_RUN_KM_MAX for a run and a point in one, NF_GEAR_KM_MAX for gear; each refusal names the
 * key, and nothing is stored. */
static void distances_are_checked(void **state)
{
	(void)state;
	static const struct {
		const char *path, *body, *why;
	} bad[] = {
	    {"/api/runs", "{\"distance_km\":0}", "distance_km: 0 km is zero"},
	    {"/api/runs", "{\"distance_km\":-1}", "distance_km: -1 km is out of range (more than 0 to 1000 km)"},
	    {"/api/runs", "{\"distance_km\":1001}", "distance_km: 1001 km is out of range"},
	    {"/api/runs", "{\"distance_km\":\"10\"}", "distance_km: must be a distance in km or null"},
	    {"/api/runs", "{\"distance_km\":10,\"episode\":{\"onset_km\":1200}}", "onset_km: 1200 km is out of range"},
	    {"/api/gear", "{\"nickname\":\"Red\",\"start_km\":20000}", "start_km: 20000 km is out of range (0 to 10000 km)"},
	    {"/api/gear", "{\"nickname\":\"Red\",\"retire_km\":0}", "retire_km: 0 km is zero"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_status("POST", bad[i].path, bad[i].body, 400, bad[i].why);
	json_t *o = api("GET", "/api/runs", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "runs")), 0);
	json_decref(o);
	o = api("GET", "/api/gear", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "gear")), 0);
	json_decref(o);
	/* The bounds themselves are taken. */
	json_decref(api("POST", "/api/runs", "{\"distance_km\":1000,\"episode\":{\"onset_km\":0}}", 201));
}

/* A date is ten characters YYYY-MM-DD, digits where digits go, and a day the calendar has: a sign
 * or a space that sscanf's %d would take, or 02-31, is refused with the key's name, not left for
 * the journal's own checks; nothing is stored. */
static void dates_are_strict(void **state)
{
	(void)state;
	json_t *o = api("POST", "/api/gear", BLUE_SHOES, 201);
	json_int_t id = id_of(o, "gear");
	json_decref(o);
	char path[64];
	snprintf(path, sizeof path, "/api/gear/%lld", (long long)id);
	json_t *before = get_record(path, "gear");
	static const char *const bad[] = {"2026-+1-02", "2026-11- 2", " 2026-11-2", "+2026-11-0",
					  "2026-11-2x", "2026/11/20", "20261120", "2026-02-31", "2026-13-01"};
	char body[96], want[96];
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(body, sizeof body, "{\"retired\":\"%s\"}", bad[i]);
		snprintf(want, sizeof want, "retired: '%s' is not a date (YYYY-MM-DD)", bad[i]);
		expect_status("POST", path, body, 400, want);
		snprintf(body, sizeof body, "{\"nickname\":\"Red\",\"first_use\":\"%s\"}", bad[i]);
		snprintf(want, sizeof want, "first_use: '%s' is not a date (YYYY-MM-DD)", bad[i]);
		expect_status("POST", "/api/gear", body, 400, want);
	}
	/* The time of a run: its date part is read by the same reader. */
	expect_status("POST", "/api/runs", "{\"start_time\":\"2026-02-31T10:00:00Z\",\"distance_km\":5}", 400,
		      "start_time:");
	json_t *runs = api("GET", "/api/runs", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(runs, "runs")), 0);
	json_decref(runs);
	expect_unchanged(path, "gear", before);
	json_decref(before);
	json_decref(api("POST", path, "{\"first_use\":\"2026-01-02\"}", 200));
}

static void record_delete(void **state)
{
	(void)state;
	json_int_t ep, id = add_run(20, 12.5, &ep);
	char path[64], del[80], epath[64];
	snprintf(path, sizeof path, "/api/runs/%lld", (long long)id);
	snprintf(del, sizeof del, "%s/delete", path);
	snprintf(epath, sizeof epath, "/api/episodes/%lld", (long long)ep);

	/* A GET never deletes. */
	expect_status("GET", del, NULL, 405, "POST");
	expect_status("HEAD", del, NULL, 405, "POST");
	json_decref(get_record(path, "run"));

	json_t *o = api("POST", del, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(o, "deleted")), id);
	json_decref(o);
	expect_status("GET", path, NULL, 404, NULL);
	expect_status("GET", epath, NULL, 404, NULL); /* its episode goes with it */
	expect_status("POST", del, NULL, 404, NULL);
	expect_status("POST", path, "{\"distance_km\":5}", 404, NULL);
	o = api("GET", "/api/runs", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(o, "runs")), 0);
	json_decref(o);
}

static void record_paths(void **state)
{
	(void)state;
	add_run(20, 12.5, NULL);
	static const char *const none[] = {
	    "/api/runs/0",
	    "/api/runs/1x",
	    "/api/runs/",
	    "/api/runs/00",
	    "/api/runs/-1",
	    "/api/runs/1/delete/x",
	    "/api/runs/1/del",
	    "/api/runs/1/",
	    "/api/runs/2",
	    "/api/gear/1",
	    "/api/episodes/2",
	    "/api/shoes/1",
	    "/api/runs/99999999999999999999",
	};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		expect_status("GET", none[i], NULL, 404, NULL);
	expect_status("POST", "/api/runs/0/delete", NULL, 404, NULL);
	expect_status("POST", "/api/gear/1/delete", NULL, 404, NULL);
	json_decref(get_record("/api/runs/1", "run"));
	/* A leading zero is read as the command line reads it: run 01 is run 1. */
	json_t *o = get_record("/api/runs/001", "run");
	assert_int_equal(json_integer_value(json_object_get(o, "id")), 1);
	json_decref(o);
}

/* ---- saved assessments ---- */

/* POSTs body to /api/assessments; returns the new id after checking "complete". */
static json_int_t save_assessment(const char *body, bool complete)
{
	json_t *o = api("POST", "/api/assessments", body, 201);
	json_t *id = json_object_get(o, "id");
	assert_true(json_is_integer(id));
	assert_true(json_is_boolean(json_object_get(o, "complete")));
	assert_int_equal(json_is_true(json_object_get(o, "complete")), complete);
	json_int_t v = json_integer_value(id);
	json_decref(o);
	return v;
}

/* A body that answers every warning sign "no" at the interview's screen cap: the engine has
 * nothing more it may ask, so the interview is complete without any emergency. */
static char *all_signs_no_at_cap(void)
{
	json_t *ans = json_object();
	for (size_t f = 0; f < nf_kb_findings(kb); f++)
		if (nf_kb_finding_red_flag(kb, f, NULL) >= 0 && nf_kb_finding_type(kb, f) == NF_BOOL &&
		    !nf_kb_finding_clinician(kb, f))
			json_object_set_new(ans, nf_kb_finding_id(kb, f), json_false());
	assert_true(json_object_size(ans) > 0);
	json_t *o = json_pack("{s:s, s:o, s:i}", "mode", "runner", "answers", ans, "screens", NF_MAX_SCREENS);
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	assert_non_null(text);
	return text;
}

/* Each saved assessment says whether its interview was finished; one can be read and deleted by
 * id, a missing id is a 404 naming it, and the list follows. */
static void assessments_saved_read_deleted(void **state)
{
	(void)state;
	/* Nothing answered: nothing to assess, nothing stored. Stopped before the warning signs: not
	 * finished. An emergency sign ends the interview: finished. Every sign answered and nothing
	 * left to ask: finished. */
	expect_status("POST", "/api/assessments", "{\"answers\":{}}", 422, "nothing to assess");
	json_int_t cut = save_assessment("{\"answers\":{\"age\":30}}", false);
	json_int_t stop = save_assessment("{\"answers\":{\"saddle_numbness\":true},\"screens\":1}", true);
	char *body = all_signs_no_at_cap();
	json_int_t done = save_assessment(body, true);
	free(body);
	/* The same signs one screen earlier: the engine still has questions, so not finished. */
	body = all_signs_no_at_cap();
	char *cap = strstr(body, "\"screens\":");
	assert_non_null(cap);
	snprintf(cap, strlen(cap) + 1, "\"screens\":%d}", NF_MAX_SCREENS - 1);
	json_int_t short_one = save_assessment(body, false);
	free(body);

	json_t *o = api("GET", "/api/assessments", NULL, 200), *list = json_object_get(o, "assessments");
	assert_int_equal(json_array_size(list), 4);
	static const bool want[] = {false, true, true, false};
	for (size_t i = 0; i < 4; i++) {
		json_t *a = json_array_get(list, i);
		assert_true(json_is_boolean(json_object_get(a, "complete")));
		assert_int_equal(json_is_true(json_object_get(a, "complete")), want[i]);
		assert_true(json_is_object(json_object_get(a, "result")));
		assert_true(json_is_object(json_object_get(a, "answers")));
	}
	char path[80];
	snprintf(path, sizeof path, "/api/assessments/%lld", (long long)stop);
	json_t *one = get_record(path, "assessment");
	assert_true(json_equal(one, json_array_get(list, 1)));
	assert_string_equal(str(json_object_get(one, "result"), "triage", "level"), "emergency");
	json_decref(one);
	json_decref(o);

	/* Read and delete are the only verbs of one assessment; a GET never deletes. */
	char del[96];
	snprintf(del, sizeof del, "%s/delete", path);
	expect_status("GET", del, NULL, 405, "POST");
	expect_status("HEAD", del, NULL, 405, "POST");
	expect_status("POST", path, "{}", 405, "GET");
	expect_status("PUT", "/api/assessments", "{}", 405, NULL);
	json_decref(get_record(path, "assessment"));

	o = api("POST", del, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(o, "deleted")), stop);
	json_decref(o);
	expect_status("GET", path, NULL, 404, "no assessment with id");
	expect_status("POST", del, NULL, 404, "no assessment with id");
	expect_status("GET", "/api/assessments/999", NULL, 404, "no assessment with id 999");
	expect_status("POST", "/api/assessments/999/delete", NULL, 404, "no assessment with id 999");

	o = api("GET", "/api/assessments", NULL, 200);
	list = json_object_get(o, "assessments");
	assert_int_equal(json_array_size(list), 3);
	json_int_t left[] = {cut, done, short_one};
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(json_integer_value(json_object_get(json_array_get(list, i), "id")), left[i]);
	json_decref(o);
}

/* The new endpoints pass the same checks as every other: the token to read or delete, the origin
 * checks on a delete, and paths that are not an id are not theirs. */
static void assessments_checked(void **state)
{
	(void)state;
	json_int_t id = save_assessment("{\"answers\":{\"age\":30}}", false);
	char path[80], del[96];
	snprintf(path, sizeof path, "/api/assessments/%lld", (long long)id);
	snprintf(del, sizeof del, "%s/delete", path);
	expect_error(call_with("GET", "/api/assessments", NULL, WITH_HOST, NULL, 0), 403, "token");
	expect_error(call_with("GET", path, NULL, WITH_HOST, NULL, 0), 403, "token");
	expect_error(call_with("POST", del, NULL, WITH_HOST, NULL, 0), 403, "token");
	struct web_header wrong = {"X-Numbfoot-Token", WRONG_TOKEN};
	expect_error(call_with("POST", del, NULL, WITH_HOST, &wrong, 1), 403, "token");
	struct web_header h = {"Origin", "http://evil.example"};
	expect_error(call_with("POST", del, NULL, USUAL, &h, 1), 403, "Origin");
	h = (struct web_header){"Sec-Fetch-Site", "cross-site"};
	expect_error(call_with("POST", del, NULL, USUAL, &h, 1), 403, "Sec-Fetch-Site");
	h = (struct web_header){"Host", "evil.example:8737"};
	expect_error(call_with("POST", del, NULL, WITH_TOKEN, &h, 1), 421, "evil.example");
	json_decref(get_record(path, "assessment")); /* still there */

	static const char *const none[] = {
	    "/api/assessments/0",	 "/api/assessments/00",	      "/api/assessments/1x",
	    "/api/assessments/",	 "/api/assessments/-1",	      "/api/assessments/1/",
	    "/api/assessments/1/del",	 "/api/assessments/1/delete/x", "/api/assessmentsx",
	    "/api/assessments/99999999999999999999",
	};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		expect_status("GET", none[i], NULL, 404, NULL);
	expect_status("POST", "/api/assessments/0/delete", NULL, 404, NULL);
	json_decref(get_record(path, "assessment"));
}

/* ---- analysis and report ---- */

static void fill(void)
{
	json_decref(api("POST", "/api/gear", BLUE_SHOES, 201));
	for (int day = 1; day <= 7; day++)
		add_run(day * 2, 8 + day, NULL);
}

static void analysis(void **state)
{
	(void)state;
	fill();
	json_t *o = api("GET", "/api/analysis", NULL, 200);
	assert_true(json_is_object(o));
	assert_non_null(json_object_get(o, "findings"));
	assert_non_null(json_object_get(o, "needs"));
	json_decref(o);
	expect_status("POST", "/api/analysis", "{}", 405, "GET");
}

/* A run of today whose numbness took 6 hours to come back brings the warning sign at once: in the
 * answer to the run added (the page's "Run added") and to an episode added, and over the advice in
 * the analysis ("From your own data"), in the knowledge base's words for not_settled_hours. One of
 * 15 minutes, or one of hours a week ago, does not. */
static void not_settled_warning_sign(void **state)
{
	(void)state;
	const char *says = NULL;
	int f = nf_kb_finding_index(kb, "not_settled_hours");
	assert_true(f >= 0);
	assert_int_equal(nf_kb_finding_red_flag(kb, (size_t)f, &says), NF_URGENT);
	char when[24], old[24], body[400];
	nf_time_iso((int64_t)time(NULL) - 3 * 3600, when, sizeof when);
	nf_time_iso((int64_t)time(NULL) - 7 * 86400, old, sizeof old);
	snprintf(body, sizeof body, "{\"start_time\":\"%s\",\"distance_km\":10,\"duration_min\":60,"
		 "\"episode\":{\"onset_km\":8,\"recover_min\":%d}}", old, 360);
	json_t *o = api("POST", "/api/runs", body, 201);
	assert_true(json_is_null(json_object_get(o, "warning_sign"))); /* a week ago */
	json_decref(o);
	snprintf(body, sizeof body, "{\"start_time\":\"%s\",\"distance_km\":30,\"duration_min\":170,"
		 "\"episode\":{\"onset_km\":25,\"recover_min\":%d}}", when, 15);
	o = api("POST", "/api/runs", body, 201);
	assert_true(json_is_null(json_object_get(o, "warning_sign"))); /* 15 minutes */
	json_int_t run = id_of(o, "run");
	json_decref(o);
	o = api("GET", "/api/analysis", NULL, 200);
	assert_true(json_is_null(json_object_get(o, "warning_sign")));
	json_decref(o);
	snprintf(body, sizeof body, "{\"run_id\":%lld,\"onset_km\":28,\"recover_min\":360}", (long long)run);
	o = api("POST", "/api/episodes", body, 201);
	json_t *w = json_object_get(o, "warning_sign");
	assert_string_equal(str(w, "finding", NULL), "not_settled_hours");
	assert_string_equal(str(w, "level", NULL), "urgent");
	assert_string_equal(str(w, "says", NULL), says);
	assert_true(json_real_value(json_object_get(w, "recover_min")) == 360);
	json_decref(o);
	snprintf(body, sizeof body, "{\"start_time\":\"%s\",\"distance_km\":5,\"duration_min\":30,"
		 "\"episode\":{\"onset_km\":4,\"recover_min\":180}}", when);
	snprintf(body + strlen(body) - 1, sizeof body - strlen(body) + 1, ",\"force\":true}");
	o = api("POST", "/api/runs", body, 201);
	w = json_object_get(o, "warning_sign");
	assert_string_equal(str(w, "says", NULL), says);
	assert_true(strstr(says, "Be seen today") && strstr(says, "get emergency care now"));
	json_decref(o);
	o = api("GET", "/api/analysis", NULL, 200);
	w = json_object_get(o, "warning_sign");
	assert_string_equal(str(w, "says", NULL), says);
	json_decref(o);
	/* Not back when logged: the same sign, with no minutes; with minutes too, refused. */
	snprintf(body, sizeof body, "{\"start_time\":\"%s\",\"distance_km\":6,\"duration_min\":35,"
		 "\"episode\":{\"onset_km\":4,\"not_back\":true},\"force\":true}", when);
	o = api("POST", "/api/runs", body, 201);
	w = json_object_get(o, "warning_sign");
	assert_string_equal(str(w, "says", NULL), says);
	assert_true(json_is_true(json_object_get(w, "not_back")) && json_is_null(json_object_get(w, "recover_min")));
	json_decref(o);
	snprintf(body, sizeof body, "{\"start_time\":\"%s\",\"distance_km\":7,\"duration_min\":40,"
		 "\"episode\":{\"onset_km\":4,\"not_back\":true,\"recover_min\":30},\"force\":true}", when);
	expect_status("POST", "/api/runs", body, 400, "not both");
}

static void report_downloads(void **state)
{
	(void)state;
	fill();
	struct web_response rs = call("GET", "/api/report.pdf", NULL);
	assert_int_equal(rs.status, 200);
	assert_string_equal(rs.type, "application/pdf");
	assert_true(rs.owned && rs.no_store);
	assert_true(rs.len > 1000 && !memcmp(rs.body, "%PDF", 4));
	static const char attach[] = "attachment; filename=\"numbfoot-report-";
	assert_true(!strncmp(rs.disposition, attach, sizeof attach - 1));
	size_t n = strlen(rs.disposition);
	assert_true(n > 5 && !strcmp(rs.disposition + n - 5, ".pdf\""));
	web_response_release(&rs);
	assert_int_equal(files_in(spool), 0);

	rs = call("GET", "/api/report.svg", NULL);
	assert_int_equal(rs.status, 200);
	assert_string_equal(rs.type, "image/svg+xml");
	assert_true(rs.len > 5 && (!memcmp(rs.body, "<?xml", 5) || !memcmp(rs.body, "<svg", 4)));
	assert_non_null(memmem(rs.body, rs.len, "</svg>", 6));
	/* Figures are shown in the page, not downloaded. */
	assert_string_equal(rs.disposition, "");
	web_response_release(&rs);
	assert_int_equal(files_in(spool), 0);

	expect_status("POST", "/api/report.pdf", NULL, 405, "GET");
	expect_status("GET", "/api/report.txt", NULL, 404, NULL);
	assert_int_equal(files_in(spool), 0);
}

/* GET path?w=width with the usual headers. */
static struct web_response call_width(const char *path, const char *width)
{
	struct web_header hs[] = {{"Host", HOST}, {"X-Numbfoot-Token", TOKEN}};
	struct web_request rq = {.method = "GET", .path = path, .width = width, .headers = hs, .nheaders = 2};
	struct web_response rs;
	web_handle(&ctx, &rq, &rs);
	return rs;
}

/* One figure at a time, laid out for the column it is shown in: w CSS pixels drawn at w / 1.4
 * points, so that 8-point labels show at about 11 px. */
static void report_figures(void **state)
{
	(void)state;
	fill();
	json_t *o = api("GET", "/api/report/figures", NULL, 200);
	json_t *list = json_object_get(o, "figures");
	assert_int_equal(json_array_size(list), NF_REPORT_FIGURES);
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *f = json_array_get(list, i);
		assert_int_equal(json_integer_value(json_object_get(f, "n")), (json_int_t)i + 1);
		assert_string_equal(str(f, "title", NULL), nf_report_figure_title((int)i));
	}
	json_decref(o);
	for (int n = 1; n <= NF_REPORT_FIGURES; n++) {
		char path[64];
		snprintf(path, sizeof path, "/api/report/figure/%d.svg", n);
		struct web_response rs = call_width(path, "364");
		assert_int_equal(rs.status, 200);
		assert_string_equal(rs.type, "image/svg+xml");
		assert_true(rs.no_store);
		const char *w = memmem(rs.body, rs.len, " width=\"", 8);
		assert_non_null(w);
		assert_true(fabs(atof(w + 8) - 364 / 1.4) < 0.01);
		assert_non_null(memmem(rs.body, rs.len, "</svg>", 6));
		web_response_release(&rs);
	}
	struct web_response rs = call_width("/api/report/figure/1.svg", NULL);
	assert_int_equal(rs.status, 200);
	web_response_release(&rs);
	static const char *const bad_w[] = {"100", "3000", "36o", "", "-400"};
	for (size_t i = 0; i < sizeof bad_w / sizeof *bad_w; i++)
		expect_error(call_width("/api/report/figure/1.svg", bad_w[i]), 400, "w:");
	static const char *const no_such[] = {"/api/report/figure/0.svg", "/api/report/figure/6.svg",
					      "/api/report/figure/1.png", "/api/report/figure/12.svg",
					      "/api/report/figure/"};
	for (size_t i = 0; i < sizeof no_such / sizeof *no_such; i++)
		expect_status("GET", no_such[i], NULL, 404, "figure");
	expect_status("POST", "/api/report/figure/1.svg", "{}", 405, "GET");
	assert_int_equal(files_in(spool), 0);
}

static void report_without_spool(void **state)
{
	(void)state;
	const char *keep = ctx.tmpdir;
	char gone[700];
	snprintf(gone, sizeof gone, "%s/missing", spool);
	ctx.tmpdir = gone;
	expect_status("GET", "/api/report.svg", NULL, 500, "temporary file");
	ctx.tmpdir = keep;
	assert_int_equal(files_in(spool), 0);
}

static void no_journal(void **state)
{
	(void)state;
	web_journal_close(&ctx);
	assert_null(ctx.journal);
	expect_status("GET", "/api/analysis", NULL, 503, "journal");
	expect_status("GET", "/api/report.pdf", NULL, 503, "journal");
	expect_status("GET", "/api/runs", NULL, 503, "journal");
	expect_status("GET", "/api/runs/1", NULL, 503, "journal");
	expect_status("POST", "/api/gear/1", "{\"retire_km\":600}", 503, "journal");
	expect_status("POST", "/api/runs/1/delete", NULL, 503, "journal");
	expect_status("GET", "/api/assessments", NULL, 503, "journal");
	expect_status("GET", "/api/assessments/1", NULL, 503, "journal");
	expect_status("POST", "/api/assessments/1/delete", NULL, 503, "journal");
	/* The assessment needs no journal. */
	json_decref(api("POST", "/api/assess/next", "{\"answers\":{}}", 200));
	/* Method and path mistakes are still told as such. */
	expect_status("POST", "/api/analysis", NULL, 405, "GET");
	expect_status("GET", "/api/runs/1/delete", NULL, 405, "POST");
	expect_status("GET", "/api/assessments/1/delete", NULL, 405, "POST");
}

/* Bytes that are not UTF-8 in what an error quotes are a 4xx naming the problem, never a 500. */
static void not_utf8_is_a_4xx(void **state)
{
	(void)state;
	expect_status("GET", "/\xff", NULL, 404, "/?");
	struct web_header h = {"Host", "\xff:8737"};
	expect_error(call_with("GET", "/api/kb", NULL, WITH_TOKEN, &h, 1), 421, "?:8737");
	expect_error(call_with("\xff", "/api/kb", NULL, USUAL, NULL, 0), 405, NULL);
	h = (struct web_header){"Origin", "http://\xff"};
	expect_error(call_with("POST", "/api/gear", "{}", USUAL, &h, 1), 403, NULL);
	/* A key of 59 letters and an e-acute, cut mid-character by the message's field width. */
	char body[128];
	snprintf(body, sizeof body, "{\"%s\xc3\xa9\": 1}",
		 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefg");
	struct web_response rs = call("POST", "/api/gear", body);
	assert_true(rs.status >= 400 && rs.status < 500);
	expect_error(rs, rs.status, NULL);
}

/* The error of a 400 answer to method path body, copied into out. */
static void error_of(const char *method, const char *path, const char *body, char *out, size_t size)
{
	struct web_response rs = call(method, path, body);
	json_t *o = answer_json(&rs, 400);
	snprintf(out, size, "%s", json_string_value(json_object_get(o, "error")) ? json_string_value(json_object_get(o, "error")) : "");
	json_decref(o);
}

/* A body that is not JSON is refused in the same words at the same byte by the journal's records
 * and the assessment: a person's words (no jansson flag names), "byte N", not a line and column. */
static void parse_errors_read_alike(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "{\"notes\":\"x\\u0000y\"}", "{\"a\\u0000\":1}", "{\"a\":1,}", "{\"a\":1", "{\"a\" 1}",
	    "{\"a\":tru}", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":\"\\q\"}", "{\n\"a\":\n@}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char runs[300], gear[300], assess[300];
		error_of("POST", "/api/runs", bad[i], runs, sizeof runs);
		error_of("POST", "/api/gear", bad[i], gear, sizeof gear);
		error_of("POST", "/api/assess/next", bad[i], assess, sizeof assess);
		if (strcmp(runs, assess) || strcmp(gear, assess))
			fail_msg("%s: runs \"%s\", gear \"%s\", assess \"%s\"", bad[i], runs, gear, assess);
		if (strncmp(runs, "body: byte ", 11) || strstr(runs, "JSON_") || strstr(runs, "line"))
			fail_msg("%s: \"%s\"", bad[i], runs);
	}
	char msg[300];
	error_of("POST", "/api/runs", bad[0], msg, sizeof msg);
	assert_string_equal(msg, "body: byte 11: a NUL character is not allowed");
	error_of("POST", "/api/episodes", bad[1], msg, sizeof msg);
	assert_string_equal(msg, "body: byte 3: a NUL character is not allowed");
}

#define T(f) cmocka_unit_test_setup_teardown(f, open_journal, close_journal)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(host_is_checked),
	    T(overlapping_run_is_asked),
	    T(run_edit_clash_is_asked),
	    T(gear_dates_hold_runs),
	    T(run_edit_duration_sets_both_times),
	    T(future_run_refused),
	    T(header_count_is_capped),
	    T(post_needs_token),
	    T(cookies_are_ignored),
	    T(cross_site_post_refused),
	    T(framing_and_host_unambiguous),
	    T(json_content_type),
	    T(api_needs_token_page_does_not),
	    T(checked_before_the_body),
	    T(body_too_large),
	    T(methods),
	    T(every_405_says_allow),
	    T(assess_first_question),
	    T(assess_next_as_jansson_writes),
	    T(assess_progress),
	    T(assess_red_flag_is_emergency),
	    T(assess_next_names_the_rule),
	    T(assess_bad_bodies),
	    T(parse_errors_read_alike),
	    T(gear_add_and_list),
	    T(run_add_and_get),
	    T(import_merges_typed_run),
	    T(import_skips_no_distance),
	    T(run_edit_named_fields_only),
	    T(run_edit_keeps_exact_values),
	    T(run_bad_field_changes_nothing),
	    T(run_measures),
	    T(episode_edit),
	    T(gear_edit),
	    T(dates_are_strict),
	    T(distances_are_checked),
	    T(records_have_the_exports_keys),
	    T(record_delete),
	    T(record_paths),
	    T(assessments_saved_read_deleted),
	    T(assessments_checked),
	    T(analysis),
	    T(not_settled_warning_sign),
	    T(report_downloads),
	    T(report_figures),
	    T(report_without_spool),
	    T(no_journal),
	    T(not_utf8_is_a_4xx),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
