/* numbfoot: the entry point. Reads argv against the command table (cli/args.c) and runs the
 * command it names. Only this program prints or decides exit codes; the library returns errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
	struct cli_args a;
	int rc = cli_parse(argc, argv, &a);
	if (rc >= 0)
		return rc;
	rc = a.cmd->run(&a);
	/* Output that never reached its file (a full disk, a closed pipe) is a failure, whichever
	 * command wrote it: stdio only reports it on the last flush. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_errorf("writing the output failed: %s", strerror(errno ? errno : EIO));
		if (rc == CLI_EXIT_OK)
			rc = CLI_EXIT_FAIL;
	}
	return rc;
}
