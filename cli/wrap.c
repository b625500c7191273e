/* Words wrapped at the terminal's width, so that a terminal never breaks one in two ("o / r
 * lift"). A wrapped stream (cli_wrap_open) takes whole lines and writes each to the real one
 * folded at spaces, every continuation indented under the first line's text: after its leading
 * spaces and after a list marker ("- ", "! ", "1. "), as the numbered causes and their reasons
 * are. Colour sequences take no room; a word longer than the line keeps a line of its own. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

#define WIDTH_MIN 20
#define LINE_MAX_BYTES (1u << 16) /* a line longer than this is written as it comes */

int cli_term_width(FILE *f)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long n = c && *c ? strtol(c, &end, 10) : 0;
	if (c && *c && !*end && n > 0 && n < 100000)
		return n < WIDTH_MIN ? WIDTH_MIN : (int)n;
	struct winsize ws;
	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < WIDTH_MIN ? WIDTH_MIN : ws.ws_col;
	return 80;
}

/* Bytes of the escape sequence at s ("\033[1;97;41m"), or 0 when there is none. */
static size_t escape_len(const char *s, size_t n)
{
	if (n < 2 || s[0] != '\033' || s[1] != '[')
		return 0;
	size_t i = 2;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ';'))
		i++;
	return i < n ? i + 1 : n;
}

static int width_of(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		size_t e = escape_len(s + i, n - i);
		if (e) {
			i += e;
			continue;
		}
		/* UTF-8: one column per code point, counted at its first byte. */
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
		i++;
	}
	return w;
}

int cli_text_width(const char *s)
{
	return width_of(s, strlen(s));
}

/* The column where a line's text starts: after its leading spaces and a list marker, or, in a
 * line of two columns ("  --db PATH      use the journal"), at the second column. */
static size_t hanging(const char *s, size_t n, int width)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i + 1 < n && (s[i] == '-' || s[i] == '!' || s[i] == '*') && s[i + 1] == ' ' && (i + 2 == n || s[i + 2] != ' '))
		return i + 2;
	size_t d = i;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (d > i && d - i <= 3 && d + 1 < n && s[d] == '.' && s[d + 1] == ' ')
		return d + 2;
	for (size_t k = i; k + 2 < n && width_of(s, k) <= width / 2; k++)
		if (s[k] != ' ' && s[k + 1] == ' ' && s[k + 2] == ' ') {
			size_t c = k + 1;
			while (c < n && s[c] == ' ')
				c++;
			return c < n && width_of(s, c) <= width / 2 ? c : i;
		}
	return i;
}

void cli_wrap_line(FILE *out, int width, const char *s, size_t n)
{
	if (width_of(s, n) <= width) {
		fwrite(s, 1, n, out);
		fputc('\n', out);
		return;
	}
	size_t lead = hanging(s, n, width);
	/* A marker so far in that little room is left is no guide: continue at the margin. */
	int indent = (int)lead <= width / 2 ? width_of(s, lead) : 0;
	fwrite(s, 1, lead, out);
	int col = width_of(s, lead);
	bool first = true;
	for (size_t i = lead; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j == i)
			break;
		int w = width_of(s + i, j - i);
		if (!first && col + 1 + w > width) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fwrite(s + i, 1, j - i, out);
		col += w;
		first = false;
		i = j;
	}
	fputc('\n', out);
}

/* ---- the wrapped stream ---- */

struct wrap {
	FILE *to;
	int width;
	char *line; /* the line so far, up to its newline */
	size_t len, cap;
};

static void put_pending(struct wrap *w)
{
	if (w->len)
		fwrite(w->line, 1, w->len, w->to);
	w->len = 0;
}

static ssize_t wrap_write(void *cookie, const char *buf, size_t n)
{
	struct wrap *w = cookie;
	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			cli_wrap_line(w->to, w->width, w->line ? w->line : "", w->len);
			w->len = 0;
			continue;
		}
		if (w->len == w->cap) {
			size_t cap = w->cap ? w->cap * 2 : 256;
			char *p = cap <= LINE_MAX_BYTES ? realloc(w->line, cap) : NULL;
			if (!p) { /* out of room: the line so far goes out unwrapped */
				put_pending(w);
				fputc(buf[i], w->to);
				continue;
			}
			w->line = p, w->cap = cap;
		}
		w->line[w->len++] = buf[i];
	}
	return ferror(w->to) ? -1 : (ssize_t)n;
}

static int wrap_close(void *cookie)
{
	struct wrap *w = cookie;
	put_pending(w);
	int rc = fflush(w->to) ? EOF : 0;
	free(w->line);
	free(w);
	return rc;
}

FILE *cli_wrap_open(FILE *to)
{
	struct wrap *w = calloc(1, sizeof *w);
	if (!w)
		return to;
	w->to = to;
	w->width = cli_term_width(to);
	cookie_io_functions_t io = {.write = wrap_write, .close = wrap_close};
	FILE *f = fopencookie(w, "w", io);
	if (!f) {
		free(w);
		return to;
	}
	/* Unbuffered: each line reaches the real stream as soon as it is whole, in order with what
	 * is written there directly (a prompt). */
	setvbuf(f, NULL, _IONBF, 0);
	return f;
}

int cli_wrap_close(FILE *f, FILE *to)
{
	return f == to ? 0 : fclose(f);
}
