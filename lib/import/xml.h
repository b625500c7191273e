/* numbfoot: the streaming XML base under gpx.c and tcx.c (private to lib/import).
 *
 * Wraps an expat parser with namespace processing and the caps that make untrusted XML safe to
 * read in constant memory: no DOCTYPE or entity declarations at all (so no entity expansion, on
 * top of expat's own billion-laughs guard), at most IMP_XML_DEPTH_MAX nested elements and
 * IMP_XML_TEXT_MAX bytes of character data between two tags. The format reader sees each element
 * split into namespace URI and local name, with its text at the end.
 */
#ifndef NUMBFOOT_IMPORT_XML_H
#define NUMBFOOT_IMPORT_XML_H

#include <expat.h>

#include "import/import_priv.h"

typedef struct imp_xml imp_xml;

/* Called at each start tag: ns is the namespace URI ("" for none), atts expat's name/value pairs
 * (attribute names are "URI local" or plain). */
typedef void (*imp_xml_start_fn)(imp_xml *x, const char *ns, const char *local,
				 const char **atts);
/* Called at each end tag with the character data since the last tag (NUL-terminated). */
typedef void (*imp_xml_end_fn)(imp_xml *x, const char *ns, const char *local, const char *text);

/* A prefix some writers use without declaring it, and the namespace it always means. */
typedef struct imp_xml_prefix {
	const char *prefix, *uri;
} imp_xml_prefix;

struct imp_xml {
	XML_Parser p;
	nf_import *im;      /* for warnings; may be NULL */
	const imp_xml_prefix *known; /* NULL, or prefixes to bind when the root does not */
	size_t nknown;
	unsigned injected;  /* bit i: known[i] was bound by us, not by the document */
	unsigned declared;  /* bit i: the document declares known[i] somewhere itself */
	unsigned warned;    /* bit i: the warning for known[i] is given */
	const char *name;   /* the input's name, for messages */
	nf_error *err;      /* borrowed from the caller, may be NULL */
	nf_err rc;          /* the first error a handler raised */
	int depth;
	imp_xml_start_fn start;
	imp_xml_end_fn end;
	void *user;         /* the format reader's state */
	size_t textlen;
	char text[IMP_XML_TEXT_MAX + 1];
};

/* Parses the whole of s, calling x->start and x->end (set with x->user before the call). Returns
 * NF_OK or the first error: a handler's (imp_xml_fail), a syntax error as NF_EPARSE, a cap as
 * NF_ELIMIT, a read failure as NF_EIO; messages are "NAME:LINE: ...".
 *
 * Liberal where it is safe: white space before the XML declaration (a Polar export) is skipped,
 * and each prefix in x->known that the root element does not declare is bound to its namespace
 * there, so that a Strava file using gpxdata: undeclared reads as the writer meant; the first
 * element read through such a binding adds a warning to x->im. */
nf_err imp_xml_run(imp_xml *x, imp_src *s);

/* Stops the parse with an error at the current line; the first error wins. */
void imp_xml_fail(imp_xml *x, nf_err code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The current line, for a reader that records where something was. */
unsigned long imp_xml_line(const imp_xml *x);

/* The value of the attribute named local (no namespace) in atts, or NULL. */
const char *imp_xml_attr(const char **atts, const char *local);

#endif
