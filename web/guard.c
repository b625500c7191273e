/* The receive guard: a list of the connections still receiving a request (its headers, or then
 * its body), in the order each entered its phase, under one mutex, and a thread that shuts down
 * those past their deadline. See web/guard.h.
 *
 * A connection always joins the list at its tail, so the head is the one longest in its phase,
 * which a new connection past the cap evicts (a crowd of slow clients goes before a new one). Its
 * deadline depends on the phase, so the thread looks over the whole list for the next one due:
 * the cap keeps it short (64).
 */
#include "guard.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

struct web_guard_conn {
	int fd;
	int64_t due_ns;   /* CLOCK_MONOTONIC when its phase's deadline passes */
	bool listed;	  /* in the list of connections receiving */
	bool shut;	  /* shut down by the guard: never listed again */
	struct web_guard_conn *prev, *next;
};

struct web_guard {
	pthread_mutex_t lock;
	pthread_cond_t wake; /* on CLOCK_MONOTONIC: a first connection to watch, or stop */
	pthread_t thread;
	bool stop;
	size_t cap;
	int64_t deadline_ns, body_ns;
	struct web_guard_conn *head, *tail; /* receiving, in the order each entered its phase */
	size_t listed, shut;
};

static int64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void unlink_conn(struct web_guard *g, struct web_guard_conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		g->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		g->tail = c->prev;
	c->prev = c->next = NULL;
	c->listed = false;
	g->listed--;
}

static void shut_down(struct web_guard *g, struct web_guard_conn *c)
{
	unlink_conn(g, c);
	c->shut = true;
	g->shut++;
	/* The descriptor is still open: the server closes it only after web_guard_closed, which
	 * takes the lock held here. */
	shutdown(c->fd, SHUT_RDWR);
}

/* Appends c with its deadline span_ns from now; past the cap, the one longest in its phase goes.
 * Called with the lock. */
static void append(struct web_guard *g, struct web_guard_conn *c, int64_t span_ns)
{
	c->due_ns = now_ns() + span_ns;
	c->prev = g->tail;
	c->next = NULL;
	if (g->tail)
		g->tail->next = c;
	else
		g->head = c;
	g->tail = c;
	c->listed = true;
	g->listed++;
	while (g->listed > g->cap)
		shut_down(g, g->head);
	/* The thread sleeps until the next deadline it knew of: this one may come sooner. */
	pthread_cond_signal(&g->wake);
}

static void *watch(void *arg)
{
	struct web_guard *g = arg;
	pthread_mutex_lock(&g->lock);
	while (!g->stop) {
		int64_t now = now_ns(), next = INT64_MAX;
		for (struct web_guard_conn *c = g->head, *n; c; c = n) {
			n = c->next;
			if (now >= c->due_ns)
				shut_down(g, c);
			else if (c->due_ns < next)
				next = c->due_ns;
		}
		if (next == INT64_MAX) {
			pthread_cond_wait(&g->wake, &g->lock);
			continue;
		}
		struct timespec t = {.tv_sec = (time_t)(next / 1000000000), .tv_nsec = (long)(next % 1000000000)};
		pthread_cond_timedwait(&g->wake, &g->lock, &t);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

struct web_guard *web_guard_start(size_t cap, unsigned deadline_ms, unsigned body_ms)
{
	struct web_guard *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->cap = cap ? cap : 1;
	g->deadline_ns = (int64_t)deadline_ms * 1000000;
	g->body_ns = (int64_t)body_ms * 1000000;
	pthread_condattr_t ca;
	if (pthread_condattr_init(&ca))
		goto out_free;
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	int rc = pthread_cond_init(&g->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (rc)
		goto out_free;
	if (pthread_mutex_init(&g->lock, NULL))
		goto out_cond;
	if (pthread_create(&g->thread, NULL, watch, g))
		goto out_mutex;
	return g;
out_mutex:
	pthread_mutex_destroy(&g->lock);
out_cond:
	pthread_cond_destroy(&g->wake);
out_free:
	free(g);
	return NULL;
}

void web_guard_stop(struct web_guard *g)
{
	if (!g)
		return;
	pthread_mutex_lock(&g->lock);
	g->stop = true;
	pthread_cond_signal(&g->wake);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	/* Records of connections never reported closed (there should be none) go with the guard. */
	while (g->head) {
		struct web_guard_conn *c = g->head;
		unlink_conn(g, c);
		free(c);
	}
	pthread_mutex_destroy(&g->lock);
	pthread_cond_destroy(&g->wake);
	free(g);
}

struct web_guard_conn *web_guard_opened(struct web_guard *g, int fd)
{
	struct web_guard_conn *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->fd = fd;
	pthread_mutex_lock(&g->lock);
	append(g, c, g->deadline_ns);
	pthread_mutex_unlock(&g->lock);
	return c;
}

void web_guard_headers_done(struct web_guard *g, struct web_guard_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&g->lock);
	if (c->listed) {
		unlink_conn(g, c);
		append(g, c, g->body_ns);
	}
	pthread_mutex_unlock(&g->lock);
}

void web_guard_received(struct web_guard *g, struct web_guard_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&g->lock);
	if (c->listed)
		unlink_conn(g, c);
	pthread_mutex_unlock(&g->lock);
}

void web_guard_request_done(struct web_guard *g, struct web_guard_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&g->lock);
	if (!c->shut) {
		if (c->listed)
			unlink_conn(g, c);
		append(g, c, g->deadline_ns);
	}
	pthread_mutex_unlock(&g->lock);
}

void web_guard_closed(struct web_guard *g, struct web_guard_conn *c)
{
	web_guard_received(g, c); /* out of the list, under the lock */
	free(c);
}

void web_guard_counts(struct web_guard *g, size_t *waiting, size_t *shut)
{
	pthread_mutex_lock(&g->lock);
	*waiting = g->listed;
	*shut = g->shut;
	pthread_mutex_unlock(&g->lock);
}
