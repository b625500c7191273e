/* Functions that invite buffer overruns or hidden global state; use the named alternative.
 * Included by every library and program source through the build's -include flag. */
#ifndef NUMBFOOT_BANNED_H
#define NUMBFOOT_BANNED_H

/* The headers that declare them come first: with _FORTIFY_SOURCE (Debian's package builds, and
 * Ubuntu's compiler by default) they define inline wrappers of these very names, which the macros
 * below would break. Their include guards keep the later #includes from reading them again. */
#include <stdio.h>
#include <string.h>

#define NF_BANNED(func) sorry_##func##_is_banned_in_numbfoot

#undef strcpy
#define strcpy(x, y) NF_BANNED(strcpy) /* use snprintf or memcpy with a checked length */
#undef strcat
#define strcat(x, y) NF_BANNED(strcat)
#undef sprintf
#define sprintf(...) NF_BANNED(sprintf) /* use snprintf */
#undef vsprintf
#define vsprintf(...) NF_BANNED(vsprintf)
#undef gets
#define gets(x) NF_BANNED(gets)
#undef strtok
#define strtok(x, y) NF_BANNED(strtok) /* use strtok_r */

#endif
