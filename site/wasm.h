/* numbfoot.wasm's exports (site/wasm.c), called by the page's script (site/engine.js) under the
 * names in quotes. Texts are NUL-terminated UTF-8 in the module's memory; the caller allocates
 * what it passes with nf_site_alloc and frees every returned text with nf_site_free. A returned
 * JSON text is {"error": "..."} when the input is at fault, and NULL only when out of memory.
 */
#ifndef NUMBFOOT_SITE_WASM_H
#define NUMBFOOT_SITE_WASM_H

#include <stddef.h>

/* The names the module exports; built natively (its unit test, tests/unit/test_site_wasm.c) the
 * functions are plain C. */
#ifdef __wasm__
#define SITE_EXPORT(name) __attribute__((export_name(name)))
#else
#define SITE_EXPORT(name)
#endif

SITE_EXPORT("nf_site_alloc") void *site_alloc(size_t n);
SITE_EXPORT("nf_site_free") void site_free(void *p);

/* The gzipped knowledge base and vocabulary built into the module, and their sizes. */
SITE_EXPORT("nf_site_kb_gz") const unsigned char *site_kb_blob(void);
SITE_EXPORT("nf_site_kb_gz_size") size_t site_kb_blob_size(void);
SITE_EXPORT("nf_site_vocab_gz") const unsigned char *site_vocab_blob(void);
SITE_EXPORT("nf_site_vocab_gz_size") size_t site_vocab_blob_size(void);

/* Loads the knowledge base from the inflated texts (the caller keeps and frees them): NULL when
 * loaded, else {"error"}. Once loaded, later calls change nothing. */
SITE_EXPORT("nf_site_init") char *site_init(const char *vocab, const char *kb);

/* The findings with their words, the checklist screens, the triage levels in words and whom the
 * advice may name, in words: what the page shows. */
SITE_EXPORT("nf_site_questions") char *site_questions(void);

/* A case file's text (docs/cases.md) to the result `numbfoot assess --answers FILE --json`
 * prints (docs/result-schema.md). */
SITE_EXPORT("nf_site_assess") char *site_assess(const char *case_text);

/* An interview's answers so far, {"mode", "answers", "screens"} (the served page's request), to
 * the result, or to the next screen: {done, stop, question: {checklist, title, findings,
 * red_flags}, progress: {screens, fraction}, triage: {level, words, red_flag: null or {finding,
 * level, says}, stop}}; stop when a warning sign ended the interview. triage is the served page's
 * (/api/assess/next), its words the result's triage.words. */
SITE_EXPORT("nf_site_result") char *site_result(const char *request);
SITE_EXPORT("nf_site_next") char *site_next(const char *request);

#endif
