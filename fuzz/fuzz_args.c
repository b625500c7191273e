/* Fuzz target: the command line's arguments. The input is the words after the program's name,
 * separated by NUL bytes. They are read against the command table as main() reads them (the
 * command, its options and their values; cli_parse), but the command is never run, so that no
 * journal or file is touched; each word is then read by every parser of typed values the commands
 * use (distances in each unit, durations, minutes, dates, a start, ids, numbers, runs, places on
 * the foot, feet, moments) and escaped for the terminal and the shell. Must end in a result or a
 * clean message, never a crash, a leak or undefined behaviour. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/cli.h"
#include "../cli/paths.h"
#include "numbfoot/date.h"
#include "numbfoot/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define WORDS_MAX 64

static void read_values(const char *s)
{
	double x;
	int64_t id, t;
	uint32_t set;
	nf_error err;
	for (int kind = NF_DISTANCE_RUN; kind <= NF_DISTANCE_RETIRE; kind++) {
		(void)cli_parse_distance(s, false, (nf_distance_of)kind, "--km", &x);
		(void)cli_parse_distance(s, true, (nf_distance_of)kind, "--km", &x);
	}
	(void)cli_parse_duration(s, "--duration", &x);
	(void)cli_parse_minutes(s, "--recover", &x);
	(void)cli_parse_date(s, "--date");
	(void)cli_parse_start(s, NULL, &t);
	(void)cli_parse_start(NULL, s, &t);
	(void)cli_parse_id(s, "ID", &id);
	(void)cli_parse_number(s, "--severity", 0, 10, &x);
	(void)cli_parse_run(s, "RUN", &id);
	(void)nf_location_parse_list(s, &set, &err);
	(void)nf_foot_parse(s);
	(void)nf_moment_parse(s, &t, &err);
	(void)cli_text(s);
	(void)cli_shell_word(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Messages and help pages go nowhere: printing them is not what is tested, and a fuzz run
	 * would spend its time writing them. stderr is swapped as a stream only: libFuzzer and the
	 * sanitizers keep writing their reports to file descriptor 2. */
	static FILE *null;
	if (!null) {
		null = fopen("/dev/null", "w");
		if (!null || !freopen("/dev/null", "w", stdout))
			abort();
		stderr = null;
	}
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char *argv[WORDS_MAX + 2];
	int argc = 0;
	argv[argc++] = "numbfoot";
	for (size_t i = 0; i <= size && argc <= WORDS_MAX;) {
		argv[argc++] = text + i;
		i += strlen(text + i) + 1;
	}
	argv[argc] = NULL;
	struct cli_args a;
	if (cli_parse(argc, argv, &a) < 0) {
		for (int k = 0; a.cmd->options && a.cmd->options[k].name; k++)
			if (a.value[k])
				read_values(a.value[k]);
		for (int k = 0; k < a.npos; k++)
			read_values(a.pos[k]);
	}
	free(text);
	return 0;
}
