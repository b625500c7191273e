/* Where a value sits in a JSON text, for error messages. jansson reports the line of a syntax
 * error but keeps no positions for values, so a fault found while checking the parsed tree (an
 * unknown ID, a probability out of range) is placed by scanning the text once more for its path.
 * The text has already been accepted by jansson, so this scanner can assume it is well formed;
 * it still stops safely at the end of the text whatever it meets. */
#include <stdio.h>
#include <string.h>

#include "kb/kb_impl.h"

struct scan {
	const char *s;
	int line;
	const char *target;
	char path[512];
	int found;
};

static void skip_ws(struct scan *sc)
{
	while (*sc->s == ' ' || *sc->s == '\t' || *sc->s == '\r' || *sc->s == '\n') {
		if (*sc->s == '\n')
			sc->line++;
		sc->s++;
	}
}

/* Skips a string at sc->s (on the opening quote); copies up to cap-1 raw bytes of it to out. */
static void skip_string(struct scan *sc, char *out, size_t cap)
{
	size_t n = 0;
	if (*sc->s == '"')
		sc->s++;
	while (*sc->s && *sc->s != '"') {
		if (*sc->s == '\\' && sc->s[1])
			sc->s++;
		if (out && n + 1 < cap)
			out[n++] = *sc->s;
		sc->s++;
	}
	if (*sc->s == '"')
		sc->s++;
	if (out)
		out[n] = '\0';
}

static void value(struct scan *sc, size_t len, int depth)
{
	skip_ws(sc);
	if (!sc->found && !strcmp(sc->path, sc->target))
		sc->found = sc->line;
	if (sc->found || depth > 4096)
		return;
	if (*sc->s == '{' || *sc->s == '[') {
		bool obj = *sc->s == '{';
		char close = obj ? '}' : ']';
		int i = 0;
		sc->s++;
		for (;;) {
			skip_ws(sc);
			if (!*sc->s || *sc->s == close)
				break;
			size_t nl = len;
			if (obj) {
				char key[128];
				skip_string(sc, key, sizeof key);
				nl += (size_t)snprintf(sc->path + len, sizeof sc->path - len, "%s%s", len ? "." : "", key);
				skip_ws(sc);
				if (*sc->s == ':')
					sc->s++;
			} else {
				nl += (size_t)snprintf(sc->path + len, sizeof sc->path - len, "[%d]", i++);
			}
			if (nl >= sizeof sc->path)
				nl = sizeof sc->path - 1;
			value(sc, nl, depth + 1);
			sc->path[len] = '\0';
			if (sc->found)
				return;
			skip_ws(sc);
			if (*sc->s == ',')
				sc->s++;
			else
				break;
		}
		if (*sc->s == close)
			sc->s++;
	} else if (*sc->s == '"') {
		skip_string(sc, NULL, 0);
	} else {
		while (*sc->s && !strchr(",}] \t\r\n", *sc->s))
			sc->s++;
	}
}

int kb_json_path_line(const char *text, const char *path)
{
	struct scan sc = {.s = text, .line = 1, .target = path};
	sc.path[0] = '\0';
	value(&sc, 0, 0);
	return sc.found;
}

static void faults_put(struct kb_faults *f, const char *line)
{
	if (f->count == 0)
		nf_error_set(f->err, NF_EPARSE, "%s", line);
	f->count++;
	if (f->report)
		f->report(f->ctx, line);
}

void kb_faults_add(struct kb_faults *f, const char *path, const char *key, const char *msg)
{
	char line[NF_ERROR_MSG_MAX];
	int ln = path && *path ? kb_json_path_line(f->text, path) : 1;
	if (!key)
		key = path && *path ? path : "(file)";
	snprintf(line, sizeof line, "%s:%d: %s: %s", f->name, ln ? ln : 1, key, msg);
	faults_put(f, line);
}

void kb_faults_syntax(struct kb_faults *f, const json_error_t *je)
{
	char line[NF_ERROR_MSG_MAX];
	/* jansson names its own flag for a \u0000 escape; the reader is told what is wrong in the
	 * file, in the HTTP API's words (web/records.c). */
	bool nul = strstr(je->text, "JSON_ALLOW_NUL") || strstr(je->text, "NUL byte");
	snprintf(line, sizeof line, "%s:%d: (json): %s (column %d)", f->name, je->line > 0 ? je->line : 1,
		 nul ? "a NUL character (\\u0000) is not allowed" : je->text, je->column);
	faults_put(f, line);
}
