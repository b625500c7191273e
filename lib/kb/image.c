/* The knowledge base's compiled image: a loaded nf_kb written out as one block with its pointers
 * as offsets, so that loading it again is a checksum, a copy and a pass over the pointers instead of
 * a JSON parse and every check (half a millisecond against ten).
 *
 * The image is a cache of the JSON, never a source: the build makes it from kb/numbfoot.json with
 * this same library (scripts/kb_image.c), tests/unit/test_kb_image.c holds it equal to the JSON
 * loaded the ordinary way, and a reader that finds an image of another build (another layout of
 * the structs) refuses it, so that the caller reads the JSON instead.
 *
 * Layout: a header, the block (the nf_kb first, then every array, source and string it points to,
 * each pointer field holding its target's offset in the block), then the offsets of the pointer
 * fields. The reader checks the header, a checksum of the rest and that every pointer stays in the
 * block; the counts and values inside are the build's own and trusted. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "kb/kb_impl.h"

#define IMAGE_MAGIC "NFKBIMG2" /* 2: checklists have each */

struct image_header {
	char magic[8];
	uint32_t layout[10]; /* sizes that differ between builds that cannot share an image */
	uint64_t size;	     /* bytes of the block */
	uint64_t nrelocs;    /* pointer fields, each a uint64_t offset into the block after it */
	uint64_t sum;	     /* checksum() of the block and the offsets */
};

/* A checksum of n bytes (a multiple of 8): four multiply-xor lanes, so that it costs a small part
 * of the load. It finds a damaged image, not a forged one: the image is the build's own. */
static uint64_t checksum(const char *p, size_t n)
{
	uint64_t h[4] = {1, 2, 3, 4};
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		for (int k = 0; k < 4; k++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * (size_t)k, sizeof w);
			h[k] = (h[k] ^ w) * UINT64_C(0x9e3779b97f4a7c15);
			h[k] ^= h[k] >> 29;
		}
	}
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, sizeof w);
		h[0] = (h[0] ^ w) * UINT64_C(0x9e3779b97f4a7c15);
		h[0] ^= h[0] >> 29;
	}
	return h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7) ^ n;
}

static void image_layout(uint32_t *l)
{
	l[0] = (uint32_t)sizeof(void *);
	l[1] = (uint32_t)sizeof(nf_kb);
	l[2] = (uint32_t)sizeof(struct kb_finding);
	l[3] = (uint32_t)sizeof(struct kb_condition);
	l[4] = (uint32_t)sizeof(struct kb_source);
	l[5] = (uint32_t)sizeof(struct kb_checklist);
	l[6] = (uint32_t)sizeof(struct kb_ref);
	l[7] = (uint32_t)sizeof(struct kb_rule);
	l[8] = (uint32_t)sizeof(nf_evidence) << 8 | (uint32_t)sizeof(bool);
	l[9] = NF_MAX_CONDITIONS << 16 | NF_MAX_FINDINGS << 4 | NF_MAX_VALUES;
}

/* ---- Writing ---- */

struct writer {
	char *buf;
	size_t len, cap;
	uint64_t *reloc;
	size_t nreloc, relcap;
	const struct kb_source **src; /* the kb's sources, in list order, and where each went */
	size_t *src_at;
	size_t nsrc;
	bool nomem;
};

/* Appends n bytes of p (zeros when p is NULL) at an offset aligned to align; returns the offset. */
static size_t put(struct writer *w, const void *p, size_t n, size_t align)
{
	size_t at = (w->len + align - 1) / align * align;
	if (at + n > w->cap) {
		size_t cap = w->cap ? w->cap : 1 << 16;
		while (at + n > cap)
			cap *= 2;
		char *b = core_realloc(w->buf, cap);
		if (!b) {
			w->nomem = true;
			return 0;
		}
		w->buf = b;
		w->cap = cap;
	}
	memset(w->buf + w->len, 0, at - w->len);
	if (p)
		memcpy(w->buf + at, p, n);
	else
		memset(w->buf + at, 0, n);
	w->len = at + n;
	return at;
}

/* Makes the pointer field at offset field point at offset target (SIZE_MAX: NULL). */
static void point(struct writer *w, size_t field, size_t target)
{
	uint64_t v = target == SIZE_MAX ? 0 : (uint64_t)target;
	if (w->nomem)
		return;
	memcpy(w->buf + field, &v, sizeof v <= sizeof(void *) ? sizeof v : sizeof(void *));
	if (target == SIZE_MAX)
		return;
	if (w->nreloc == w->relcap) {
		size_t cap = w->relcap ? w->relcap * 2 : 1024;
		uint64_t *r = core_realloc(w->reloc, cap * sizeof *r);
		if (!r) {
			w->nomem = true;
			return;
		}
		w->reloc = r;
		w->relcap = cap;
	}
	w->reloc[w->nreloc++] = field;
}

#define FIELD(base, type, member) ((base) + offsetof(type, member))

static void put_str(struct writer *w, size_t field, const char *s)
{
	point(w, field, s ? put(w, s, strlen(s) + 1, 1) : SIZE_MAX);
}

static void put_source_ref(struct writer *w, size_t field, const struct kb_source *s)
{
	size_t at = SIZE_MAX;
	for (size_t i = 0; s && i < w->nsrc; i++)
		if (w->src[i] == s)
			at = w->src_at[i];
	point(w, field, at);
}

static void put_rule(struct writer *w, size_t at, const struct kb_rule *r)
{
	put_str(w, FIELD(at, struct kb_rule, step), r->step);
	put_source_ref(w, FIELD(at, struct kb_rule, source), r->source);
	for (int k = 0; k < NF_MAX_SEE; k++)
		put_str(w, FIELD(at, struct kb_rule, see) + (size_t)k * sizeof(char *), r->see[k]);
}

static void put_condition(struct writer *w, size_t at, const struct kb_condition *c)
{
	put_str(w, FIELD(at, struct kb_condition, id), c->id);
	put_str(w, FIELD(at, struct kb_condition, name), c->name);
	put_str(w, FIELD(at, struct kb_condition, summary), c->summary);
	put_str(w, FIELD(at, struct kb_condition, icd10), c->icd10);
	put_source_ref(w, FIELD(at, struct kb_condition, prior_source), c->prior_source);
	put_str(w, FIELD(at, struct kb_condition, form), c->form);
	put_str(w, FIELD(at, struct kb_condition, form_name), c->form_name);
	put_source_ref(w, FIELD(at, struct kb_condition, share_source), c->share_source);
	for (int r = 0; r < NF_MAX_RULES; r++)
		put_rule(w, FIELD(at, struct kb_condition, rule) + (size_t)r * sizeof(struct kb_rule),
			 &c->rule[r]);
	for (int k = 0; k < NF_MAX_SEE; k++)
		put_str(w, FIELD(at, struct kb_condition, see) + (size_t)k * sizeof(char *), c->see[k]);
	for (int p = 0; p < NF_MAX_PLAN; p++) {
		size_t s = FIELD(at, struct kb_condition, plan) + (size_t)p * sizeof(struct kb_plan_step);
		put_str(w, FIELD(s, struct kb_plan_step, text), c->plan[p].text);
		put_source_ref(w, FIELD(s, struct kb_plan_step, source), c->plan[p].source);
		for (int k = 0; k < NF_MAX_SEE; k++)
			put_str(w, FIELD(s, struct kb_plan_step, see) + (size_t)k * sizeof(char *), c->plan[p].see[k]);
	}
	for (int n = 0; n < NF_MAX_NETS; n++) {
		size_t s = FIELD(at, struct kb_condition, net) + (size_t)n * sizeof(struct kb_net);
		put_str(w, FIELD(s, struct kb_net, text), c->net[n].text);
		put_source_ref(w, FIELD(s, struct kb_net, source), c->net[n].source);
	}
}

/* An array of n elements of size sz at p, or NULL; returns its offset or SIZE_MAX. */
static size_t put_array(struct writer *w, const void *p, size_t n, size_t sz)
{
	return p ? put(w, p, n * sz, 16) : SIZE_MAX;
}

static void put_finding(struct writer *w, size_t at, const struct kb_finding *f, int ncond)
{
	size_t nc = (size_t)ncond;
	put_str(w, FIELD(at, struct kb_finding, id), f->id);
	put_str(w, FIELD(at, struct kb_finding, question), f->question);
	put_str(w, FIELD(at, struct kb_finding, help), f->help);
	put_str(w, FIELD(at, struct kb_finding, unit), f->unit);
	put_str(w, FIELD(at, struct kb_finding, means), f->means);
	for (int v = 0; v < NF_MAX_VALUES; v++) {
		put_str(w, FIELD(at, struct kb_finding, value) + (size_t)v * sizeof(char *), f->value[v]);
		put_str(w, FIELD(at, struct kb_finding, value_means) + (size_t)v * sizeof(char *),
			f->value_means[v]);
	}
	point(w, FIELD(at, struct kb_finding, p), put_array(w, f->p, nc, sizeof *f->p));
	point(w, FIELD(at, struct kb_finding, lp), put_array(w, f->lp, nc, sizeof *f->lp));
	point(w, FIELD(at, struct kb_finding, lq), put_array(w, f->lq, nc, sizeof *f->lq));
	point(w, FIELD(at, struct kb_finding, h), put_array(w, f->h, nc, sizeof *f->h));
	point(w, FIELD(at, struct kb_finding, evidence), put_array(w, f->evidence, nc, sizeof *f->evidence));
	point(w, FIELD(at, struct kb_finding, listed), put_array(w, f->listed, nc, sizeof *f->listed));
	size_t src = f->source ? put(w, NULL, nc * sizeof *f->source, 16) : SIZE_MAX;
	point(w, FIELD(at, struct kb_finding, source), src);
	for (size_t c = 0; f->source && c < nc; c++)
		put_source_ref(w, src + c * sizeof *f->source, f->source[c]);
	put_str(w, FIELD(at, struct kb_finding, red_flag_says), f->red_flag_says);
	put_str(w, FIELD(at, struct kb_finding, red_flag_step), f->red_flag_step);
	put_source_ref(w, FIELD(at, struct kb_finding, red_flag_source), f->red_flag_source);
	for (int k = 0; k < NF_MAX_SEE; k++)
		put_str(w, FIELD(at, struct kb_finding, red_flag_see) + (size_t)k * sizeof(char *),
			f->red_flag_see[k]);
}

nf_err kb_image_write(const nf_kb *kb, void **out, size_t *size, nf_error *err)
{
	struct writer w = {0};
	nf_err rc = NF_ENOMEM;
	*out = NULL;
	*size = 0;
	for (const struct kb_source *s = kb->sources; s; s = s->next)
		w.nsrc++;
	w.src = core_malloc((w.nsrc + 1) * sizeof *w.src);
	w.src_at = core_malloc((w.nsrc + 1) * sizeof *w.src_at);
	if (!w.src || !w.src_at)
		goto out_free;

	size_t at = put(&w, kb, sizeof *kb, 16);
	/* Sources first, so that every reference to one finds where it went. */
	size_t i = 0, link = SIZE_MAX, head = SIZE_MAX;
	for (const struct kb_source *s = kb->sources; s; s = s->next, i++) {
		size_t so = put(&w, s, sizeof *s, 16);
		w.src[i] = s;
		w.src_at[i] = so;
		for (int k = 0; k < NF_MAX_SOURCE_REFS; k++)
			put_str(&w, FIELD(so, struct kb_source, ref) + (size_t)k * sizeof(char *), s->ref[k]);
		put_str(&w, FIELD(so, struct kb_source, figure), s->figure);
		put_str(&w, FIELD(so, struct kb_source, how), s->how);
		put_str(&w, FIELD(so, struct kb_source, text), s->text);
		point(&w, FIELD(so, struct kb_source, next), SIZE_MAX);
		if (link == SIZE_MAX)
			head = so;
		else
			point(&w, link, so);
		link = FIELD(so, struct kb_source, next);
	}
	point(&w, FIELD(at, nf_kb, sources), head);
	point(&w, FIELD(at, nf_kb, vocab_root), SIZE_MAX);
	point(&w, FIELD(at, nf_kb, kb_root), SIZE_MAX);
	point(&w, FIELD(at, nf_kb, image), SIZE_MAX);
	for (int c = 0; c < NF_MAX_CONDITIONS; c++)
		put_condition(&w, FIELD(at, nf_kb, cond) + (size_t)c * sizeof(struct kb_condition),
			      &kb->cond[c]);
	for (int r = 0; r < NF_MAX_GLOBAL_RULES; r++)
		put_rule(&w, FIELD(at, nf_kb, global) + (size_t)r * sizeof(struct kb_rule), &kb->global[r]);

	size_t fa = put_array(&w, kb->find, (size_t)kb->nfind, sizeof *kb->find);
	point(&w, FIELD(at, nf_kb, find), fa);
	for (int f = 0; kb->find && f < kb->nfind; f++)
		put_finding(&w, fa + (size_t)f * sizeof *kb->find, &kb->find[f], kb->ncond);

	size_t la = put_array(&w, kb->list, (size_t)kb->nlist, sizeof *kb->list);
	point(&w, FIELD(at, nf_kb, list), la);
	for (int k = 0; kb->list && k < kb->nlist; k++) {
		size_t e = la + (size_t)k * sizeof *kb->list;
		put_str(&w, FIELD(e, struct kb_checklist, id), kb->list[k].id);
		put_str(&w, FIELD(e, struct kb_checklist, title), kb->list[k].title);
	}
	size_t ra = put_array(&w, kb->ref, (size_t)kb->nref, sizeof *kb->ref);
	point(&w, FIELD(at, nf_kb, ref), ra);
	for (int k = 0; kb->ref && k < kb->nref; k++) {
		size_t e = ra + (size_t)k * sizeof *kb->ref;
		put_str(&w, FIELD(e, struct kb_ref, key), kb->ref[k].key);
		put_str(&w, FIELD(e, struct kb_ref, cite), kb->ref[k].cite);
	}
	point(&w, FIELD(at, nf_kb, cols),
	      put_array(&w, kb->cols, (size_t)kb->ncond * (size_t)kb->ncols, sizeof *kb->cols));
	put(&w, NULL, 0, 8); /* the block ends on a multiple of 8 bytes, for the checksum */
	if (w.nomem)
		goto out_free;

	struct image_header h = {.size = w.len, .nrelocs = w.nreloc};
	memcpy(h.magic, IMAGE_MAGIC, sizeof h.magic);
	image_layout(h.layout);
	size_t total = sizeof h + w.len + w.nreloc * sizeof *w.reloc;
	char *img = core_malloc(total);
	if (!img)
		goto out_free;
	memcpy(img, &h, sizeof h);
	memcpy(img + sizeof h, w.buf, w.len);
	memcpy(img + sizeof h + w.len, w.reloc, w.nreloc * sizeof *w.reloc);
	h.sum = checksum(img + sizeof h, total - sizeof h);
	memcpy(img, &h, sizeof h);
	*out = img;
	*size = total;
	rc = NF_OK;
out_free:
	free(w.buf);
	free(w.reloc);
	free(w.src);
	free(w.src_at);
	if (rc != NF_OK)
		return nf_error_set(err, rc, "out of memory");
	return NF_OK;
}

/* ---- Reading ---- */

nf_err nf_kb_load_image(const void *image, size_t size, nf_kb **out, nf_error *err)
{
	struct image_header h;
	uint32_t layout[10];
	*out = NULL;
	if (size < sizeof h)
		return nf_error_set(err, NF_EPARSE,
				    "knowledge-base image: %zu bytes, shorter than its header", size);
	memcpy(&h, image, sizeof h);
	image_layout(layout);
	if (memcmp(h.magic, IMAGE_MAGIC, sizeof h.magic))
		return nf_error_set(err, NF_EPARSE, "knowledge-base image: byte 0: not an image");
	if (memcmp(h.layout, layout, sizeof layout))
		return nf_error_set(err, NF_EPARSE, "knowledge-base image: byte 8: written by another build");
	if (h.size < sizeof(nf_kb) || h.size > size || h.nrelocs > (size - sizeof h) / sizeof(uint64_t) ||
	    sizeof h + h.size + h.nrelocs * sizeof(uint64_t) != size)
		return nf_error_set(err, NF_EPARSE,
				    "knowledge-base image: byte %zu: sizes do not add up to %zu bytes",
				    offsetof(struct image_header, size), size);
	const char *blob = (const char *)image + sizeof h, *rel = blob + h.size;
	if (h.size % 8 || checksum(blob, size - sizeof h) != h.sum)
		return nf_error_set(err, NF_EPARSE,
				    "knowledge-base image: byte %zu: does not match its checksum",
				    offsetof(struct image_header, sum));
	/* Every pointer field is checked before anything is kept. */
	for (uint64_t r = 0; r < h.nrelocs; r++) {
		uint64_t field, target = 0;
		memcpy(&field, rel + r * sizeof field, sizeof field);
		if (field % alignof(void *) || field > h.size - sizeof(void *))
			return nf_error_set(err, NF_EPARSE,
					    "knowledge-base image: byte %zu: pointer field out of the block",
					    (size_t)(sizeof h + h.size + r * sizeof field));
		memcpy(&target, blob + field, sizeof(void *));
		if (target >= h.size)
			return nf_error_set(err, NF_EPARSE,
					    "knowledge-base image: byte %zu: pointer out of the block",
					    (size_t)(sizeof h + field));
	}
	char *b = core_malloc((size_t)h.size);
	if (!b)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	memcpy(b, blob, (size_t)h.size);
	for (uint64_t r = 0; r < h.nrelocs; r++) {
		uint64_t field;
		uintptr_t target = 0;
		memcpy(&field, rel + r * sizeof field, sizeof field);
		memcpy(&target, b + field, sizeof target);
		target = (uintptr_t)b + target;
		memcpy(b + field, &target, sizeof target);
	}
	nf_kb *kb = (nf_kb *)(void *)b;
	kb->image = b;
	*out = kb;
	return NF_OK;
}
