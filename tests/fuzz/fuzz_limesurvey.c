/* libFuzzer target: LimeSurvey's participant export as `status import`
 * reads it, against campaign "fuzz" (its first codes are fixed: see
 * fuzz_db.h, so seeds hit known tokens). */
#include <stddef.h>
#include <stdint.h>

#include "centralino/limesurvey.h"
#include "fuzz_db.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct limesurvey_import_summary s;
	if (limesurvey_import_mem(fuzz_db(), "fuzz", "fuzz.csv", (const char *)data, size, &s) == CN_OK)
		limesurvey_import_summary_free(&s);
	return 0;
}
