/* The header-phase guard (web/guard.c): keeps clients that send their request headers slowly, or
 * never (slowloris), from holding the server's connections.
 *
 * A connection is in its header phase from its accept, or from the end of its previous request,
 * until its request's headers are all in. The guard closes it when that phase passes a deadline,
 * however often bytes trickle in (each byte would reset libmicrohttpd's idle timeout), and when a
 * new connection would put more than a cap of them in that phase, it closes the oldest. Closing
 * is shutdown(fd, SHUT_RDWR): the server still owns the descriptor, sees the end of the stream
 * and closes it itself. The guard knows nothing of HTTP: web/server.c tells it each change.
 */
#ifndef NUMBFOOT_WEB_GUARD_H
#define NUMBFOOT_WEB_GUARD_H

#include <stddef.h>

struct web_guard;
struct web_guard_conn;

/* Starts a guard and its watchdog thread: at most cap connections in the header phase, each for
 * at most deadline_ms. Returns NULL when out of memory or threads. Free with web_guard_stop. */
struct web_guard *web_guard_start(size_t cap, unsigned deadline_ms);
/* Stops the thread and frees the guard, after the server has closed every connection it was told
 * of (web_guard_closed). Accepts NULL. */
void web_guard_stop(struct web_guard *g);

/* A connection on socket fd was accepted: its header phase begins. Returns its record, owned by
 * the guard until web_guard_closed; NULL when out of memory (the connection goes unwatched, and
 * the calls below accept NULL). May shut down the oldest connection in the header phase. */
struct web_guard_conn *web_guard_opened(struct web_guard *g, int fd);
/* Its request's headers are in: the connection leaves the header phase. */
void web_guard_headers_done(struct web_guard *g, struct web_guard_conn *c);
/* Its request is over; kept alive, it waits for the next request's headers: back in the header
 * phase, its clock started afresh. Nothing happens to a connection the guard has shut down. */
void web_guard_request_done(struct web_guard *g, struct web_guard_conn *c);
/* The server is about to close the connection's descriptor: the record is freed. Called before
 * close(), so that the guard never shuts down a descriptor number that has been reused. */
void web_guard_closed(struct web_guard *g, struct web_guard_conn *c);

/* For tests and messages: connections in the header phase now, and those shut down so far. */
void web_guard_counts(struct web_guard *g, size_t *waiting, size_t *shut);

#endif
