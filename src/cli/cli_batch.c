/*
 * cli_batch.c -- reading a batch of pairs for `align --batch` and `diff --batch`: one
 * {"id", "src": [sentences], "tgt": [sentences]} a line (optional "src_lang", "tgt_lang"), each
 * good line added to one aligner (word translations learned from the whole batch help every
 * pair), each bad one reported with its place and counted, the rest going on.
 *
 * align needs only the ids back; diff needs the sentences again after the batch is aligned, so
 * it asks for the lines to be kept.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "cli_align.h"

#include <stdlib.h>
#include <string.h>

static const char *opt_string(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Add one parsed line to the aligner; 1 when the line is not a pair (reported by the caller). */
static int add_line(json_t *o, dm_aligner *al, dm_status *st)
{
    json_t *src = json_object_get(o, "src"), *tgt = json_object_get(o, "tgt");
    if (!opt_string(o, "id") || !json_is_array(src) || !json_is_array(tgt))
        return 1;
    const char **ts = NULL, **tt = NULL;
    size_t *ls = NULL, *lt = NULL, ns = 0, nt = 0;
    int bad = cli_json_strings(src, &ts, &ls, &ns) || cli_json_strings(tgt, &tt, &lt, &nt);
    if (!bad)
        *st = dm_aligner_add(al, ts, ls, ns, tt, lt, nt, opt_string(o, "src_lang"), opt_string(o, "tgt_lang"));
    free(ts);
    free(tt);
    free(ls);
    free(lt);
    return bad;
}

int cli_batch_read(dm_ctx *ctx, const char *cmd, const char *path, dm_aligner *al, int keep, cli_batch *b)
{
    memset(b, 0, sizeof *b);
    b->lines = json_array();
    if (!b->lines)
        return cli_fail(ctx, cmd, DM_ENOMEM, path);
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "dragoman %s: cannot open %s\n", cmd, path);
        return EXIT_FAIL;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && (got = getline(&line, &cap, f)) != -1) {
        lineno++;
        if (got <= 1)
            continue;
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)got, 0, &err);
        dm_status st = DM_OK;
        if (!o || add_line(o, al, &st)) {
            fprintf(stderr, "dragoman: rejected %s:%zu: %s\n", path, lineno,
                    o ? "expected {\"id\": string, \"src\": [strings], \"tgt\": [strings]}" : err.text);
            b->rejected++;
            json_decref(o);
            continue;
        }
        if (st != DM_OK) {
            rc = cli_fail(ctx, cmd, st, path);
            json_decref(o);
            break;
        }
        if (!keep) { /* only the id is needed back */
            json_t *id = json_pack("{s:s}", "id", opt_string(o, "id"));
            json_decref(o);
            o = id;
        }
        if (!o || json_array_append_new(b->lines, o))
            rc = cli_fail(ctx, cmd, DM_ENOMEM, path);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

size_t cli_batch_count(const cli_batch *b)
{
    return json_array_size(b->lines);
}

const char *cli_batch_id(const cli_batch *b, size_t k)
{
    return opt_string(json_array_get(b->lines, k), "id");
}

int cli_batch_pair(const cli_batch *b, size_t k, const dm_align_opts *opt, cli_sents *s, cli_sents *t,
                   const char **src_lang, const char **tgt_lang)
{
    json_t *o = json_array_get(b->lines, k);
    memset(s, 0, sizeof *s);
    memset(t, 0, sizeof *t);
    if (cli_json_strings(json_object_get(o, "src"), &s->text, &s->len, &s->n) ||
        cli_json_strings(json_object_get(o, "tgt"), &t->text, &t->len, &t->n))
        return -1;
    /* the pair's own languages, else the command line's */
    *src_lang = opt_string(o, "src_lang") ? opt_string(o, "src_lang") : opt->src_lang;
    *tgt_lang = opt_string(o, "tgt_lang") ? opt_string(o, "tgt_lang") : opt->tgt_lang;
    return 0;
}

void cli_batch_free(cli_batch *b)
{
    json_decref(b->lines);
    b->lines = NULL;
}
