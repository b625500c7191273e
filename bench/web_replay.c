/* Replays case files as interviews through the web handler (no sockets) and prints every reply,
 * so that two builds of the handler can be compared byte for byte (scripts/web_replay.sh).
 * For each case: POST /api/assess/next with the answers so far until it says done, answering
 * each screen's findings from the case (null where the case is silent), with /api/assess/progress
 * beside every step; then /api/assess/result, and a few refused bodies.
 * Usage: web_replay VOCAB KB CASE.json...   (make build/bench/web_replay) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/kb.h"
#include "../web/web.h"

int main(int argc, char **argv);

static struct web_header hs[3];

/* Sends body to path and prints "path status body"; the reply parsed into *reply when asked. */
static void post(struct web_ctx *ctx, const char *path, const char *body, json_t **reply)
{
	struct web_request rq = {.method = "POST",
				 .path = path,
				 .headers = hs,
				 .nheaders = 3,
				 .body = body,
				 .body_len = strlen(body)};
	struct web_response rs;
	web_handle(ctx, &rq, &rs);
	printf("%s %d %.*s\n", path, rs.status, (int)rs.len, rs.body);
	if (reply)
		*reply = json_loadb(rs.body, rs.len, 0, NULL);
	web_response_release(&rs);
}

static char *request(const char *mode, json_t *answers, int screens)
{
	json_t *o = json_pack("{s:s, s:O, s:i}", "mode", mode, "answers", answers, "screens", screens);
	char *s = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(17));
	json_decref(o);
	return s;
}

/* Returns false when the case file cannot be read. */
static bool replay(struct web_ctx *ctx, const char *file)
{
	json_error_t jerr;
	json_t *c = json_load_file(file, 0, &jerr);
	json_t *given = json_object_get(c, "answers");
	const char *mode = json_string_value(json_object_get(c, "mode"));
	if (!c || !json_is_object(given) || !mode) {
		fprintf(stderr, "web_replay: %s: not a case file\n", file);
		json_decref(c);
		return false;
	}
	printf("case %s\n", file);
	json_t *answers = json_object();
	for (int screens = 0; screens <= 64; screens++) {
		char *body = request(mode, answers, screens);
		json_t *reply;
		post(ctx, "/api/assess/next", body, &reply);
		post(ctx, "/api/assess/progress", body, NULL);
		free(body);
		json_t *q = json_object_get(reply, "question");
		if (!json_is_object(q)) {
			json_decref(reply);
			break;
		}
		size_t i;
		json_t *id;
		json_array_foreach(json_object_get(q, "findings"), i, id)
		{
			json_t *v = json_object_get(given, json_string_value(id));
			json_object_set(answers, json_string_value(id), v ? v : json_null());
		}
		json_decref(reply);
	}
	char *body = request(mode, answers, (int)json_object_size(answers));
	post(ctx, "/api/assess/result", body, NULL);
	free(body);
	/* A refused body of each kind: unknown finding, wrong type, wrong mode, bad screens. */
	post(ctx, "/api/assess/next", "{\"answers\":{\"no_such\":true}}", NULL);
	post(ctx, "/api/assess/next", "{\"answers\":{\"age\":\"old\"},\"screens\":1}", NULL);
	post(ctx, "/api/assess/next", "{\"mode\":\"nurse\"}", NULL);
	post(ctx, "/api/assess/next", "{\"screens\":-1}", NULL);
	json_decref(answers);
	json_decref(c);
	return true;
}

int main(int argc, char **argv)
{
	nf_kb *kb;
	nf_error err;
	struct web_ctx ctx = {0};
	if (argc < 3) {
		fprintf(stderr, "usage: web_replay VOCAB KB CASE.json...\n");
		return 2;
	}
	if (nf_kb_load_files(argv[1], argv[2], &kb, &err) != NF_OK || !web_ctx_init(&ctx, kb)) {
		fprintf(stderr, "web_replay: %s\n", err.msg);
		return 1;
	}
	memset(ctx.token, 'a', WEB_TOKEN_HEX);
	web_ctx_allow_host(&ctx, "127.0.0.1", 8737);
	hs[0] = (struct web_header){"Host", "127.0.0.1:8737"};
	hs[1] = (struct web_header){"X-Numbfoot-Token", ctx.token};
	hs[2] = (struct web_header){"Content-Type", "application/json"};
	int rc = 0;
	for (int i = 3; i < argc; i++)
		if (!replay(&ctx, argv[i]))
			rc = 1;
	web_ctx_release(&ctx);
	nf_kb_free(kb);
	return rc;
}
