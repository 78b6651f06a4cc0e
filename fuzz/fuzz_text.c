/* fuzz_text.c -- libFuzzer target: arbitrary bytes through the plain-text reader (cleaning,
 * NFC, invalid UTF-8). */
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_read_as(data, size, "txt"); }
