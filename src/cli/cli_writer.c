/*
 * cli_writer.c -- aligned blocks written one at a time in any of the sentence-pair formats
 * (TSV, JSONL, Moses, TMX), so that `align` (one pair) and `export` (every pair of a store, a
 * file per language pair) write exactly the same thing. The HTML page is whole-pair only
 * (out_html.c).
 */
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

static const char *const formats[] = {"jsonl", "tsv", "moses", "tmx", NULL};

int cli_writer_format_known(const char *format)
{
    for (size_t k = 0; formats[k]; k++)
        if (!strcmp(format, formats[k]))
            return 1;
    return 0;
}

int cli_writer_open(cli_writer *w, const char *cmd, const char *format, FILE *to, const char *path,
                    const char *path2, const char *src_lang)
{
    memset(w, 0, sizeof *w);
    w->cmd = cmd;
    w->format = format;
    int moses = !strcmp(format, "moses");
    if (path) {
        w->f = fopen(path, "w");
        w->own = 1;
        if (!w->f) {
            fprintf(stderr, "dragoman %s: cannot write %s\n", cmd, path);
            return EXIT_FAIL;
        }
    } else {
        w->f = to;
    }
    if (moses) {
        w->f2 = path2 ? fopen(path2, "w") : NULL;
        if (!w->f2) {
            fprintf(stderr, "dragoman %s: cannot write %s\n", cmd, path2 ? path2 : "(no target file)");
            cli_writer_close(w);
            return EXIT_FAIL;
        }
    }
    if (!strcmp(format, "tmx"))
        out_tmx_head(w->f, src_lang);
    return EXIT_OK;
}

void cli_writer_block(cli_writer *w, const cli_doc_pair *dp, const dm_align_block *b)
{
    const char *f = w->format;
    if (!strcmp(f, "tsv"))
        out_tsv_block(w->f, dp, b);
    else if (!strcmp(f, "moses"))
        out_moses_block(w->f, w->f2, dp, b);
    else if (!strcmp(f, "tmx"))
        out_tmx_block(w->f, dp, b);
    else
        out_jsonl_block(w->f, dp, b);
    w->written++;
}

int cli_writer_close(cli_writer *w)
{
    int rc = EXIT_OK;
    if (w->f && !strcmp(w->format, "tmx"))
        out_tmx_tail(w->f);
    if (w->f && (ferror(w->f) || (w->own ? fclose(w->f) : fflush(w->f))))
        rc = EXIT_FAIL;
    if (w->f2 && (ferror(w->f2) | fclose(w->f2)))
        rc = EXIT_FAIL;
    if (rc)
        fprintf(stderr, "dragoman %s: writing failed\n", w->cmd);
    w->f = w->f2 = NULL;
    return rc;
}
