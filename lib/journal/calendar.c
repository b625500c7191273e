/* numbfoot journal: the runner's calendar day. The library keeps times in UTC; the refusal of a
 * run or a first use dated after today is about the day on the runner's own calendar, so it needs
 * the local time zone, and it is the journal's rule, given to every face alike. The caller passes
 * the clock's time in: the library never reads the clock. */
#include <string.h>
#include <time.h>

#include "numbfoot/journal.h"

void nf_journal_local_day(int64_t t, char day[NF_JOURNAL_DATE_MAX])
{
	struct tm tm;
	time_t tt = (time_t)t;
	day[0] = '\0';
	if (t >= 0 && localtime_r(&tt, &tm))
		strftime(day, NF_JOURNAL_DATE_MAX, "%Y-%m-%d", &tm);
}

bool nf_journal_day_after(const char *day, int64_t now, char today[NF_JOURNAL_DATE_MAX])
{
	nf_journal_local_day(now, today);
	/* "YYYY-MM-DD" texts order as their days do. */
	return day && day[0] && today[0] && strcmp(day, today) > 0;
}
