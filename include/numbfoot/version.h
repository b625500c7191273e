/* numbfoot: the version of the library, so that a program built against it (the command, the
 * server, a report) says which numbfoot made its output. */
#ifndef NUMBFOOT_VERSION_H
#define NUMBFOOT_VERSION_H

#include "numbfoot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The release, such as "0.1.0" (the Makefile's NUMBFOOT_VERSION): a static string, never NULL. */
NF_API const char *nf_version(void);

#ifdef __cplusplus
}
#endif
#endif
