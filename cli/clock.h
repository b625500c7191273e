/* The clock of the analysis commands (analyze, assess --from-journal, report): --now, else
 * $NUMBFOOT_NOW, else the system clock, so that tests and reports can be reproduced. */
#ifndef NUMBFOOT_CLI_CLOCK_H
#define NUMBFOOT_CLI_CLOCK_H

#include <stdint.h>

#include "cli.h"

/* Into *now (Unix seconds). Prints why and returns false on a malformed time. The command must
 * have a "now" option. */
bool cli_clock(const struct cli_args *a, int64_t *now);

#endif
