/* fuzz_html.c -- libFuzzer target: arbitrary bytes through the html reader. */
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_as(data, size, "html");
}
