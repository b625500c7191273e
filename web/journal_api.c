/* The journal endpoints: not built yet (the journal API is on another branch). */
#include "web.h"

bool web_journal_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	return false;
}

int web_journal_open(struct web_ctx *ctx, const char *db)
{
	ctx->journal = NULL;
	return 0;
}

void web_journal_close(struct web_ctx *ctx)
{
}
