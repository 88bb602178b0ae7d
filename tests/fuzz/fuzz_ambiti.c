/* libFuzzer target: the ambiti file (codice_ambito;denominazione;
 * codice_istat;capofila) as `import ambiti` reads it. */
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
	struct registry_ambiti_summary s;
	registry_import_ambiti_mem(fuzz_db(), "fuzz.csv", (const char *)data, size, &s);
	return 0;
}
