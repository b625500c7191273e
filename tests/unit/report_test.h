/* What the report's unit tests share: the shipped knowledge base as kb (kb_shipped.h), a teardown
 * that also removes their journals, and LeakSanitizer told about fontconfig's cache. */
#ifndef NUMBFOOT_TEST_REPORT_TEST_H
#define NUMBFOOT_TEST_REPORT_TEST_H

#include "kb_shipped.h"
#include "test_journal_util.h"

/* Fontconfig keeps its configuration and font cache for the life of the process and frees them
 * only in FcFini(), which a library must not call (another user may hold them). Under
 * LeakSanitizer (make SAN=1) those are reported as leaks; this hook, read only by LeakSanitizer,
 * names them as expected. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static int teardown(void **state)
{
	tj_cleanup();
	return kb_shipped_teardown(state);
}

#endif
