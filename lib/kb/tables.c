/* The look-ahead's table: every finding's outcome probabilities and answer entropies, per
 * condition, in one row. The engine's look-ahead needs P(O) = sum_c post[c] p[c][o] and
 * H(O|C) = sum_c post[c] h[c][v] for every outcome of every screen at every step; with them side by
 * side in a row, that is one multiply-add pass over a row per condition, which the compiler turns
 * into vector instructions, in place of a strided walk through each finding's own arrays. */
#include <stdlib.h>

#include "kb/kb_impl.h"

bool kb_build_cols(nf_kb *kb)
{
	int n = 0;
	for (int f = 0; f < kb->nfind; f++) {
		struct nf_finding *fd = &kb->find[f];
		fd->col = n;
		n += fd->nout;
		fd->hcol = n;
		n += fd->type == NF_SET ? fd->nvalues : 1;
	}
	n = (n + NF_KB_COLS_ALIGN - 1) / NF_KB_COLS_ALIGN * NF_KB_COLS_ALIGN;
	double *t = calloc((size_t)kb->ncond * (size_t)n, sizeof *t);
	if (!t)
		return false;
	for (int c = 0; c < kb->ncond; c++) {
		double *row = t + (size_t)c * (size_t)n;
		for (int f = 0; f < kb->nfind; f++) {
			const struct nf_finding *fd = &kb->find[f];
			for (int o = 0; o < fd->nout; o++)
				row[fd->col + o] = fd->p[c][o];
			for (int v = 0; v < (fd->type == NF_SET ? fd->nvalues : 1); v++)
				row[fd->hcol + v] = fd->h[c][v];
		}
	}
	kb->ncols = n;
	kb->cols = t;
	return true;
}
