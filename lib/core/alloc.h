/* The library's allocator: every lib/ allocation goes through these, so that a test can make the
 * Nth one fail and check that each caller returns an error and leaks nothing (STYLE.md, practice
 * 6). Not exported. */
#ifndef NUMBFOOT_CORE_ALLOC_H
#define NUMBFOOT_CORE_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* malloc, calloc, realloc and strdup, except that each returns NULL without allocating when the
 * hook says this allocation fails. Memory from them is freed with free(). */
void *core_malloc(size_t n);
void *core_calloc(size_t count, size_t size);
void *core_realloc(void *p, size_t n);
char *core_strdup(const char *s);
char *core_strndup(const char *s, size_t n);

/* The fault-injection hook: called before each allocation with its size; returning true fails it.
 * NULL (the default) fails none. A process-wide setting, for tests only: the library never sets it. */
typedef bool (*core_alloc_hook)(size_t n);
void core_alloc_set_hook(core_alloc_hook fn);

#endif
