/* libFuzzer target: ISTAT's list of comuni (decoding, CSV, checks, merge)
 * as `import istat` reads it. Built by `make fuzz` (scripts/fuzz.sh);
 * tests/unit/test_fuzz_regress.c replays the seeds and reproducers. */
#include <stddef.h>
#include <stdint.h>

#include "centralino/registry.h"
#include "fuzz_db.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct registry_import_summary s;
	registry_import_istat_mem(fuzz_db(), "fuzz.csv", (const char *)data, size, &s);
	return 0;
}
