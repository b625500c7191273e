#include "numbfoot/version.h"

/* The Makefile passes NUMBFOOT_VERSION to every compile; one place to change it. */
const char *nf_version(void)
{
	return NUMBFOOT_VERSION;
}
