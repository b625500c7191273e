/* numbfoot serve: the local web server and its request handler.
 *
 * The handler (web/api.c) is a pure function of one request: it takes the method, path, query,
 * headers and body and gives a status, a content type and a body. It holds no session state and
 * knows nothing of sockets, so that the server (web/server.c, libmicrohttpd) and the fuzz target
 * (fuzz/fuzz_http.c) call the very same code. A client of include/numbfoot/ only.
 */
#ifndef NUMBFOOT_WEB_H
#define NUMBFOOT_WEB_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <jansson.h>

#include "numbfoot/journal.h"
#include "numbfoot/kb.h"

#define WEB_JSON_MAX (64 * 1024)	  /* cap on a JSON request body */
#define WEB_UPLOAD_MAX (16 * 1024 * 1024) /* cap on an uploaded watch file (POST /api/import) */
#define WEB_MAX_HEADERS 64		  /* more request headers than this: 431 */
#define WEB_MAX_HOSTS 8			  /* allowed Host header values */
#define WEB_HOST_MAX 80
#define WEB_TOKEN_HEX 64 /* token: 32 random bytes as hex */

/* A file built into the binary (web/blobs.S). */
struct web_asset {
	const char *path; /* "/", "/app.js" */
	const char *type; /* Content-Type */
	const char *data;
	size_t len;
};

/* What the server shares between requests: read-only after web_ctx_init, except the journal,
 * which is used under journal_lock. */
struct web_ctx {
	const nf_kb *kb;
	char token[WEB_TOKEN_HEX + 1]; /* every API call and every POST needs it, as X-Numbfoot-Token */
	char hosts[WEB_MAX_HOSTS][WEB_HOST_MAX]; /* allowed Host values, "127.0.0.1:8737" */
	size_t nhosts;
	const struct web_asset *assets;
	size_t nassets;
	char *kb_json; /* GET /api/kb, built once */
	size_t kb_json_len;
	struct web_next_text *next_text; /* the fixed pieces of /api/assess/next's reply */
	struct web_id {
		const char *id;
		size_t index;
	} * finding_ids; /* open addressing by a hash of id; id NULL: an empty slot */
	size_t id_slots; /* a power of two, at least twice the findings */
	pthread_key_t engines;	    /* each thread's reusable interviews and JSON arena (web/assess.c) */
	bool engines_made;
	struct nf_journal *journal; /* NULL: the journal endpoints answer 503 */
	pthread_mutex_t journal_lock;
	const char *tmpdir; /* where uploads are spooled */
	nf_units units;	    /* distances in the page, the analysis and the report (set before init) */
};

/* Builds what ctx needs from kb (the /api/kb text); the caller has set the other fields. Returns
 * false when out of memory. Release with web_ctx_release, after every thread that handled
 * requests has ended (their engines are freed as they end) except the calling one. */
bool web_ctx_init(struct web_ctx *ctx, const nf_kb *kb);
/* The warning sign of numbness not settled hours later as the page shows it, when episode e (on a
 * run that started at run_start) is one at now (nf_episode_not_settled): the finding, its level
 * and the knowledge base's words for it (the red flag's "says", as the assessment gives them),
 * with the episode, its run and the minutes; JSON null when it is not. The words in units, as GET
 * /api/kb gives them. A new reference. */
json_t *web_warning_sign(const nf_kb *kb, nf_units units, const nf_episode *e, int64_t run_start, int64_t now);
void web_ctx_release(struct web_ctx *ctx);
/* Adds an allowed Host value (host:port, IPv6 in brackets). False when the list is full. */
bool web_ctx_allow_host(struct web_ctx *ctx, const char *host, unsigned port);

struct web_header {
	const char *name, *value;
};

struct web_request {
	const char *method;	 /* "GET", "POST", ... */
	const char *path;	 /* "/api/kb", without the query */
	const char *width;	 /* the query's w= (GET /api/report/figure/N.svg alone reads it), or NULL */
	const char *force;	 /* the query's force= (POST /api/gear/ID/delete alone reads it), or NULL */
	const char *merge;	 /* the query's merge= (POST /api/import alone reads it), or NULL */
	const struct web_header *headers;
	size_t nheaders;  /* more than WEB_MAX_HEADERS: 431 */
	const char *body; /* NUL-terminated when body_len > 0 (JSON bodies), else NULL */
	size_t body_len;
	bool body_too_large;	 /* the body passed its cap and was dropped */
	const char *upload_path; /* POST /api/import: the spooled body, or NULL */
	const char *upload_name; /* its file name from X-Numbfoot-Filename, or NULL */
};

struct web_response {
	int status;
	const char *type;
	const char *body; /* static (owned false) or malloc'd (owned true) */
	size_t len;
	bool owned;
	char disposition[96]; /* a Content-Disposition value, or "" */
	bool no_store;	      /* Cache-Control: no-store (every API answer) */
	const char *allow;    /* a 405's Allow header: the methods the path takes, or NULL */
};

/* The checks that need only the request line and headers: the header count, Host, method, the
 * origin of a POST and the token. The server calls it as soon as a request's headers are in,
 * before it reads or stores a byte of the body (or sends 100 Continue); web_handle calls it too.
 * True when they pass; else false with rs filled with the 4xx. */
bool web_check(const struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs);
/* Handles one request. Always fills rs; never fails: out of memory gives a static 500. */
void web_handle(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs);
/* Frees the body if it is owned. */
void web_response_release(struct web_response *rs);

/* Value of header name (case-insensitive), or NULL. */
const char *web_header(const struct web_request *rq, const char *name);
/* The id that starts path p and ends at "" or "/delete": digits naming 1 to INT64_MAX, leading
 * zeros read as the command line reads them ("01" is 1); *del says "/delete". False for anything
 * else. */
bool web_path_id(const char *p, int64_t *id, bool *del);

/* The assessment (web/assess.c): its part of web_ctx_init and web_ctx_release, and the POST
 * endpoints. */
bool web_assess_init(struct web_ctx *ctx, const nf_kb *kb);
void web_assess_release(struct web_ctx *ctx);
/* The body {"mode", "answers", "screens"} of rq in the calling thread's interview (not to be
 * freed; good until the thread's next request); on a fault NULL, with rs set to the 4xx. */
struct nf_interview;
struct nf_interview *web_assess_interview(struct web_ctx *ctx, const struct web_request *rq,
					  struct web_response *rs);
/* The same, for a result or a saved assessment: a body with no answer at all is refused (422),
 * since the priors alone are no one's result. */
struct nf_interview *web_assess_given(struct web_ctx *ctx, const struct web_request *rq,
				      struct web_response *rs);

/* An endpoint, or a family of them, in web_handle's route table (web/api.c): answers rq in rs and
 * returns true, or returns false when rq's path is none of its own (web_handle answers 404). */
typedef bool web_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs);

/* The fixed pieces of POST /api/assess/next's reply (web/next_reply.c), made once per knowledge
 * base (NULL when out of memory), and the reply for an interview as json_dumps would write it:
 * a malloc'd text, or NULL (out of memory, or a text jansson refuses: the 500 it gave). */
struct web_next_text;
struct web_next_text *web_next_text_new(const nf_kb *kb, nf_units units);
void web_next_text_free(struct web_next_text *t);
char *web_next_reply(const struct web_next_text *t, struct nf_interview *iv);

/* POST /api/assess/next and /result (web/assess.c). */
web_route web_assess_next, web_assess_result;
/* POST /api/assess/progress: the same body; the screens asked, the estimate of those left and the
 * share done. Apart from /next because the estimate takes milliseconds, /next microseconds. */
web_route web_assess_progress;

/* Journal endpoints (web/journal_api.c): /api/gear, /api/runs, /api/episodes and /api/import. */
web_route web_journal_route;

/* Saved assessments (web/assessment_api.c): GET and POST /api/assessments, GET
 * /api/assessments/ID and POST .../ID/delete. */
web_route web_assessment_route;

/* One record by id (web/edit_api.c): GET or POST /api/{runs,episodes,gear}/ID and POST
 * .../ID/delete. */
web_route web_edit_route;

/* GET /api/analysis, /api/report.{pdf,html,svg,png}, /api/report/figures and
 * /api/report/figure/N.svg (web/insight_api.c). */
web_route web_insight_route;

/* A strict JSON reader for the assessment bodies (web/jsonread.c): a flat tree in one arena. */
#define WEB_JSON_NODES 4096  /* values in one body */
#define WEB_JSON_MEMBERS 512 /* members of one object or array */
#define WEB_JSON_DEPTH 32

enum web_jtype { WEB_JNULL, WEB_JBOOL, WEB_JNUMBER, WEB_JSTRING, WEB_JARRAY, WEB_JOBJECT };

struct web_jnode {
	enum web_jtype type;
	bool b;		 /* WEB_JBOOL */
	bool is_integer; /* WEB_JNUMBER written without fraction or exponent */
	double x;	 /* WEB_JNUMBER */
	long long integer;
	const char *s; /* WEB_JSTRING, NUL-terminated (len excludes the NUL) */
	size_t len;
	const char *key; /* the member's key inside an object, else NULL */
	int first, next; /* first child, next sibling: node indices or -1 */
	size_t count;	 /* children */
};

struct web_json {
	size_t n;	/* nodes used; node[0] is the root */
	bool capped;	/* the input passed a cap (nodes, members, depth), not a syntax rule */
	char error[96]; /* "byte N: what" when reading failed */
	struct web_jnode node[WEB_JSON_NODES];
	char strings[WEB_JSON_MAX + 1]; /* decoded strings: never longer than the text they come from */
};

/* Reads text (len bytes, at most WEB_JSON_MAX) into j. Accepts what jansson's json_loadb with
 * JSON_REJECT_DUPLICATES accepts (an object or array at the top), within the caps above, except
 * that a NUL byte is always refused (jansson skips one after a value in places). False with
 * j->error set otherwise. */
bool web_json_read(struct web_json *j, const char *text, size_t len);

/* The fault web_json_read finds in text, "byte N: what", into out: so that a body read with
 * jansson (the journal's records) is refused in the same words and at the same byte as an
 * assessment body. False when the reader finds none or stops at one of its caps first (or is out
 * of memory): then the caller words jansson's fault itself. */
bool web_json_fault(const char *text, size_t len, char *out, size_t size);

/* Opens the journal at db (NULL: the default place) into ctx->journal; returns 0 or an exit code
 * after printing why. web_journal_close accepts a ctx without a journal. */
int web_journal_open(struct web_ctx *ctx, const char *db);
void web_journal_close(struct web_ctx *ctx);

/* Helpers shared by the handler files. */
void web_json_error(struct web_response *rs, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The 405 for a path that takes only the methods in use ("GET", "POST" or "GET or POST"; GET
 * brings HEAD), naming them in the message and in the Allow header. */
void web_method_not_allowed(struct web_response *rs, const char *path, const char *use);
/* Takes ownership of text (from json_dumps or nf_engine_result_json); NULL means out of memory. */
void web_json_text(struct web_response *rs, int status, char *text);

/* Answers and the readers of request bodies (web/records.c); records go out through the
 * library's writers (nf_run_json and friends). */
/* Answers status with o as compact JSON (NULL o: out of memory). */
void web_reply(struct web_response *rs, int status, json_t *o);
/* The journal's error as an HTTP answer: 400 for bad values, 404, 409, 422 or 500. */
void web_journal_error(struct web_response *rs, const nf_error *err);

/* Fields are read by key from a parsed object; each reader sets rs to a 400 naming the key and
 * returns false on a bad value. Absent keys leave *out as it is. */
struct web_body {
	json_t *root;
	const char *prefix; /* "" or "episode." for messages */
	struct web_response *rs;
};
/* The body of rq as a JSON object (a new reference), or NULL with rs set to the 400. */
json_t *web_parse_body(const struct web_request *rq, struct web_response *rs);
/* False (with the 400) if the object has a key not in allowed (NULL-terminated). */
bool web_body_keys(struct web_body *b, const char *const *allowed);
bool web_body_text(struct web_body *b, const char *key, char *out, size_t cap); /* null: "" */
bool web_body_number(struct web_body *b, const char *key, double lo, double hi, double *out); /* null: NaN */
/* A distance in km checked by nf_distance_check for kind; null: NaN. */
bool web_body_distance(struct web_body *b, const char *key, nf_distance_of kind, double *out);
bool web_body_tri(struct web_body *b, const char *key, int *out); /* true/false/null: 1/0/-1 */
bool web_body_date(struct web_body *b, const char *key, char *out); /* YYYY-MM-DD or "" */
/* The episode fields of an object (every key of an episode but id) into e. */
bool web_read_episode(struct web_body *b, nf_episode *e);
/* A run's fields (start_time, distance_km, duration_min, surface, notes, shoes, insoles,
 * temperature_c, cadence_spm, heart_rate_bpm) into r,
 * only those the object names; for a new run absent shoes and insoles mean the default pair. */
bool web_read_run(struct web_body *b, nf_journal *j, nf_journal_run *r, bool new_run);
/* A run like a stored one or overlapping one (r->id left out) is answered 409 with "like",
 * unless the body has "force": true; false when a reply is made (journal_api.c). */
bool web_refuse_clash(nf_journal *j, const nf_journal_run *r, json_t *root, struct web_response *rs);
/* A pair's fields (nickname, which must not be empty, brand, model, first_use, start_km,
 * retire_km) into g, only those the object names. */
bool web_read_gear(struct web_body *b, nf_gear *g);
/* Gear named by nickname for a run's shoes or insoles: absent keeps the default of its kind,
 * null or "" means none. */
bool web_body_gear_ref(struct web_body *b, nf_journal *j, const char *key, nf_gear_kind kind, int64_t *id);

/* The running server's record (web/instance.c): a file of mode 0600 holding a server's pid, its
 * journal and the address it printed, so that a second launch opens that page instead of
 * failing on the busy port. */
struct web_instance {
	char path[4096 + 16]; /* DIR/serve */
	char lock[4096 + 16]; /* DIR/serve.lock */
	int lock_fd;	      /* locked from open until the server is recorded or the launch ends */
	bool recorded;	      /* this process wrote the record: close removes it */
};
struct web_record {
	pid_t pid;
	char url[WEB_HOST_MAX + 160]; /* as the server printed it, token included */
	char db[4096];
};
/* Creates dir (mode 0700) when missing, refuses one that is not this user's own and closed to
 * others, and takes the lock beside the record (waiting while another launch holds it). False
 * with the reason in why. Ends with web_instance_close either way. */
bool web_instance_open(struct web_instance *in, const char *dir, char *why, size_t cap);
/* True with *r filled when the record names a server that runs and accepts connections; a
 * record of a dead server is removed. */
bool web_instance_running(struct web_instance *in, struct web_record *r);
/* True when the record's journal is the file db names (both made absolute). */
bool web_instance_same_journal(const struct web_record *r, const char *db);
/* Records this process's server (its printed address and its journal's path) and releases the
 * lock. False with the reason in why: the server runs on, unrecorded. */
bool web_instance_record(struct web_instance *in, const char *url, const char *db, char *why, size_t cap);
/* Removes the record when this process wrote it and releases the lock. */
void web_instance_close(struct web_instance *in);

/* The server (web/server.c). */
struct web_options {
	unsigned port;	    /* 0: any free port */
	const char *listen; /* an IP address, or NULL for 127.0.0.1 and ::1 */
	const char *db;	    /* journal path, or NULL for the default */
	bool open_browser;
	nf_units units;	    /* the runner's units (the config file's units = mi) */
	struct web_instance *instance; /* open and locked: the server records itself there; or NULL */
	bool port_fallback; /* port is the default, not asked for: a free one when it is taken */
};
/* Opens url in the desktop's browser (xdg-open) when there is a desktop; failures are ignored. */
void web_open_browser(const char *url);
/* Runs until SIGINT or SIGTERM. Prints the address to open on stdout. Returns an exit code. */
int web_serve(const nf_kb *kb, const struct web_options *opt);

#endif
