/* Terminal conventions: colour only on a terminal and never with NO_COLOR; the distance unit
 * from the settings file, else from the locale. */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "numbfoot/text.h"

bool cli_use_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fileno(f));
}

/* Countries that measure road distance in miles. */
static bool locale_uses_miles(void)
{
	const char *vars[] = {"LC_ALL", "LC_MEASUREMENT", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strstr(v, "_US") || strstr(v, "_GB") || strstr(v, "_LR") || strstr(v, "_MM");
	}
	return false;
}

bool cli_units_miles(void)
{
	char path[4096];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/numbfoot/config", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/numbfoot/config", home);
	else
		return locale_uses_miles();
	FILE *f = fopen(path, "r");
	if (!f)
		return locale_uses_miles();
	char line[256];
	int miles = -1;
	while (fgets(line, sizeof line, f)) {
		char key[64], val[64];
		if (sscanf(line, " %63[a-z_] = %63s", key, val) == 2 && !strcmp(key, "units"))
			miles = !strcmp(val, "mi") || !strcmp(val, "miles");
	}
	fclose(f);
	return miles < 0 ? locale_uses_miles() : miles;
}

/* Writes src to dst as it may reach a terminal: every control character as \xHH (C0 and DEL as
 * bytes, C1 (U+0080..U+009F, two bytes in UTF-8) as the pair), each byte that is not UTF-8 as
 * \xHH, and the invisible format characters as \uXXXX. Newline and tab stay. Cut with "..." if
 * dst is too small. */
static void escape_controls(char *dst, size_t n, const char *src)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)src; *p;) {
		char esc[16] = {0};
		unsigned cp;
		size_t len, in = nf_utf8_decode(p, p + strnlen((const char *)p, 4), &cp);
		if (!in) {
			len = (size_t)snprintf(esc, sizeof esc, "\\x%02x", *p);
			in = 1;
		} else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f)
			len = (size_t)snprintf(esc, sizeof esc, "\\x%02x", cp);
		else if (cp >= 0x80 && cp <= 0x9f)
			len = (size_t)snprintf(esc, sizeof esc, "\\xc2\\x%02x", cp);
		else if (nf_char_invisible(cp))
			len = (size_t)snprintf(esc, sizeof esc, "\\u%04x", cp);
		else {
			memcpy(esc, p, in);
			len = in;
		}
		if (o + len + 4 > n) { /* each step leaves room for "..." and the NUL */
			memcpy(dst + o, "...", 4);
			return;
		}
		memcpy(dst + o, esc, len);
		o += len;
		p += in;
	}
	dst[o] = '\0';
}

const char *cli_text(const char *s)
{
	/* A few rotating buffers, so that one printf can show several such strings. */
	static char buf[8][2048];
	static unsigned next;
	char *b = buf[next++ % 8];
	escape_controls(b, sizeof buf[0], s ? s : "");
	return b;
}

const char *cli_shell_word(const char *s)
{
	/* Nicknames are at most 63 bytes and notes 1023: quoted, each byte at most four. */
	char q[4200];
	size_t n = 0;
	s = s ? s : "";
	bool plain = *s != '\0';
	for (const char *p = s; *p; p++)
		plain = plain && (isalnum((unsigned char)*p) || strchr("_-.,:/@%+=", *p));
	if (plain)
		return cli_text(s);
	q[n++] = '\'';
	for (const char *p = s; *p && n + 5 < sizeof q; p++) {
		if (*p == '\'') {
			memcpy(q + n, "'\\''", 4);
			n += 4;
		} else {
			q[n++] = *p;
		}
	}
	q[n++] = '\'';
	q[n] = '\0';
	return cli_text(q);
}

void cli_errorf(const char *fmt, ...)
{
	char msg[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "numbfoot: %s\n", cli_text(msg));
}

int cli_fail(const nf_error *err)
{
	cli_errorf("%s", err->msg[0] ? err->msg : nf_errstr(err->code));
	switch (err->code) {
	case NF_EPARSE:
	case NF_EINVAL:
	case NF_ELIMIT:
	case NF_ENOTFOUND:
		return CLI_EXIT_USAGE;
	default:
		return CLI_EXIT_FAIL;
	}
}
