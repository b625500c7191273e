/* The server: libmicrohttpd glue around web_handle (web/api.c).
 *
 * Binds 127.0.0.1 and ::1 on one port (or the --listen address only), with a thread pool of two
 * polling threads on epoll. A request's Host, method, origin and token are checked as soon as its
 * headers are in (web_check): a refused request is answered at once, before a byte of its body is
 * read or stored and without a 100 Continue. Request bodies are gathered per connection up to
 * their cap; a larger body is refused before it is read. Connections slow to send their headers
 * are closed by the guard (web/guard.c). Every response carries the security headers. The process
 * keeps no session state: a per-launch random token is all it remembers.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "guard.h"
#include "web.h"

extern char **environ;

extern const char nf_blob_index_html[], nf_blob_index_html_end[];
extern const char nf_blob_app_css[], nf_blob_app_css_end[];
extern const char nf_blob_app_js[], nf_blob_app_js_end[];
extern const char nf_blob_journal_js[], nf_blob_journal_js_end[];
extern const char nf_blob_display_js[], nf_blob_display_js_end[];

#define SERVER_THREADS 2
#define SERVER_TIMEOUT_S 15 /* a slow client is dropped after this long idle */
/* Per connection: headers and read buffer. libmicrohttpd clears it between requests, so it is
 * kept small; request headers larger than this are refused by libmicrohttpd itself. */
#define SERVER_CONN_MEMORY (16 * 1024)
#define SERVER_CONN_LIMIT 512
/* Connections still sending their request headers: at most this many at once (a new one past
 * the cap closes the oldest), each for at most this long from its accept or its previous
 * request's end. Far below SERVER_CONN_LIMIT, so that clients trickling headers can never take
 * every connection from one that sends a whole request at once. */
#define SERVER_HEADER_CAP 64
#define SERVER_HEADER_DEADLINE_MS 10000
/* A body's own deadline, from its headers: the largest upload (WEB_UPLOAD_MAX, 16 MiB) at 1 MB/s
 * over a slow network with room to spare; a body trickled a byte every few seconds held the
 * connection for as long as it was sent, and 515 of them locked every client out. */
#define SERVER_BODY_DEADLINE_MS 60000

/* What the access handler needs besides the handler's context. */
struct server {
	struct web_ctx *ctx;
	struct web_guard *guard;
};

/* What one connection's request has gathered between calls of the access handler. */
struct conn {
	char *body;
	size_t len, cap;
	bool too_large;
	int upload_fd;
	char upload_path[256];
	size_t upload_len;
};

static struct conn no_body; /* marks a GET or HEAD between its two calls; never written */

struct headers {
	struct web_header h[WEB_MAX_HEADERS];
	size_t n; /* may pass WEB_MAX_HEADERS: counted, not stored */
};

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct headers *hs = cls;
	if (hs->n < WEB_MAX_HEADERS)
		hs->h[hs->n] = (struct web_header){key, value ? value : ""};
	hs->n++;
	return MHD_YES;
}

static void add_security_headers(struct MHD_Response *r)
{
	/* blob: images: the page fetches the report's figures with its token and shows them from a
	 * blob, which only its own scripts can make. */
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' blob:; frame-ancestors 'none'; "
				"base-uri 'none'; form-action 'self'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

static enum MHD_Result send_response(struct MHD_Connection *c, struct web_response *rs)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    rs->len, (void *)rs->body, rs->owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		web_response_release(rs);
		return MHD_NO;
	}
	rs->owned = false; /* libmicrohttpd frees it now */
	add_security_headers(r);
	MHD_add_response_header(r, "Content-Type", rs->type ? rs->type : "text/plain");
	if (rs->no_store)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	if (rs->allow)
		MHD_add_response_header(r, "Allow", rs->allow);
	if (rs->disposition[0])
		MHD_add_response_header(r, "Content-Disposition", rs->disposition);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

static bool is_upload(const char *method, const char *url)
{
	return !strcmp(method, "POST") && !strcmp(url, "/api/import");
}

/* The request line and headers of c as a request without a body; hs holds the headers. */
static struct web_request request_of(struct MHD_Connection *c, const char *url, const char *method,
				     struct headers *hs)
{
	hs->n = 0;
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, hs);
	return (struct web_request){.method = method,
				    .path = url,
				    .width = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "w"),
				    .force = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "force"),
				    .merge = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "merge"),
				    .headers = hs->h,
				    .nheaders = hs->n};
}

/* Handles the request now that its body (if any) is gathered. */
static enum MHD_Result answer(struct web_ctx *ctx, struct MHD_Connection *c, const char *url,
			      const char *method, struct conn *cn)
{
	struct headers hs;
	struct web_request rq = request_of(c, url, method, &hs);
	if (cn) {
		rq.body = cn->body;
		rq.body_len = cn->len;
		rq.body_too_large = cn->too_large;
		if (cn->upload_fd >= 0 && !cn->too_large) {
			rq.upload_path = cn->upload_path;
			rq.upload_name =
			    MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Numbfoot-Filename");
		}
	}
	struct web_response rs;
	web_handle(ctx, &rq, &rs);
	return send_response(c, &rs);
}

/* The request is all in: the guard stops watching its connection until the next one. */
static void received(struct server *srv, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	web_guard_received(srv->guard, ci ? ci->socket_context : NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct server *srv = cls;
	struct web_ctx *ctx = srv->ctx;
	struct conn *cn = *con_cls;
	if (cn == &no_body) {
		if (*upload_data_size) { /* a body sent with a GET is read and ignored */
			*upload_data_size = 0;
			return MHD_YES;
		}
		*con_cls = NULL;
		received(srv, c);
		return answer(ctx, c, url, method, NULL);
	}
	if (!cn) {
		/* The first call: the headers are in, no byte of the body has been read. */
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		web_guard_headers_done(srv->guard, ci ? ci->socket_context : NULL);
		struct headers hs;
		struct web_request rq = request_of(c, url, method, &hs);
		struct web_response rs;
		if (!web_check(ctx, &rq, &rs))
			return send_response(c, &rs); /* libmicrohttpd then drops the body unread */
		if (!strcmp(method, "GET") || !strcmp(method, "HEAD")) {
			/* Answered on the next call: a response queued on the first one closes the
			 * connection instead of keeping it alive. */
			*con_cls = &no_body;
			return MHD_YES;
		}
		cn = calloc(1, sizeof *cn);
		if (!cn)
			return MHD_NO;
		cn->upload_fd = -1;
		*con_cls = cn;
		size_t cap = is_upload(method, url) ? WEB_UPLOAD_MAX : WEB_JSON_MAX;
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > cap) {
			cn->too_large = true;
			return answer(ctx, c, url, method, cn); /* refused before it is read */
		}
		if (is_upload(method, url) && ctx->tmpdir) {
			snprintf(cn->upload_path, sizeof cn->upload_path, "%s/numbfoot-upload-XXXXXX",
				 ctx->tmpdir);
			cn->upload_fd = mkstemp(cn->upload_path);
			if (cn->upload_fd < 0)
				cn->upload_path[0] = '\0';
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (cn->too_large)
			return MHD_YES;
		if (cn->upload_fd >= 0) {
			if (cn->upload_len + n > WEB_UPLOAD_MAX) {
				cn->too_large = true;
				return MHD_YES;
			}
			for (size_t off = 0; off < n;) {
				ssize_t w = write(cn->upload_fd, upload_data + off, n - off);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0)
					return MHD_NO;
				off += (size_t)w;
			}
			cn->upload_len += n;
			return MHD_YES;
		}
		if (cn->len + n > WEB_JSON_MAX) {
			cn->too_large = true;
			free(cn->body);
			cn->body = NULL;
			cn->len = 0;
			return MHD_YES;
		}
		if (cn->len + n + 1 > cn->cap) {
			size_t cap = cn->cap ? cn->cap : 1024;
			while (cap < cn->len + n + 1)
				cap *= 2;
			char *nb = realloc(cn->body, cap);
			if (!nb)
				return MHD_NO;
			cn->body = nb;
			cn->cap = cap;
		}
		memcpy(cn->body + cn->len, upload_data, n);
		cn->len += n;
		cn->body[cn->len] = '\0';
		return MHD_YES;
	}
	received(srv, c);
	return answer(ctx, c, url, method, cn);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	web_guard_request_done(cls, ci ? ci->socket_context : NULL);
	struct conn *cn = *con_cls;
	if (!cn || cn == &no_body)
		return;
	if (cn->upload_fd >= 0) {
		close(cn->upload_fd);
		unlink(cn->upload_path);
	}
	free(cn->body);
	free(cn);
	*con_cls = NULL;
}

/* Tells the guard of each connection's accept and close; its record is the socket context. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct web_guard *g = cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? web_guard_opened(g, ci->connect_fd) : NULL;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		/* libmicrohttpd calls this before it closes the socket. */
		web_guard_closed(g, *socket_context);
		*socket_context = NULL;
	}
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the %HH escapes of a path or a query value in place, as libmicrohttpd would, but leaves
 * "%00" as written: the handler sees C strings, and a NUL decoded into one would end the path
 * there, so that "/app.js%00" or "/api/runs/1%00x" would be taken for "/app.js" or "/api/runs/1".
 * Kept, it makes a path that is no page's (a 404 naming it). Returns the length left in s. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *out = s;
	for (const char *in = s; *in;) {
		int hi = in[0] == '%' ? hex_digit(in[1]) : -1, lo = hi >= 0 ? hex_digit(in[2]) : -1;
		if (lo >= 0 && (hi | lo)) {
			*out++ = (char)(hi * 16 + lo);
			in += 3;
		} else
			*out++ = *in++;
	}
	*out = '\0';
	return (size_t)(out - s);
}

static struct MHD_Daemon *start(struct server *srv, const struct sockaddr *sa, bool v6)
{
	unsigned flags =
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO | (v6 ? MHD_USE_IPv6 : 0);
	return MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_THREAD_POOL_SIZE,
	    (unsigned)SERVER_THREADS, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVER_TIMEOUT_S,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVER_CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)SERVER_CONN_LIMIT, MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv->guard,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv->guard, MHD_OPTION_UNESCAPE_CALLBACK,
	    unescape, NULL, MHD_OPTION_END);
}

static unsigned bound_port(struct MHD_Daemon *d)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : 0;
}

void web_open_browser(const char *url)
{
	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		return;
	char *argv[] = {"xdg-open", (char *)url, NULL};
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	posix_spawnp(&pid, "xdg-open", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
}

/* Why address sa (with its port) cannot be listened on, for the message when libmicrohttpd
 * could not: it does not say, so a plain socket tries the same bind. */
static const char *listen_problem(const struct sockaddr *sa, socklen_t len, char *buf, size_t cap)
{
	int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0), err = 0, one = 1;
	if (fd < 0)
		err = errno;
	else {
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); /* as libmicrohttpd does */
		if (bind(fd, sa, len) != 0)
			err = errno;
		close(fd);
	}
	switch (err) {
	case EADDRINUSE:
		return "it is in use (--port 0 picks a free one)";
	case EACCES:
		return "ports below 1024 are for root";
	case 0:
		return "libmicrohttpd could not start";
	default:
		snprintf(buf, cap, "%s", strerror(err));
		return buf;
	}
}

/* True when this machine has the address of sa (port 0: any port): --listen must name one. */
static bool have_address(const struct sockaddr *sa, socklen_t len)
{
	int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return true; /* cannot tell; the listen itself will say */
	struct sockaddr_storage any;
	memcpy(&any, sa, len);
	if (any.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&any)->sin6_port = 0;
	else
		((struct sockaddr_in *)&any)->sin_port = 0;
	bool have = bind(fd, (struct sockaddr *)&any, len) == 0 || errno != EADDRNOTAVAIL;
	close(fd);
	return have;
}

static bool make_token(char *out)
{
	unsigned char raw[WEB_TOKEN_HEX / 2];
	size_t got = 0;
	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return true;
}

int web_serve(const nf_kb *kb, const struct web_options *opt)
{
	static struct web_asset as[5];
	as[0] = (struct web_asset){"/", "text/html; charset=utf-8", nf_blob_index_html,
				   (size_t)(nf_blob_index_html_end - nf_blob_index_html)};
	as[1] = (struct web_asset){"/app.css", "text/css; charset=utf-8", nf_blob_app_css,
				   (size_t)(nf_blob_app_css_end - nf_blob_app_css)};
	as[2] = (struct web_asset){"/app.js", "text/javascript; charset=utf-8", nf_blob_app_js,
				   (size_t)(nf_blob_app_js_end - nf_blob_app_js)};
	as[3] = (struct web_asset){"/journal.js", "text/javascript; charset=utf-8", nf_blob_journal_js,
				   (size_t)(nf_blob_journal_js_end - nf_blob_journal_js)};
	as[4] = (struct web_asset){"/display.js", "text/javascript; charset=utf-8", nf_blob_display_js,
				   (size_t)(nf_blob_display_js_end - nf_blob_display_js)};

	struct web_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.assets = as;
	ctx.nassets = sizeof as / sizeof as[0];
	ctx.tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	ctx.units = opt->units;
	int rc = 1;
	if (!make_token(ctx.token)) {
		fprintf(stderr, "numbfoot: serve: no random bytes for the token: %s\n", strerror(errno));
		return 1;
	}
	if (!web_ctx_init(&ctx, kb)) {
		fprintf(stderr, "numbfoot: serve: out of memory\n");
		goto out;
	}

	/* Signals are blocked before the daemons start so that their threads inherit the mask and
	 * only sigwait below sees them. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP); /* the terminal closed, or the session ended: stop cleanly too */
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	struct server srv = {.ctx = &ctx, .guard = web_guard_start(SERVER_HEADER_CAP, SERVER_HEADER_DEADLINE_MS, SERVER_BODY_DEADLINE_MS)};
	if (!srv.guard) {
		fprintf(stderr, "numbfoot: serve: cannot start a thread: out of memory\n");
		goto out_journal;
	}

	struct MHD_Daemon *d4 = NULL, *d6 = NULL;
	unsigned port = opt->port;
	char shown[WEB_HOST_MAX];
	if (opt->listen) {
		struct sockaddr_in s4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
		struct sockaddr_in6 s6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
		bool v6 = strchr(opt->listen, ':') != NULL;
		if (v6 ? inet_pton(AF_INET6, opt->listen, &s6.sin6_addr) != 1
		       : inet_pton(AF_INET, opt->listen, &s4.sin_addr) != 1) {
			fprintf(stderr, "numbfoot: serve: --listen: '%s' is not an IP address\n",
				opt->listen);
			rc = 2;
			goto out_guard;
		}
		if (v6 ? IN6_IS_ADDR_UNSPECIFIED(&s6.sin6_addr) : s4.sin_addr.s_addr == htonl(INADDR_ANY)) {
			/* Every Host is checked against the address listened on, so it must be the
			 * one people will type. */
			fprintf(stderr,
				"numbfoot: serve: --listen: give this machine's own address (such as "
				"192.168.1.5), "
				"not '%s'\n",
				opt->listen);
			rc = 2;
			goto out_guard;
		}
		/* A group or broadcast address binds, but no browser can connect to it; an IPv4
		 * address written as IPv6 (::ffff:a.b.c.d) cannot be listened on by an IPv6-only
		 * socket, and ::ffff:0.0.0.0 is the wildcard again. */
		const char *not_own = NULL;
		char v4[INET_ADDRSTRLEN] = "";
		if (v6 ? IN6_IS_ADDR_MULTICAST(&s6.sin6_addr) : IN_MULTICAST(ntohl(s4.sin_addr.s_addr)))
			not_own = "a multicast address";
		else if (!v6 && s4.sin_addr.s_addr == htonl(INADDR_BROADCAST))
			not_own = "the broadcast address";
		else if (v6 && IN6_IS_ADDR_V4MAPPED(&s6.sin6_addr)) {
			inet_ntop(AF_INET, &s6.sin6_addr.s6_addr[12], v4, sizeof v4);
			not_own = "an IPv4 address written as IPv6";
		}
		if (not_own) {
			fprintf(stderr, "numbfoot: serve: --listen: '%s' is %s, not this machine's own%s%s\n",
				opt->listen, not_own, v4[0] ? ": give " : "", v4);
			rc = 2;
			goto out_guard;
		}
		struct sockaddr *sa = v6 ? (struct sockaddr *)&s6 : (struct sockaddr *)&s4;
		socklen_t salen = v6 ? sizeof s6 : sizeof s4;
		if (!have_address(sa, salen)) {
			fprintf(stderr,
				"numbfoot: serve: --listen: this machine has no address %s (see 'ip address' "
				"for the ones it has)\n",
				opt->listen);
			rc = 2;
			goto out_guard;
		}
		d4 = start(&srv, sa, v6);
		if (!d4) {
			char buf[128];
			fprintf(stderr, "numbfoot: serve: cannot listen on %s port %u: %s\n", opt->listen,
				port, listen_problem(sa, salen, buf, sizeof buf));
			goto out_guard;
		}
		port = bound_port(d4);
		char h[WEB_HOST_MAX];
		snprintf(h, sizeof h, v6 ? "[%s]" : "%s", opt->listen);
		web_ctx_allow_host(&ctx, h, port);
		snprintf(shown, sizeof shown, "%s", h);
	} else {
		struct sockaddr_in s4 = {.sin_family = AF_INET,
					 .sin_port = htons((uint16_t)port),
					 .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
		d4 = start(&srv, (struct sockaddr *)&s4, false);
		if (!d4 && opt->port_fallback) {
			/* Another program (or a server on another journal) has the default port; a
			 * launch from the desktop has no terminal to say so in, and a second launch
			 * finds this server by its record, whatever its port. */
			s4.sin_port = 0;
			port = 0;
			d4 = start(&srv, (struct sockaddr *)&s4, false);
		}
		if (!d4) {
			char buf[128];
			fprintf(stderr, "numbfoot: serve: cannot listen on 127.0.0.1 port %u: %s\n", port,
				listen_problem((struct sockaddr *)&s4, sizeof s4, buf, sizeof buf));
			goto out_guard;
		}
		port = bound_port(d4);
		struct sockaddr_in6 s6 = {.sin6_family = AF_INET6,
					  .sin6_port = htons((uint16_t)port),
					  .sin6_addr = IN6ADDR_LOOPBACK_INIT};
		d6 = start(&srv, (struct sockaddr *)&s6, true); /* best effort: IPv6 may be off */
		snprintf(shown, sizeof shown, "127.0.0.1");
	}
	/* The journal opens once the port is ours, so that a serve that cannot listen leaves no
	 * journal behind (it created an empty one at a new --db). No request can reach it before the
	 * address with its token is printed below; the lock orders the store for the threads. */
	pthread_mutex_lock(&ctx.journal_lock);
	rc = web_journal_open(&ctx, opt->db);
	pthread_mutex_unlock(&ctx.journal_lock);
	if (rc) {
		MHD_stop_daemon(d4);
		if (d6)
			MHD_stop_daemon(d6);
		goto out_guard;
	}
	rc = 1;
	web_ctx_allow_host(&ctx, "127.0.0.1", port);
	web_ctx_allow_host(&ctx, "localhost", port);
	web_ctx_allow_host(&ctx, "[::1]", port);

	char url[WEB_HOST_MAX + 100];
	snprintf(url, sizeof url, "http://%s:%u/#token=%s", shown, port, ctx.token);
	printf("numbfoot serve: open %s\n(the token in it lets your browser in; press Ctrl-C to stop)\n",
	       url);
	fflush(stdout);
	if (opt->instance) {
		char why[256];
		if (!web_instance_record(opt->instance, url, opt->db, why, sizeof why))
			fprintf(stderr, "numbfoot: serve: a second launch will not find this server: %s\n",
				why);
	}
	if (opt->open_browser)
		web_open_browser(url);

	int sig;
	sigwait(&set, &sig);
	printf("numbfoot serve: stopped\n");
	rc = 0;
	MHD_stop_daemon(d4);
	if (d6)
		MHD_stop_daemon(d6);
out_guard:
	web_guard_stop(srv.guard); /* after the daemons: they have reported every connection closed */
out_journal:
	web_journal_close(&ctx);
out:
	web_ctx_release(&ctx);
	return rc;
}
