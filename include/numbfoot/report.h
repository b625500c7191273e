/* numbfoot: the report for a sports-medicine doctor or physiotherapist (docs/report.md).
 *
 * One report from the journal: the latest saved assessment (or, when none is saved, a fresh one
 * from the findings the journal's analysis derives), the answers (derived ones marked), the
 * episode history, figures, the references behind the conditions listed, and the statement that
 * this is not a diagnosis. The same drawing code writes PDF, SVG (inline in the HTML report) and
 * PNG through cairo and pango. The output depends only on the journal, the knowledge base and the
 * clock in the options, never on the time it is written.
 */
#ifndef NUMBFOOT_REPORT_H
#define NUMBFOOT_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "numbfoot/error.h"
#include "numbfoot/journal.h"
#include "numbfoot/kb.h"
#include "numbfoot/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_report_format {
	NF_REPORT_PDF = 0,  /* pages of A4 */
	NF_REPORT_HTML = 1, /* one self-contained file, figures as inline SVG */
	NF_REPORT_PNG = 2,  /* the figures only, one image */
	NF_REPORT_SVG = 3,  /* the figures only, one SVG */
} nf_report_format;

typedef struct nf_report_options {
	int64_t now;              /* the clock: the report's date and the PDF creation date */
	nf_report_format format;
	bool gps;                 /* add the routes of the latest runs with numbness (left out otherwise) */
	nf_units units;           /* distances in words and figures: NF_UNITS_KM (0) or NF_UNITS_MI */
} nf_report_options;

/* The format a file name asks for by its ending (.pdf, .html or .htm, .png, .svg); -1 if none. */
NF_API int nf_report_format_for(const char *path);

/* Writes the report of journal j to path. NF_EIO when the file cannot be written (a partial file
 * is removed), NF_EDB/NF_ENOMEM from reading the journal. */
NF_API nf_err nf_report_write(nf_journal *j, const nf_kb *kb, const nf_report_options *o, const char *path,
			      nf_error *err);

/* The report's figures one at a time, for a screen that shows each at its own width: onset distance
 * per run, episodes by shoe pair, shoe distance against retirement distance, weekly distance,
 * cadence over time. */
#define NF_REPORT_FIGURES 5
/* Figure i's title (0 <= i < NF_REPORT_FIGURES), or NULL. */
NF_API const char *nf_report_figure_title(int i);
/* Figure i of journal j's report as one SVG document (NUL-terminated, *len bytes; the caller frees
 * *svg), laid out for width points (150 to 2000) and as tall as that layout needs: the key moves
 * under the title when it does not fit beside it, labels are shortened to their room and there are
 * as many ticks as fit. o->format is ignored. NF_EINVAL for i or width out of range, NF_ENOMEM,
 * NF_EDB from reading the journal. */
NF_API nf_err nf_report_figure_svg(nf_journal *j, const nf_kb *kb, const nf_report_options *o, int i, double width,
				   char **svg, size_t *len, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
