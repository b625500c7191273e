/* numbfoot report: gathers the content once and hands it to the writer the file name asks for. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

const char *nf_report_figure_title(int i)
{
	return i >= 0 && i < NF_REPORT_FIGURES ? rp_figure_title(i) : NULL;
}

nf_err nf_report_figure_svg(nf_journal *j, const nf_kb *kb, const nf_report_options *o, int i, double width,
			    char **svg, size_t *len, nf_error *err)
{
	*svg = NULL;
	*len = 0;
	if (i < 0 || i >= NF_REPORT_FIGURES)
		return nf_error_set(err, NF_EINVAL, "figure %d: there are %d, from 0", i, NF_REPORT_FIGURES);
	if (!(width >= 150 && width <= 2000))
		return nf_error_set(err, NF_EINVAL, "figure width %g: must be from 150 to 2000", width);
	struct rp_doc d;
	nf_err rc = rp_doc_load(&d, j, kb, o, err);
	if (rc)
		return rc;
	char prefix[8];
	snprintf(prefix, sizeof prefix, "f%d", i);
	*svg = rp_figure_svg(&d, i, width, rp_figure_height(&d, i, width), prefix);
	rp_doc_release(&d);
	if (!*svg)
		return nf_error_set(err, NF_ENOMEM, "out of memory drawing figure %d", i);
	*len = strlen(*svg);
	return NF_OK;
}

nf_err rp_out_open(struct rp_out *o, const char *path, nf_error *err)
{
	o->errnum = 0;
	o->f = fopen(path, "wb");
	if (!o->f)
		return nf_error_set(err, NF_EIO, "%s: cannot write: %s", path, strerror(errno));
	return NF_OK;
}

cairo_status_t rp_out_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct rp_out *o = closure;
	if (fwrite(data, 1, len, o->f) == len)
		return CAIRO_STATUS_SUCCESS;
	if (!o->errnum)
		o->errnum = errno;
	return CAIRO_STATUS_WRITE_ERROR;
}

nf_err rp_out_close(struct rp_out *o, const char *path, const char *what, bool failed, const char *why,
		    nf_error *err)
{
	/* The buffered writes of fprintf fail at a flush: errno is the reason then, and the flush
	 * here is the last one that can fail before fclose. */
	errno = 0;
	if (fflush(o->f) != 0 && !o->errnum)
		o->errnum = errno ? errno : EIO;
	if (ferror(o->f) && !o->errnum)
		o->errnum = errno;
	failed |= ferror(o->f) != 0;
	errno = 0;
	if (fclose(o->f) != 0) {
		failed = true;
		if (!o->errnum)
			o->errnum = errno;
	}
	o->f = NULL;
	if (!failed && !o->errnum)
		return NF_OK;
	unlink(path);
	return nf_error_set(err, NF_EIO, "%s: writing %s failed: %s", path, what,
			    o->errnum ? strerror(o->errnum) : why ? why : "write error");
}
