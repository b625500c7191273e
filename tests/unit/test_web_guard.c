/* The receive guard (web/guard.c) on socket pairs: the guard watches one end, the test reads the
 * other, where a shutdown shows as the end of the stream. The cap evicts the connection longest
 * in its phase of receiving, the deadline closes one however long it has been open, a body
 * has its own longer deadline and counts toward the cap, a request all in is left alone until the
 * next, and a closed connection is forgotten. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <poll.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../web/guard.h"

struct pair {
	int mine, peer; /* mine: what the server would hold; peer: the client */
};

static struct pair pair(void)
{
	int sv[2];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	return (struct pair){sv[0], sv[1]};
}

static void unpair(struct pair p)
{
	close(p.mine);
	close(p.peer);
}

/* True when the guard has shut p down: the peer reads the end of the stream within ms. */
static bool shut_within(struct pair p, int ms)
{
	struct pollfd f = {.fd = p.peer, .events = POLLIN};
	if (poll(&f, 1, ms) != 1)
		return false;
	char c;
	return recv(p.peer, &c, 1, MSG_DONTWAIT) == 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void cap_closes_the_oldest(void **state)
{
	(void)state;
	struct web_guard *g = web_guard_start(3, 60000, 60000);
	assert_non_null(g);
	struct pair p[5];
	struct web_guard_conn *c[5];
	for (int i = 0; i < 5; i++) {
		p[i] = pair();
		c[i] = web_guard_opened(g, p[i].mine);
		assert_non_null(c[i]);
	}
	/* Five opened with room for three: the two oldest went, in order. */
	assert_true(shut_within(p[0], 1000));
	assert_true(shut_within(p[1], 1000));
	for (int i = 2; i < 5; i++)
		assert_false(shut_within(p[i], 50));
	size_t waiting, shut;
	web_guard_counts(g, &waiting, &shut);
	assert_int_equal(waiting, 3);
	assert_int_equal(shut, 2);
	/* A connection whose request is all in does not count, nor is it evicted. */
	web_guard_headers_done(g, c[2]);
	web_guard_received(g, c[2]);
	struct pair q = pair();
	struct web_guard_conn *cq = web_guard_opened(g, q.mine);
	for (int i = 2; i < 5; i++)
		assert_false(shut_within(p[i], 50));
	assert_false(shut_within(q, 50));
	struct pair r = pair();
	struct web_guard_conn *cr = web_guard_opened(g, r.mine);
	assert_true(shut_within(p[3], 1000));
	assert_false(shut_within(p[2], 50));
	/* Once shut, a connection whose request then ends is not watched again. */
	web_guard_request_done(g, c[0]);
	web_guard_counts(g, &waiting, &shut);
	assert_int_equal(waiting, 3);
	assert_int_equal(shut, 3);
	for (int i = 0; i < 5; i++)
		web_guard_closed(g, c[i]);
	web_guard_closed(g, cq);
	web_guard_closed(g, cr);
	web_guard_counts(g, &waiting, &shut);
	assert_int_equal(waiting, 0);
	web_guard_stop(g);
	for (int i = 0; i < 5; i++)
		unpair(p[i]);
	unpair(q);
	unpair(r);
}

static void deadline_closes_a_slow_one(void **state)
{
	(void)state;
	struct web_guard *g = web_guard_start(64, 200, 200);
	assert_non_null(g);
	struct pair slow = pair(), quick = pair();
	double t0 = now_ms();
	struct web_guard_conn *cs = web_guard_opened(g, slow.mine);
	struct web_guard_conn *cq = web_guard_opened(g, quick.mine);
	web_guard_headers_done(g, cq);
	web_guard_received(g, cq);
	/* Bytes arriving change nothing: the clock runs from the accept. */
	assert_false(shut_within(slow, 100));
	assert_true(shut_within(slow, 2000));
	double took = now_ms() - t0;
	assert_true(took >= 190 && took < 2000);
	/* All in: answering may take as long as it needs. */
	assert_false(shut_within(quick, 300));
	/* Kept alive after its request, it waits for the next one's headers under the deadline. */
	t0 = now_ms();
	web_guard_request_done(g, cq);
	assert_true(shut_within(quick, 2000));
	assert_true(now_ms() - t0 >= 190);
	web_guard_closed(g, cs);
	web_guard_closed(g, cq);
	web_guard_stop(g);
	unpair(slow);
	unpair(quick);
}

/* A connection reported closed is forgotten: its descriptor number, reused by a socket the guard
 * was never told of, is never shut down. */
static void closed_is_forgotten(void **state)
{
	(void)state;
	struct web_guard *g = web_guard_start(1, 100, 100);
	assert_non_null(g);
	struct pair a = pair();
	int fd = a.mine;
	web_guard_closed(g, web_guard_opened(g, a.mine));
	unpair(a);
	struct pair b = pair();
	assert_int_equal(b.mine == fd || b.peer == fd, true); /* the lowest free number comes back */
	assert_false(shut_within(b, 400));
	size_t waiting, shut;
	web_guard_counts(g, &waiting, &shut);
	assert_int_equal(waiting, 0);
	assert_int_equal(shut, 0);
	/* NULL records (out of memory at the accept) are accepted everywhere. */
	web_guard_headers_done(g, NULL);
	web_guard_received(g, NULL);
	web_guard_request_done(g, NULL);
	web_guard_closed(g, NULL);
	web_guard_stop(g);
	web_guard_stop(NULL);
	unpair(b);
}

/* A body trickled in after quick headers is still receiving: it counts toward the cap (a crowd
 * of them cannot take every connection) and is shut at the body deadline, counted from its
 * headers; the header deadline, shorter, does not cut it. */
static void body_has_its_own_deadline(void **state)
{
	(void)state;
	struct web_guard *g = web_guard_start(2, 100, 600);
	assert_non_null(g);
	struct pair a = pair(), b = pair(), n = pair();
	struct web_guard_conn *ca = web_guard_opened(g, a.mine), *cb = web_guard_opened(g, b.mine);
	double t0 = now_ms();
	web_guard_headers_done(g, ca);
	web_guard_headers_done(g, cb);
	assert_false(shut_within(a, 300)); /* past the header deadline, within the body's */
	size_t waiting, shut;
	web_guard_counts(g, &waiting, &shut);
	assert_int_equal(waiting, 2);
	/* A new connection past the cap of 2 evicts the one longest in its phase, a body. */
	struct web_guard_conn *cn = web_guard_opened(g, n.mine);
	assert_true(shut_within(a, 1000));
	assert_false(shut_within(n, 50));
	assert_true(shut_within(b, 2000));
	assert_true(now_ms() - t0 >= 550);
	web_guard_closed(g, ca);
	web_guard_closed(g, cb);
	web_guard_closed(g, cn);
	web_guard_stop(g);
	unpair(a);
	unpair(b);
	unpair(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cap_closes_the_oldest),
	    cmocka_unit_test(deadline_closes_a_slow_one),
	    cmocka_unit_test(closed_is_forgotten),
	    cmocka_unit_test(body_has_its_own_deadline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
