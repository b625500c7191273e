#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* The one global of the library, and only tests set it: an allocator passed down to every
 * function would change every signature for the sake of the fault tests. */
static core_alloc_hook hook;

void core_alloc_set_hook(core_alloc_hook fn)
{
	hook = fn;
}

void *core_malloc(size_t n)
{
	return hook && hook(n) ? NULL : malloc(n);
}

void *core_calloc(size_t count, size_t size)
{
	return hook && hook(count * size) ? NULL : calloc(count, size);
}

void *core_realloc(void *p, size_t n)
{
	return hook && hook(n) ? NULL : realloc(p, n);
}

char *core_strdup(const char *s)
{
	return hook && hook(strlen(s) + 1) ? NULL : strdup(s);
}

char *core_strndup(const char *s, size_t n)
{
	return hook && hook(strnlen(s, n) + 1) ? NULL : strndup(s, n);
}
