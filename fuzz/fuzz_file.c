/*
 * fuzz_file.c -- the readers take paths (so that places in messages are real), so each input
 * is written to a private temporary file with the extension that picks the reader.
 */
#include "fuzz_file.h"

#include "dragoman.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static dm_status count_doc(void *ud, const dm_doc *doc)
{
    size_t *n = ud;
    /* touch every byte so that a wrong length shows under AddressSanitizer */
    size_t sum = 0;
    for (size_t i = 0; i < doc->text_len; i++)
        sum += (unsigned char)doc->text[i];
    *n += 1 + (sum & 1);
    return DM_OK;
}

int fuzz_read_as(const uint8_t *data, size_t size, const char *ext)
{
    static dm_ctx *ctx;
    if (!ctx) {
        dm_options opt = {.max_doc_bytes = 1 << 20};
        if (dm_ctx_new(&ctx, &opt))
            abort();
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/dm-fuzz-%d.%s", (int)getpid(), ext);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    size_t n = 0;
    dm_read_path(ctx, path, count_doc, &n);
    unlink(path);
    return 0;
}
