/* The request handler: security checks, the route table, the static page.
 *
 * Every request passes, in this order: the header count cap, an unambiguous body length (one
 * Content-Length, or chunked alone), one Host on the allow-list (against DNS rebinding), the
 * method, for a POST the Origin and Sec-Fetch-Site checks (against cross-site requests), for
 * every API call and every POST the token in the X-Numbfoot-Token header, and for a POST of JSON
 * a Content-Type that is JSON or absent.
 * Cookies are ignored: browsers do not scope them by port, so any other server on 127.0.0.1 would
 * receive the token and could plant one of its own. The page and its scripts are public and
 * served without the token. These checks need the headers alone (web_check), so the server runs
 * them before it reads a byte of a body. Only then is a request routed. Each answer to a bad
 * request is a 4xx with a JSON body {"error": "..."} that names the problem. The assessment
 * itself is in web/assess.c.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numbfoot/text.h"
#include "web.h"

static const char oom_body[] = "{\"error\": \"out of memory\"}";

const char *web_header(const struct web_request *rq, const char *name)
{
	for (size_t i = 0; i < rq->nheaders && i < WEB_MAX_HEADERS; i++)
		if (rq->headers[i].name && !strcasecmp(rq->headers[i].name, name))
			return rq->headers[i].value;
	return NULL;
}

bool web_path_id(const char *p, int64_t *id, bool *del)
{
	int64_t v = 0;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v == 0 || (*p && strcmp(p, "/delete")))
		return false;
	*id = v;
	*del = *p != '\0';
	return true;
}

void web_response_release(struct web_response *rs)
{
	if (rs->owned)
		free((void *)rs->body);
	rs->body = NULL;
	rs->owned = false;
}

void web_json_text(struct web_response *rs, int status, char *text)
{
	rs->no_store = true;
	rs->type = "application/json";
	if (!text) {
		rs->status = 500;
		rs->body = oom_body;
		rs->len = sizeof oom_body - 1;
		rs->owned = false;
		return;
	}
	rs->status = status;
	rs->body = text;
	rs->len = strlen(text);
	rs->owned = true;
}

void web_json_error(struct web_response *rs, int status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* The message quotes the request (a path, a Host, a key), which may hold bytes that are not
	 * UTF-8 or a character cut by the buffer; jansson refuses those, so each such byte is shown
	 * as '?' and the answer stays the 4xx it is. */
	const unsigned char *end = (const unsigned char *)msg + strlen(msg);
	for (unsigned char *p = (unsigned char *)msg; p < end;) {
		size_t n = *p < 0x80 ? 1 : nf_utf8_len(p, end);
		if (n == 0)
			*p++ = '?';
		else
			p += n;
	}
	json_t *o = json_pack("{s:s}", "error", msg);
	web_json_text(rs, status, o ? json_dumps(o, JSON_COMPACT) : NULL);
	json_decref(o);
}

void web_method_not_allowed(struct web_response *rs, const char *path, const char *use)
{
	web_json_error(rs, 405, "%.100s: use %s", path, use);
	rs->allow = !strcmp(use, "GET") ? "GET, HEAD" : !strcmp(use, "POST") ? "POST" : "GET, HEAD, POST";
}

bool web_ctx_init(struct web_ctx *ctx, const nf_kb *kb)
{
	pthread_mutex_init(&ctx->journal_lock, NULL);
	return web_assess_init(ctx, kb);
}

void web_ctx_release(struct web_ctx *ctx)
{
	web_assess_release(ctx);
	pthread_mutex_destroy(&ctx->journal_lock);
}

bool web_ctx_allow_host(struct web_ctx *ctx, const char *host, unsigned port)
{
	if (ctx->nhosts >= WEB_MAX_HOSTS)
		return false;
	snprintf(ctx->hosts[ctx->nhosts++], WEB_HOST_MAX, "%s:%u", host, port);
	return true;
}

/* ---- the checks every request passes ---- */

/* Constant-time comparison of a presented token with ours. */
static bool token_equal(const struct web_ctx *ctx, const char *s, size_t n)
{
	if (!s || n != WEB_TOKEN_HEX)
		return false;
	unsigned char d = 0;
	for (size_t i = 0; i < WEB_TOKEN_HEX; i++)
		d |= (unsigned char)(s[i] ^ ctx->token[i]);
	return d == 0;
}

static bool has_token(const struct web_ctx *ctx, const struct web_request *rq)
{
	const char *h = web_header(rq, "X-Numbfoot-Token");
	if (!h)
		return false;
	/* A field value's white space around it is not part of it (RFC 9110, 5.5); the HTTP library
	 * strips the leading part, and the trailing part is not counted here. */
	size_t n = strlen(h);
	while (n && (h[n - 1] == ' ' || h[n - 1] == '\t'))
		n--;
	return token_equal(ctx, h, n);
}

/* How many times header name is in rq (those past WEB_MAX_HEADERS are not seen, and refused). */
static size_t header_count(const struct web_request *rq, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < rq->nheaders && i < WEB_MAX_HEADERS; i++)
		if (rq->headers[i].name && !strcasecmp(rq->headers[i].name, name))
			n++;
	return n;
}

/* True when a POST's body must be JSON: every POST but an upload, whose body is the file. */
static bool takes_json(const char *path)
{
	return strcmp(path, "/api/import") != 0;
}

/* True when a Content-Type value is application/json, with parameters or not
 * ("application/json; charset=utf-8"). */
static bool is_json_type(const char *type)
{
	static const char json[] = "application/json";
	size_t n = sizeof json - 1;
	return !strncasecmp(type, json, n) && (type[n] == '\0' || type[n] == ';' || type[n] == ' ');
}

/* Where a request's body ends must be beyond doubt: a second Content-Length, or one beside a
 * Transfer-Encoding, is how a request smuggles another past a proxy (RFC 9112, 6.3), and a coding
 * other than chunked would leave the server waiting for a body it cannot read. False with rs set
 * to the 400 or 501. */
static bool framing_clear(const struct web_request *rq, struct web_response *rs)
{
	size_t ncl = header_count(rq, "Content-Length"), nte = header_count(rq, "Transfer-Encoding");
	const char *te = web_header(rq, "Transfer-Encoding");
	if (ncl > 1) {
		web_json_error(rs, 400, "Content-Length given %zu times", ncl);
		return false;
	}
	if (nte > 1 || (nte && ncl)) {
		web_json_error(rs, 400, "Transfer-Encoding given %s: where the body ends is unclear",
			       nte > 1 ? "twice" : "with a Content-Length");
		return false;
	}
	if (te && strcasecmp(te, "chunked")) {
		web_json_error(rs, 501, "Transfer-Encoding '%.40s' is not supported (only chunked)", te);
		return false;
	}
	return true;
}

static bool host_allowed(const struct web_ctx *ctx, const char *host)
{
	for (size_t i = 0; i < ctx->nhosts; i++)
		if (!strcasecmp(ctx->hosts[i], host))
			return true;
	return false;
}

/* ---- the page ---- */

static const struct web_asset *find_asset(const struct web_ctx *ctx, const char *path)
{
	if (!strcmp(path, "/index.html"))
		path = "/";
	for (size_t i = 0; i < ctx->nassets; i++)
		if (!strcmp(ctx->assets[i].path, path))
			return &ctx->assets[i];
	return NULL;
}

bool web_check(const struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	memset(rs, 0, sizeof *rs);
	const char *m = rq->method ? rq->method : "";
	const char *path = rq->path ? rq->path : "";
	bool is_get = !strcmp(m, "GET") || !strcmp(m, "HEAD"), is_post = !strcmp(m, "POST");

	if (rq->nheaders > WEB_MAX_HEADERS) {
		web_json_error(rs, 431, "too many request headers (at most %d)", WEB_MAX_HEADERS);
		return false;
	}
	if (!framing_clear(rq, rs))
		return false;
	const char *host = web_header(rq, "Host");
	if (!host) {
		web_json_error(rs, 400, "Host header missing");
		return false;
	}
	if (header_count(rq, "Host") > 1) {
		/* Which one a check reads and which one a proxy obeys could differ (RFC 9112, 3.2). */
		web_json_error(rs, 400, "Host header given more than once");
		return false;
	}
	if (!host_allowed(ctx, host)) {
		web_json_error(rs, 421, "Host '%.80s' is not this server's address", host);
		return false;
	}
	if (!is_get && !is_post) {
		web_json_error(rs, 405, "method %.16s not allowed (GET, HEAD or POST)", m);
		rs->allow = "GET, HEAD, POST";
		return false;
	}
	if (is_post) {
		const char *origin = web_header(rq, "Origin"), *site = web_header(rq, "Sec-Fetch-Site");
		if (origin && (strncmp(origin, "http://", 7) || strcasecmp(origin + 7, host))) {
			web_json_error(rs, 403, "cross-site request refused (Origin '%.80s')", origin);
			return false;
		}
		if (site && strcmp(site, "same-origin") && strcmp(site, "none")) {
			web_json_error(rs, 403, "cross-site request refused (Sec-Fetch-Site '%.20s')", site);
			return false;
		}
	}
	if ((is_post || !strncmp(path, "/api/", 5)) && !has_token(ctx, rq)) {
		web_json_error(rs, 403,
			       "token missing or wrong: start numbfoot serve and open the address it prints");
		return false;
	}
	/* A body said to be something else is not read as JSON (a form, text from a script that
	 * meant another server); with no Content-Type at all it is, as the page's own requests and
	 * plain clients send it. */
	const char *type = web_header(rq, "Content-Type");
	if (is_post && takes_json(path) && type && !is_json_type(type)) {
		web_json_error(rs, 415, "Content-Type '%.60s': send the body as application/json", type);
		return false;
	}
	return true;
}

/* ---- the route table ---- */

/* The page's files, an empty icon, and any other path outside /api/. */
static bool page(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	const char *m = rq->method ? rq->method : "", *path = rq->path ? rq->path : "";
	bool is_get = !strcmp(m, "GET") || !strcmp(m, "HEAD"), icon = !strcmp(path, "/favicon.ico");
	const struct web_asset *a = find_asset(ctx, path);
	if (!a && !icon)
		web_json_error(rs, 404, "%.100s: no such page", path);
	else if (!is_get)
		web_method_not_allowed(rs, path, "GET");
	else if (a) {
		rs->status = 200;
		rs->type = a->type;
		rs->body = a->data;
		rs->len = a->len;
		rs->owned = false;
	} else {
		/* No icon: an empty answer rather than a 404 in the browser's console. */
		rs->status = 204;
		rs->type = "image/x-icon";
	}
	return true;
}

/* A 200 with JSON text that outlives the answer (not freed with it). */
static bool json_static(struct web_response *rs, const char *body, size_t len)
{
	rs->status = 200;
	rs->type = "application/json";
	rs->body = body;
	rs->len = len;
	rs->no_store = true;
	return true;
}

/* The page asks this first, to say at once when its token is missing or stale. */
static bool session_get(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	static const char ok[] = "{\"ok\":true}";
	return json_static(rs, ok, sizeof ok - 1);
}

static bool kb_get(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	return json_static(rs, ctx->kb_json, ctx->kb_json_len);
}

static bool no_endpoint(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	return false;
}

/* The first entry whose path is the request's (or begins it, for a prefix) takes the request.
 * With a method, the entry answers any other with 405; without one, its handler checks the
 * method itself, as the families of paths with an id in them do. */
static const struct route {
	const char *method; /* "GET" (HEAD too) or "POST"; NULL: the handler's own choice */
	const char *path;
	bool prefix;
	web_route *handle;
} routes[] = {
    {"GET", "/api/session", false, session_get},
    {"GET", "/api/kb", false, kb_get},
    {"POST", "/api/assess/next", false, web_assess_next},
    {"POST", "/api/assess/progress", false, web_assess_progress},
    {"POST", "/api/assess/result", false, web_assess_result},
    {NULL, "/api/gear", false, web_journal_route},
    {NULL, "/api/runs", false, web_journal_route},
    {NULL, "/api/episodes", false, web_journal_route},
    {NULL, "/api/import", false, web_journal_route},
    {NULL, "/api/assessments", true, web_assessment_route},
    {NULL, "/api/runs/", true, web_edit_route},
    {NULL, "/api/episodes/", true, web_edit_route},
    {NULL, "/api/gear/", true, web_edit_route},
    {NULL, "/api/analysis", false, web_insight_route},
    {NULL, "/api/report", true, web_insight_route},
    {NULL, "/api/", true, no_endpoint},
    {NULL, "", true, page},
};

void web_handle(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	if (!web_check(ctx, rq, rs))
		return;
	const char *m = rq->method ? rq->method : "";
	const char *path = rq->path ? rq->path : "";

	if (rq->body_too_large && !strcmp(path, "/api/import")) {
		web_json_error(rs, 413, "file too large (at most %d bytes; a larger export goes through 'numbfoot import')", WEB_UPLOAD_MAX);
		return;
	}
	if (rq->body_too_large) {
		web_json_error(rs, 413, "request body too large (at most %d bytes of JSON)", WEB_JSON_MAX);
		return;
	}

	const struct route *r = routes;
	while (r->prefix ? strncmp(path, r->path, strlen(r->path)) : strcmp(path, r->path))
		r++; /* the last entry's empty prefix takes every path */
	bool method_ok = !r->method || !strcmp(m, r->method) || (!strcmp(r->method, "GET") && !strcmp(m, "HEAD"));
	if (!method_ok)
		web_method_not_allowed(rs, path, r->method);
	else if (!r->handle(ctx, rq, rs))
		web_json_error(rs, 404, "%.100s: no such endpoint", path);
}
