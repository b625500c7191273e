/* numbfoot: the streaming XML base for the GPX and TCX readers (see xml.h). */
#include <stdarg.h>
#include <string.h>

#include "import/xml.h"

/* Expat joins a namespace URI and a local name with this; no URI contains a space. */
#define NS_SEP ' '

unsigned long imp_xml_line(const imp_xml *x)
{
	return (unsigned long)XML_GetCurrentLineNumber(x->p);
}

void imp_xml_fail(imp_xml *x, nf_err code, const char *fmt, ...)
{
	char msg[NF_ERROR_MSG_MAX];
	va_list ap;

	if (x->rc != NF_OK)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->rc = nf_error_set(x->err, code, "%s:%lu: %s", x->name, imp_xml_line(x), msg);
	XML_StopParser(x->p, XML_FALSE);
}

static void split_name(const char *full, char *ns, size_t nscap, const char **local)
{
	const char *sep = strrchr(full, NS_SEP);
	if (!sep) {
		ns[0] = '\0';
		*local = full;
		return;
	}
	size_t n = (size_t)(sep - full);
	if (n >= nscap)
		n = nscap - 1; /* a URI this long matches none we know; cutting it keeps it unmatched */
	memcpy(ns, full, n);
	ns[n] = '\0';
	*local = sep + 1;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	imp_xml *x = ud;
	char ns[256];
	const char *local;

	if (x->rc != NF_OK)
		return;
	if (++x->depth > IMP_XML_DEPTH_MAX) {
		imp_xml_fail(x, NF_ELIMIT, "elements nested deeper than %d", IMP_XML_DEPTH_MAX);
		return;
	}
	x->textlen = 0;
	x->text[0] = '\0';
	split_name(name, ns, sizeof ns, &local);
	for (size_t i = 0; i < x->nknown; i++) {
		unsigned bit = 1u << i;
		if ((x->injected & bit) && !(x->declared & bit) && !(x->warned & bit) &&
		    strcmp(ns, x->known[i].uri) == 0) {
			x->warned |= bit;
			if (x->im)
				imp_note(x->im, "%s:%lu: the prefix '%s:' is used but never declared: read as %s",
					 x->name, imp_xml_line(x), x->known[i].prefix, x->known[i].uri);
		}
	}
	x->start(x, ns, local, atts);
}

static void XMLCALL on_ns_decl(void *ud, const XML_Char *prefix, const XML_Char *uri)
{
	imp_xml *x = ud;
	for (size_t i = 0; prefix && i < x->nknown; i++) {
		if (strcmp(prefix, x->known[i].prefix) != 0)
			continue;
		/* Ours is the first declaration of it, on the root; any other is the document's. */
		if ((x->injected & (1u << i)) && !(x->declared & (1u << (i + 16))))
			x->declared |= 1u << (i + 16);
		else
			x->declared |= 1u << i;
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	imp_xml *x = ud;
	char ns[256];
	const char *local;

	if (x->rc != NF_OK)
		return;
	x->text[x->textlen] = '\0';
	split_name(name, ns, sizeof ns, &local);
	x->end(x, ns, local, x->text);
	x->depth--;
	x->textlen = 0;
	x->text[0] = '\0';
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	imp_xml *x = ud;

	if (x->rc != NF_OK || len <= 0)
		return;
	if ((size_t)len > IMP_XML_TEXT_MAX - x->textlen) {
		imp_xml_fail(x, NF_ELIMIT, "more than %d bytes of text in one element",
			     IMP_XML_TEXT_MAX);
		return;
	}
	memcpy(x->text + x->textlen, s, (size_t)len);
	x->textlen += (size_t)len;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal_subset)
{
	/* Neither GPX nor TCX uses a DTD; a DOCTYPE in a watch file is an attack or an accident. */
	imp_xml_fail(ud, NF_EPARSE, "DOCTYPE declarations are not accepted");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
			      int value_len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	imp_xml_fail(ud, NF_EPARSE, "entity declarations are not accepted");
}

/* The first chunk as expat should see it: leading white space before "<?xml" dropped (*skip
 * bytes), and the byte offset in chunk after the root element's name where the known prefixes
 * its start tag lacks are to be bound (0: none). The bindings are written into ins. */
static size_t prologue(imp_xml *x, const unsigned char *c, size_t n, size_t *skip, char *ins,
		       size_t inscap)
{
	size_t i = 0, at = 0;
	ins[0] = '\0';
	while (i < n && (c[i] == ' ' || c[i] == '\t' || c[i] == '\r' || c[i] == '\n'))
		i++;
	*skip = i < n && n - i >= 5 && memcmp(c + i, "<?xml", 5) == 0 ? i : 0;
	if (!x->nknown)
		return 0;
	/* The root: the first '<' that opens an element, not a declaration, comment or PI. */
	for (i = *skip; i < n; i++) {
		if (c[i] != '<' || i + 1 >= n)
			continue;
		if (c[i + 1] == '?' || c[i + 1] == '!')
			continue;
		break;
	}
	if (i >= n)
		return 0;
	size_t name_end = i + 1;
	while (name_end < n && c[name_end] != ' ' && c[name_end] != '\t' && c[name_end] != '\r' &&
	       c[name_end] != '\n' && c[name_end] != '>' && c[name_end] != '/')
		name_end++;
	const unsigned char *gt = memchr(c + name_end, '>', n - name_end);
	if (!gt || name_end >= n)
		return 0; /* the root's start tag is not all here: leave the document as it is */
	size_t taglen = (size_t)(gt - c) - i;
	for (size_t k = 0; k < x->nknown && k < 16; k++) {
		char decl[96];
		snprintf(decl, sizeof decl, "xmlns:%s=", x->known[k].prefix);
		if (memmem(c + i, taglen, decl, strlen(decl)))
			continue;
		size_t used = strlen(ins);
		snprintf(ins + used, inscap - used, " xmlns:%s=\"%s\"", x->known[k].prefix, x->known[k].uri);
		x->injected |= 1u << k;
		at = name_end;
	}
	return at;
}

nf_err imp_xml_run(imp_xml *x, imp_src *s)
{
	bool first = true;
	const unsigned char *chunk;
	size_t n;
	nf_err rc;

	x->rc = NF_OK;
	x->depth = 0;
	x->textlen = 0;
	x->p = XML_ParserCreateNS(NULL, NS_SEP);
	if (!x->p)
		return nf_error_set(x->err, NF_ENOMEM, "%s: out of memory", x->name);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	XML_SetStartNamespaceDeclHandler(x->p, on_ns_decl);
	x->injected = x->declared = x->warned = 0;
	XML_SetEntityDeclHandler(x->p, on_entity);
	/* Never fetch anything named by the document. */
	XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);

	/* expat 2.5 parses an unfinished token again from its start with every chunk, so one huge
	 * attribute or comment costs time quadratic in its length (20 MB: 20 s). No token of a
	 * watch file comes near IMP_XML_TOKEN_MAX; refuse it before expat sees it. */
	unsigned long long offset = 0, last_gt = 0;
	for (;;) {
		chunk = NULL;
		n = imp_src_next(s, &chunk, IMP_CHUNK);
		if (n == 0 && (rc = imp_src_error(s, x->err)) != NF_OK)
			goto out_free;
		const unsigned char *gt = n ? memrchr(chunk, '>', n) : NULL;
		if (gt)
			last_gt = offset + (unsigned long long)(gt - chunk) + 1;
		offset += n;
		if (offset - last_gt > IMP_XML_TOKEN_MAX) {
			rc = nf_error_set(x->err, NF_ELIMIT,
					  "%s: byte %llu: one tag, comment or text longer than %d KiB",
					  x->name, last_gt, IMP_XML_TOKEN_MAX / 1024);
			goto out_free;
		}
		size_t skip = 0, at = 0;
		char ins[512];
		if (first && n > 0) {
			first = false;
			at = prologue(x, chunk, n, &skip, ins, sizeof ins);
		}
		bool ok = true;
		if (at) {
			/* Up to the root's name, the bindings it lacks, then the rest. */
			ok = XML_Parse(x->p, (const char *)chunk + skip, (int)(at - skip), 0) == XML_STATUS_OK &&
			     XML_Parse(x->p, ins, (int)strlen(ins), 0) == XML_STATUS_OK &&
			     XML_Parse(x->p, (const char *)chunk + at, (int)(n - at), 0) == XML_STATUS_OK;
		} else {
			ok = XML_Parse(x->p, (const char *)chunk + skip, (int)(n - skip), n == 0) == XML_STATUS_OK;
		}
		if (!ok) {
			if (x->rc == NF_OK)
				x->rc = nf_error_set(x->err, NF_EPARSE, "%s:%lu: %s", x->name,
						     imp_xml_line(x),
						     XML_ErrorString(XML_GetErrorCode(x->p)));
			rc = x->rc;
			goto out_free;
		}
		if (x->rc != NF_OK) {
			rc = x->rc;
			goto out_free;
		}
		if (n == 0)
			break;
	}
	rc = NF_OK;
out_free:
	XML_ParserFree(x->p);
	x->p = NULL;
	return rc;
}

const char *imp_xml_attr(const char **atts, const char *local)
{
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (strcmp(atts[i], local) == 0)
			return atts[i + 1];
	return NULL;
}
