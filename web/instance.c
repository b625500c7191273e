/* The running server's record: how a second `numbfoot serve` (a second click on the desktop
 * entry) finds the first and opens its page instead of failing on a busy port.
 *
 * The record is a file of mode 0600 in a folder of mode 0700 (the caller's runtime folder) that
 * holds the server's pid, its journal and the address it printed, token included: the token is
 * what lets a browser in, so the file is as private as the journal. A server killed before it
 * could remove its record leaves it behind; a record counts only while its pid runs and its
 * address accepts a connection, and a dead one is removed by the next launch. A lock beside it
 * makes the look-up and the start one step, so two launches at once start one server.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "web.h"

#define RECORD_MAX 8192 /* the file is three short lines; anything longer is not ours */

bool web_instance_open(struct web_instance *in, const char *dir, char *why, size_t cap)
{
	memset(in, 0, sizeof *in);
	in->lock_fd = -1;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(why, cap, "cannot create folder %s: %s", dir, strerror(errno));
		return false;
	}
	/* The folder may be shared ($XDG_CACHE_HOME when there is no runtime folder): it must be
	 * this user's own and closed to others, else a record there could be read or planted. */
	struct stat sb;
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid() ||
	    (sb.st_mode & 077)) {
		snprintf(why, cap, "%s is not a folder of mode 0700 owned by this user", dir);
		return false;
	}
	if ((size_t)snprintf(in->path, sizeof in->path, "%s/serve", dir) >= sizeof in->path ||
	    (size_t)snprintf(in->lock, sizeof in->lock, "%s/serve.lock", dir) >= sizeof in->lock) {
		snprintf(why, cap, "the path %s is too long", dir);
		return false;
	}
	in->lock_fd = open(in->lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (in->lock_fd < 0) {
		snprintf(why, cap, "cannot open %s: %s", in->lock, strerror(errno));
		return false;
	}
	/* Held until this launch has recorded its server or given up: a second launch waits here
	 * for as long as the first takes to open its journal and bind, then finds its record. */
	while (flock(in->lock_fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			snprintf(why, cap, "cannot lock %s: %s", in->lock, strerror(errno));
			close(in->lock_fd);
			in->lock_fd = -1;
			return false;
		}
	}
	return true;
}

/* The record's fields from its text; false when a line is missing or malformed. */
static bool parse_record(char *text, struct web_record *r)
{
	bool pid = false, url = false, db = false;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!strncmp(line, "pid ", 4)) {
			char *end;
			long v = strtol(line + 4, &end, 10);
			pid = end != line + 4 && !*end && v > 0;
			r->pid = (pid_t)v;
		} else if (!strncmp(line, "url ", 4)) {
			url = (size_t)snprintf(r->url, sizeof r->url, "%s", line + 4) < sizeof r->url;
		} else if (!strncmp(line, "db ", 3)) {
			db = (size_t)snprintf(r->db, sizeof r->db, "%s", line + 3) < sizeof r->db;
		}
	}
	return pid && url && db;
}

/* True when the address in url ("http://HOST:PORT/...", HOST an IP address, IPv6 in brackets)
 * accepts a TCP connection within a second. */
static bool accepts(const char *url)
{
	if (strncmp(url, "http://", 7))
		return false;
	const char *host = url + 7, *end;
	char name[INET6_ADDRSTRLEN];
	if (*host == '[') {
		end = strchr(++host, ']');
		if (!end || end[1] != ':')
			return false;
	} else {
		end = strchr(host, ':');
		if (!end)
			return false;
	}
	if ((size_t)(end - host) >= sizeof name)
		return false;
	snprintf(name, sizeof name, "%.*s", (int)(end - host), host);
	long port = strtol(end + (*end == ']' ? 2 : 1), NULL, 10);
	if (port <= 0 || port > 65535)
		return false;
	struct sockaddr_storage ss;
	socklen_t len;
	memset(&ss, 0, sizeof ss);
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	if (inet_pton(AF_INET, name, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		len = sizeof *s4;
	} else if (inet_pton(AF_INET6, name, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		len = sizeof *s6;
	} else {
		return false;
	}
	int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	bool ok = connect(fd, (struct sockaddr *)&ss, len) == 0;
	if (!ok && errno == EINPROGRESS) {
		struct pollfd p = {.fd = fd, .events = POLLOUT};
		int err = 0;
		socklen_t elen = sizeof err;
		ok = poll(&p, 1, 1000) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) == 0 &&
		     err == 0;
	}
	close(fd);
	return ok;
}

bool web_instance_running(struct web_instance *in, struct web_record *r)
{
	memset(r, 0, sizeof *r);
	int fd = open(in->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	char text[RECORD_MAX + 1];
	size_t n = 0;
	for (;;) {
		ssize_t got = read(fd, text + n, sizeof text - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
		if (n == sizeof text - 1)
			break;
	}
	close(fd);
	text[n] = '\0';
	bool alive = parse_record(text, r) && (kill(r->pid, 0) == 0 || errno == EPERM) && accepts(r->url);
	if (!alive) /* a killed server's, or not a record at all: the next server records afresh */
		unlink(in->path);
	return alive;
}

bool web_instance_same_journal(const struct web_record *r, const char *db)
{
	char real[PATH_MAX];
	return !strcmp(r->db, realpath(db, real) ? real : db);
}

bool web_instance_record(struct web_instance *in, const char *url, const char *db, char *why, size_t cap)
{
	char tmp[sizeof in->path + 16];
	bool ok = false;
	if (strchr(url, '\n') || strchr(db, '\n')) {
		snprintf(why, cap, "a line break in the journal's path");
		goto out_unlock;
	}
	snprintf(tmp, sizeof tmp, "%s.%ld", in->path, (long)getpid());
	/* Written aside and renamed, so that a reader never sees half a record. */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		snprintf(why, cap, "cannot create %s: %s", tmp, strerror(errno));
		goto out_unlock;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		snprintf(why, cap, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out_unlock;
	}
	char real[PATH_MAX];
	fprintf(f, "pid %ld\nurl %s\ndb %s\n", (long)getpid(), url, realpath(db, real) ? real : db);
	if (fclose(f) != 0 || rename(tmp, in->path) != 0) {
		snprintf(why, cap, "cannot write %s: %s", in->path, strerror(errno));
		unlink(tmp);
		goto out_unlock;
	}
	in->recorded = true;
	ok = true;
out_unlock:
	if (in->lock_fd >= 0) {
		close(in->lock_fd); /* lets a waiting launch find this record */
		in->lock_fd = -1;
	}
	return ok;
}

void web_instance_close(struct web_instance *in)
{
	if (in->recorded) {
		/* Still ours? A later server records only when ours is gone, but be sure. */
		struct web_record r;
		int fd = open(in->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd >= 0) {
			char text[RECORD_MAX + 1];
			ssize_t n = read(fd, text, sizeof text - 1);
			close(fd);
			text[n > 0 ? n : 0] = '\0';
			memset(&r, 0, sizeof r);
			if (parse_record(text, &r) && r.pid == getpid())
				unlink(in->path);
		}
		in->recorded = false;
	}
	if (in->lock_fd >= 0) {
		close(in->lock_fd);
		in->lock_fd = -1;
	}
}
