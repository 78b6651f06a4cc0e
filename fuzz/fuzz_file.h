/* fuzz_file.h -- run dm_read_path over fuzzer bytes written to a file with a given extension. */
#ifndef DM_FUZZ_FILE_H
#define DM_FUZZ_FILE_H
#include <stddef.h>
#include <stdint.h>
int fuzz_read_as(const uint8_t *data, size_t size, const char *ext);
#endif
