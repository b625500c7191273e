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
	x->start(x, ns, local, atts);
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

nf_err imp_xml_run(imp_xml *x, imp_src *s)
{
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
		if (XML_Parse(x->p, (const char *)chunk, (int)n, n == 0) != XML_STATUS_OK) {
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
