#include <stdarg.h>
#include <stdio.h>

#include "numbfoot/error.h"

const char *nf_errstr(nf_err code)
{
	static const char *const names[NF_ERR_COUNT] = {
		[NF_OK] = "success",
		[NF_ENOMEM] = "out of memory",
		[NF_EIO] = "input/output error",
		[NF_EPARSE] = "malformed input",
		[NF_EINVAL] = "invalid argument",
		[NF_ENOTFOUND] = "not found",
		[NF_EEXIST] = "already exists",
		[NF_ELIMIT] = "input exceeds a limit",
		[NF_EDB] = "journal database error",
		[NF_ESKIP] = "not a run",
	};
	if ((unsigned)code >= NF_ERR_COUNT || !names[code])
		return "unknown error";
	return names[code];
}

nf_err nf_error_set(nf_error *err, nf_err code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return code;
}

void nf_error_clear(nf_error *err)
{
	if (err) {
		err->code = NF_OK;
		err->msg[0] = '\0';
	}
}
