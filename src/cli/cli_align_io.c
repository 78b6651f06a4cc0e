/*
 * cli_align_io.c -- loading two documents as sentences, JSON string output and the dispatch of
 * alignment output formats, shared by the align, diff and mine commands.
 */
#include "cli.h"
#include "cli_align.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_sents_free(cli_sents *s)
{
    free(s->buf);
    free(s->text);
    free(s->len);
    memset(s, 0, sizeof *s);
}

static int push_sent(cli_sents *s, size_t *cap, const char *t, size_t n)
{
    if (s->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        const char **p = realloc(s->text, nc * sizeof *p);
        if (!p)
            return -1;
        s->text = p;
        size_t *l = realloc(s->len, nc * sizeof *l);
        if (!l)
            return -1;
        s->len = l;
        *cap = nc;
    }
    s->text[s->n] = t;
    s->len[s->n] = n;
    s->n++;
    return 0;
}

int cli_load_sents(dm_ctx *ctx, const char *cmd, const char *path, int lines, cli_sents *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    dm_status st = cli_read_all(path, (size_t)256 << 20, &out->buf, &len);
    if (st != DM_OK) {
        int missing = st == DM_EIO && strcmp(path, "-") && access(path, F_OK) != 0;
        /* a user who typed two document ids forgot --db: say so rather than "input/output error" */
        if (missing && strcmp(cmd, "mine"))
            fprintf(stderr, "dragoman %s: no file %s (for documents in the store, give their ids with --db PATH)\n",
                    cmd, path);
        else
            fprintf(stderr, "dragoman %s: cannot read %s: %s\n", cmd, path,
                    missing ? "no such file" : dm_status_str(st));
        return EXIT_FAIL;
    }
    size_t cap = 0;
    if (lines) {
        size_t start = 0;
        for (size_t k = 0; k <= len; k++) {
            if (k == len || out->buf[k] == '\n') {
                size_t e = k;
                if (e > start && out->buf[e - 1] == '\r')
                    e--;
                if (!(k == len && e == start) && push_sent(out, &cap, out->buf + start, e - start))
                    return cli_fail(ctx, cmd, DM_ENOMEM, path);
                start = k + 1;
            }
        }
        return EXIT_OK;
    }
    dm_span *sp = NULL;
    size_t n = 0;
    st = dm_segment(ctx, out->buf, len, &sp, &n);
    if (st != DM_OK)
        return cli_fail(ctx, cmd, st, path);
    for (size_t k = 0; k < n; k++)
        if (push_sent(out, &cap, out->buf + sp[k].start, sp[k].len)) {
            free(sp);
            return cli_fail(ctx, cmd, DM_ENOMEM, path);
        }
    free(sp);
    return EXIT_OK;
}

static dm_status remember_lang(void *ud, const dm_stored_doc *d)
{
    char *buf = ud;
    snprintf(buf, 8, "%s", d->doc.lang ? d->doc.lang : "");
    return DM_OK;
}

/* Both documents from the store: sentences as ingest cut them, languages as it found them. */
static int load_stored_pair(dm_ctx *ctx, const char *cmd, const char *db, cli_doc_pair *dp)
{
    dm_store *st = NULL;
    dm_status s = dm_store_open(ctx, db, 1, &st);
    const char *ids[2] = {dp->src_name, dp->tgt_name}, *what = db;
    cli_sents *sides[2] = {&dp->src, &dp->tgt};
    for (int k = 0; k < 2 && !s; k++) {
        what = ids[k];
        s = dm_store_get(st, ids[k], remember_lang, dp->lang_buf[k]);
        if (!s)
            s = cli_load_stored_sents(st, ids[k], sides[k]);
    }
    dm_store_close(st);
    if (s)
        return cli_fail(ctx, cmd, s, what);
    dp->src_lang = dp->lang_buf[0][0] ? dp->lang_buf[0] : NULL;
    dp->tgt_lang = dp->lang_buf[1][0] ? dp->lang_buf[1] : NULL;
    return EXIT_OK;
}

int cli_load_pair(dm_ctx *ctx, const char *cmd, const char *db, const char *a, const char *b,
                  int lines, cli_doc_pair *dp)
{
    memset(dp, 0, sizeof *dp);
    dp->src_name = a;
    dp->tgt_name = b;
    if (db)
        return load_stored_pair(ctx, cmd, db, dp);
    int rc = cli_load_sents(ctx, cmd, a, lines, &dp->src);
    if (rc == EXIT_OK)
        rc = cli_load_sents(ctx, cmd, b, lines, &dp->tgt);
    return rc;
}

void cli_doc_pair_free(cli_doc_pair *dp)
{
    cli_sents_free(&dp->src);
    cli_sents_free(&dp->tgt);
}

void cli_json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

/* Is line k of a side debris that a block of several lines on that side should report apart? */
static int apart(const cli_sents *s, size_t k, size_t start, size_t n)
{
    if (!s || n < 2 || k >= s->n || !dm_align_is_debris(s->text[k], s->len[k]))
        return 0;
    for (size_t x = start; x < start + n && x < s->n; x++) /* keep one line that is not */
        if (!dm_align_is_debris(s->text[x], s->len[x]))
            return 1;
    return 0;
}

/* The lines of a block's side, less those reported apart. */
static void write_side(FILE *f, const cli_sents *s, size_t start, size_t n)
{
    fputc('[', f);
    for (size_t k = start, first = 1; k < start + n; k++)
        if (!apart(s, k, start, n)) {
            fprintf(f, first ? "%zu" : ", %zu", k);
            first = 0;
        }
    fputc(']', f);
}

void cli_write_batch_line(FILE *f, const char *id, const dm_align_block *b, size_t nb, const cli_sents *src,
                          const cli_sents *tgt)
{
    fputs("{\"id\": ", f);
    cli_json_string(f, id, strlen(id));
    fputs(", \"align\": [", f);
    for (size_t k = 0; k < nb; k++) {
        fputs(k ? ", [" : "[", f);
        write_side(f, b[k].src_n && b[k].tgt_n ? src : NULL, b[k].src_start, b[k].src_n);
        fputs(", ", f);
        write_side(f, b[k].src_n && b[k].tgt_n ? tgt : NULL, b[k].tgt_start, b[k].tgt_n);
        fputc(']', f);
        /* debris inside a block: a line of its own without counterpart */
        for (int side = 0; side < 2 && b[k].src_n && b[k].tgt_n; side++) {
            const cli_sents *s = side ? tgt : src;
            size_t st = side ? b[k].tgt_start : b[k].src_start, n = side ? b[k].tgt_n : b[k].src_n;
            for (size_t x = st; x < st + n; x++)
                if (apart(s, x, st, n))
                    fprintf(f, side ? ", [[], [%zu]]" : ", [[%zu], []]", x);
        }
    }
    fputs("]}\n", f);
}

void cli_write_side(FILE *f, const cli_sents *s, size_t start, size_t n, const char *sep)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputs(sep, f);
        fwrite(s->text[start + k], 1, s->len[start + k], f);
    }
}

int cli_align_format_known(const char *format)
{
    return !strcmp(format, "html") || cli_writer_format_known(format);
}

int cli_align_write(FILE *f, const char *format, const char *prefix, const cli_doc_pair *dp,
                    const dm_align_block *b, size_t nb)
{
    if (!strcmp(format, "html"))
        return out_html(f, dp, b, nb);
    int moses = !strcmp(format, "moses");
    size_t pl = strlen(prefix);
    char *ps = moses ? malloc(pl + 5) : NULL, *pt = moses ? malloc(pl + 5) : NULL;
    if (moses && (!ps || !pt)) {
        free(ps);
        free(pt);
        return EXIT_FAIL;
    }
    if (moses) {
        snprintf(ps, pl + 5, "%s.src", prefix);
        snprintf(pt, pl + 5, "%s.tgt", prefix);
    }
    cli_writer w;
    int rc = cli_writer_open(&w, "align", format, f, ps, pt, dp->src_lang);
    if (rc == EXIT_OK) {
        for (size_t k = 0; k < nb; k++)
            cli_writer_block(&w, dp, &b[k]);
        rc = cli_writer_close(&w);
    }
    if (rc == EXIT_OK && moses)
        fprintf(stderr, "dragoman align: wrote %s and %s\n", ps, pt);
    free(ps);
    free(pt);
    return rc;
}

int cli_pair_arg(cli_pair_args *pa, const char *cmd, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char **value = NULL;
    if (!strcmp(a, "--lines"))
        pa->lines = 1;
    else if (!strcmp(a, "--no-lexicon"))
        pa->opt.no_lexicon = 1;
    else if (!strcmp(a, "--no-learning"))
        pa->opt.no_learning = 1;
    else if (!strcmp(a, "--batch"))
        value = &pa->batch;
    else if (!strcmp(a, "--db"))
        value = &pa->db;
    else if (!strcmp(a, "--src-lang"))
        value = &pa->opt.src_lang;
    else if (!strcmp(a, "--tgt-lang"))
        value = &pa->opt.tgt_lang;
    else if (a[0] == '-' && a[1])
        return 0;
    else if (pa->nfiles < 2)
        pa->files[pa->nfiles++] = a;
    else
        return cli_usage(cmd, "too many arguments");
    if (value) {
        if (*i + 1 >= argc)
            return cli_usage(cmd, "%s needs a value", a);
        *value = argv[++*i];
    }
    return 1;
}

int cli_pair_args_check(const cli_pair_args *pa, const char *cmd)
{
    if (!pa->batch && pa->nfiles != 2)
        return cli_usage(cmd, "expected two files (or two ids with --db), or --batch PAIRS.jsonl");
    return EXIT_OK;
}

int cli_pair_load(dm_ctx *ctx, const char *cmd, cli_pair_args *pa, cli_doc_pair *dp)
{
    int rc = cli_load_pair(ctx, cmd, pa->db, pa->files[0], pa->files[1], pa->lines, dp);
    if (!pa->opt.src_lang)
        pa->opt.src_lang = dp->src_lang;
    if (!pa->opt.tgt_lang)
        pa->opt.tgt_lang = dp->tgt_lang;
    dp->src_lang = pa->opt.src_lang;
    dp->tgt_lang = pa->opt.tgt_lang;
    return rc;
}

int cli_json_strings(json_t *arr, const char ***txt, size_t **len, size_t *n)
{
    *n = json_array_size(arr);
    *txt = calloc(*n ? *n : 1, sizeof **txt);
    *len = calloc(*n ? *n : 1, sizeof **len);
    if (!*txt || !*len)
        return -1;
    for (size_t k = 0; k < *n; k++) {
        json_t *s = json_array_get(arr, k);
        if (!json_is_string(s))
            return -1;
        (*txt)[k] = json_string_value(s);
        (*len)[k] = json_string_length(s);
    }
    return 0;
}
