/* Benchmark: the web handler alone (no sockets) on POST /api/assess/next with the answers that
 * bench/web.sh sends, to split the server's time between the handler and the HTTP layer.
 * Usage: web_handler VOCAB KB   (make build/bench/web_handler; bench/web.sh runs it) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbfoot/kb.h"
#include "../web/web.h"

int main(int argc, char **argv);

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	static const char body[] =
	    "{\"mode\":\"runner\",\"answers\":{\"saddle_numbness\":false,\"bladder_bowel\":false,"
	    "\"bilateral_weakness\":false,\"acute_cold_foot\":false,\"stroke_signs\":false,"
	    "\"severe_pain_after_run\":false,\"dark_urine\":false,\"neuro_other\":false,\"age\":28,"
	    "\"sex\":\"male\",\"location\":[\"dorsum\"],\"side\":\"one\",\"laces_tight\":true,"
	    "\"only_some_shoes\":true,\"diabetes\":null},\"screens\":6}";
	nf_kb *kb;
	nf_error err;
	struct web_ctx ctx = {0};
	if (argc != 3) {
		fprintf(stderr, "usage: web_handler VOCAB KB\n");
		return 2;
	}
	if (nf_kb_load_files(argv[1], argv[2], &kb, &err) != NF_OK || !web_ctx_init(&ctx, kb)) {
		fprintf(stderr, "web_handler: %s\n", err.msg);
		return 1;
	}
	memset(ctx.token, 'a', WEB_TOKEN_HEX);
	web_ctx_allow_host(&ctx, "127.0.0.1", 8737);
	struct web_header hs[] = {{"Host", "127.0.0.1:8737"},
				  {"X-Numbfoot-Token", ctx.token},
				  {"Content-Type", "application/json"}};
	struct web_request rq = {.method = "POST",
				 .path = "/api/assess/next",
				 .headers = hs,
				 .nheaders = 3,
				 .body = body,
				 .body_len = sizeof body - 1};
	int n = 20000;
	double t0 = now();
	for (int i = 0; i < n; i++) {
		struct web_response rs;
		web_handle(&ctx, &rq, &rs);
		if (rs.status != 200) {
			fprintf(stderr, "web_handler: status %d: %.*s\n", rs.status, (int)rs.len, rs.body);
			return 1;
		}
		web_response_release(&rs);
	}
	double us = (now() - t0) / n * 1e6;
	printf("web: handler alone, POST /api/assess/next: %.1f us a request (%.0f a second on one core)\n",
	       us, 1e6 / us);
	web_ctx_release(&ctx);
	nf_kb_free(kb);
	return 0;
}
