/* libFuzzer target: a contacts CSV as `import contacts` reads it. */
#include <stddef.h>
#include <stdint.h>

#include "centralino/contact.h"
#include "fuzz_db.h"

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY(const uint8_t *data, size_t size);
int FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct contact_import_summary s;
	contact_import_mem(fuzz_db(), "fuzz.csv", (const char *)data, size, &s);
	return 0;
}
