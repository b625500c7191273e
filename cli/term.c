/* Terminal conventions: colour only on a terminal and never with NO_COLOR; the distance unit
 * from the settings file, else from the locale. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

bool cli_use_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fileno(f));
}

/* Countries that measure road distance in miles. */
static bool locale_uses_miles(void)
{
	const char *vars[] = {"LC_ALL", "LC_MEASUREMENT", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strstr(v, "_US") || strstr(v, "_GB") || strstr(v, "_LR") || strstr(v, "_MM");
	}
	return false;
}

bool cli_units_miles(void)
{
	char path[4096];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/numbfoot/config", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/numbfoot/config", home);
	else
		return locale_uses_miles();
	FILE *f = fopen(path, "r");
	if (!f)
		return locale_uses_miles();
	char line[256];
	int miles = -1;
	while (fgets(line, sizeof line, f)) {
		char key[64], val[64];
		if (sscanf(line, " %63[a-z_] = %63s", key, val) == 2 && !strcmp(key, "units"))
			miles = !strcmp(val, "mi") || !strcmp(val, "miles");
	}
	fclose(f);
	return miles < 0 ? locale_uses_miles() : miles;
}
