/* numbfoot report: gathers the content once and hands it to the writer the file name asks for. */
#include <string.h>

#include "report/report_priv.h"

int nf_report_format_for(const char *path)
{
	static const struct {
		const char *ext;
		nf_report_format f;
	} t[] = {{".pdf", NF_REPORT_PDF}, {".html", NF_REPORT_HTML}, {".htm", NF_REPORT_HTML},
		 {".png", NF_REPORT_PNG}, {".svg", NF_REPORT_SVG}};
	size_t n = path ? strlen(path) : 0;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		size_t l = strlen(t[i].ext);
		if (n > l && !strcasecmp(path + n - l, t[i].ext))
			return (int)t[i].f;
	}
	return -1;
}

nf_err nf_report_write(nf_journal *j, const nf_kb *kb, const nf_report_options *o, const char *path, nf_error *err)
{
	struct rp_doc d;
	nf_err rc = rp_doc_load(&d, j, kb, o, err);
	if (rc)
		return rc;
	switch (o->format) {
	case NF_REPORT_PDF:
		rc = rp_write_pdf(&d, path, err);
		break;
	case NF_REPORT_HTML:
		rc = rp_write_html(&d, path, err);
		break;
	case NF_REPORT_PNG:
	case NF_REPORT_SVG:
		rc = rp_write_figures(&d, path, o->format == NF_REPORT_SVG, err);
		break;
	default:
		rc = nf_error_set(err, NF_EINVAL, "unknown report format %d", (int)o->format);
	}
	rp_doc_release(&d);
	return rc;
}
