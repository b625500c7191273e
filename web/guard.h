/* The receive guard (web/guard.c): keeps clients that send their requests slowly, or never
 * (slowloris, in the headers or in a body), from holding the server's connections.
 *
 * A connection is receiving from its accept, or from the end of its previous request, until its
 * request is all in: first its headers, then its body. The guard closes it when the header phase
 * passes its deadline, or the body phase its longer one, however often bytes trickle in (each
 * byte would reset libmicrohttpd's idle timeout), and when a new connection would put more than a
 * cap of them receiving, it closes the one longest in its phase. Closing is shutdown(fd,
 * SHUT_RDWR): the server still owns the descriptor, sees the end of the stream and closes it
 * itself. The guard knows nothing of HTTP: web/server.c tells it each change.
 */
#ifndef NUMBFOOT_WEB_GUARD_H
#define NUMBFOOT_WEB_GUARD_H

#include <stddef.h>

struct web_guard;
struct web_guard_conn;

/* Starts a guard and its watchdog thread: at most cap connections receiving, each at most
 * deadline_ms for its headers and then body_ms for its body. Returns NULL when out of memory or
 * threads. Free with web_guard_stop. */
struct web_guard *web_guard_start(size_t cap, unsigned deadline_ms, unsigned body_ms);
/* Stops the thread and frees the guard, after the server has closed every connection it was told
 * of (web_guard_closed). Accepts NULL. */
void web_guard_stop(struct web_guard *g);

/* A connection on socket fd was accepted: its header phase begins. Returns its record, owned by
 * the guard until web_guard_closed; NULL when out of memory (the connection goes unwatched, and
 * the calls below accept NULL). May shut down the connection longest in its phase. */
struct web_guard_conn *web_guard_opened(struct web_guard *g, int fd);
/* Its request's headers are in: its body phase begins, under the body deadline. */
void web_guard_headers_done(struct web_guard *g, struct web_guard_conn *c);
/* Its request is all in (headers and body): the connection is no longer watched until its next
 * request. */
void web_guard_received(struct web_guard *g, struct web_guard_conn *c);
/* Its request is over; kept alive, it waits for the next request's headers: back in the header
 * phase, its clock started afresh. Nothing happens to a connection the guard has shut down. */
void web_guard_request_done(struct web_guard *g, struct web_guard_conn *c);
/* The server is about to close the connection's descriptor: the record is freed. Called before
 * close(), so that the guard never shuts down a descriptor number that has been reused. */
void web_guard_closed(struct web_guard *g, struct web_guard_conn *c);

/* For tests and messages: connections receiving now, and those shut down so far. */
void web_guard_counts(struct web_guard *g, size_t *waiting, size_t *shut);

#endif
