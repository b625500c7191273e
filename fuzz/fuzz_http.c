/* Fuzz target: the web server's request handler (routing, the token, Host and origin checks, JSON
 * parsing and validation, response building) without sockets, against the shipped knowledge base
 * (run from the repository root).
 *
 * Input format, one raw request:
 *     METHOD URL\n
 *     Name: value\n        (any number of header lines)
 *     \n
 *     body                 (the rest)
 * The token is 64 'a's and the allowed Host 127.0.0.1:8737, so seeds can pass the checks. The
 * journal endpoints write to a journal in a temporary folder.
 *
 * The handler comes from libnumbfoot-web.a, as in the command; nothing here calls the server's
 * sockets (web/server.c), so the linker leaves them out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "../web/web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The report endpoints draw text with pango, and fontconfig keeps its font cache for the life of
 * the process (see cli/cmd_report.c); LeakSanitizer reads this hook and lets that pass. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static struct web_ctx ctx;
static nf_kb *kb;
static char dir[64] = "/tmp/numbfoot-fuzz-http-XXXXXX", db[96];

/* The journal lives in a fresh folder for the run and is removed at exit. */
static void remove_journal(void)
{
	web_journal_close(&ctx);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 4; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s%s", db, ext[i]);
		unlink(p);
	}
	rmdir(dir);
}

static const char page[] = "<!doctype html><title>t</title>";
static const struct web_asset assets[] = {{"/", "text/html", page, sizeof page - 1}};

static void setup(void)
{
	if (nf_kb_load_files("kb/vocabulary.json", "kb/numbfoot.json", &kb, NULL) != NF_OK)
		abort();
	if (!web_ctx_init(&ctx, kb))
		abort();
	memset(ctx.token, 'a', WEB_TOKEN_HEX);
	ctx.token[WEB_TOKEN_HEX] = '\0';
	ctx.assets = assets;
	ctx.nassets = 1;
	ctx.tmpdir = "/tmp";
	web_ctx_allow_host(&ctx, "127.0.0.1", 8737);
	web_ctx_allow_host(&ctx, "localhost", 8737);
	web_ctx_allow_host(&ctx, "[::1]", 8737);
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof db, "%s/journal.db", dir);
	if (web_journal_open(&ctx, db))
		abort();
	atexit(remove_journal);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!kb)
		setup();
	if (size > WEB_JSON_MAX + 4096)
		return 0;
	/* A NUL-terminated copy cut into lines in place. */
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *line_end = memchr(buf, '\n', size);
	char *rest = line_end ? line_end + 1 : buf + size;
	if (line_end)
		*line_end = '\0';
	char *method = buf, *url = strchr(buf, ' ');
	if (url)
		*url++ = '\0';
	else
		url = "/";
	/* The server hands the handler the path alone; nothing reads the query. */
	char *query = strchr(url, '?');
	if (query)
		*query = '\0';
	struct web_header hs[WEB_MAX_HEADERS];
	size_t nh = 0;
	char *p = rest;
	while (*p && *p != '\n') {
		char *e = strchr(p, '\n');
		if (e)
			*e = '\0';
		char *colon = strchr(p, ':');
		if (colon) {
			*colon = '\0';
			char *v = colon + 1;
			while (*v == ' ')
				v++;
			if (nh < WEB_MAX_HEADERS)
				hs[nh] = (struct web_header){p, v};
			nh++;
		}
		p = e ? e + 1 : p + strlen(p);
	}
	if (*p == '\n')
		p++;
	size_t body_len = size - (size_t)(p - buf);
	if (p > buf + size)
		body_len = 0;
	struct web_request rq = {
	    .method = method,
	    .path = url,
	    .headers = hs,
	    .nheaders = nh,
	    .body = body_len ? p : NULL,
	    .body_len = body_len,
	    .body_too_large = body_len > WEB_JSON_MAX,
	};
	/* The server's own JSON reader must accept exactly what jansson accepts, short of its caps.
	 * Bodies with a NUL byte are left out: jansson skips a NUL after a value inside an object or
	 * array ({"a":1\0} loads), which RFC 8259 does not allow and the server's reader refuses. */
	if (body_len && body_len <= WEB_JSON_MAX && !memchr(p, '\0', body_len)) {
		static struct web_json j;
		bool mine = web_json_read(&j, p, body_len);
		json_t *theirs = json_loadb(p, body_len, JSON_REJECT_DUPLICATES, NULL);
		if (!j.capped && mine != (theirs != NULL))
			abort();
		if (mine && theirs &&
		    (json_is_object(theirs) ? j.node[0].type != WEB_JOBJECT : j.node[0].type != WEB_JARRAY))
			abort();
		if (mine && theirs &&
		    j.node[0].count !=
			(json_is_object(theirs) ? json_object_size(theirs) : json_array_size(theirs)))
			abort();
		json_decref(theirs);
	}
	/* What the server checks before reading a body must be what the handler checks first. */
	struct web_response rs;
	bool passed = web_check(&ctx, &rq, &rs);
	int early = rs.status;
	web_response_release(&rs);
	web_handle(&ctx, &rq, &rs);
	if (!passed && rs.status != early)
		abort();
	if (rs.status < 200 || rs.status > 599 || !rs.type || (rs.len && !rs.body))
		abort();
	web_response_release(&rs);
	free(buf);
	return 0;
}
