/*
 * cmd_export.c -- `dragoman export`: the parallel corpus a store holds after `dragoman link`:
 * every pair of versions of every story, aligned sentence by sentence, written as sentence pairs
 * with scores (TSV, JSONL, Moses, TMX; a file per language pair), or the document pairs alone.
 *
 * Pairs are aligned one language pair at a time, in batches of EXPORT_BATCH document pairs
 * through one aligner, so that the word translations the aligner learns from a batch help every
 * pair in it while memory stays bounded however large the store; two batches are aligned at once,
 * one on each core, and written in order.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "cli_align.h"

#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_BATCH 128
#define STORY_PAGE 1000

static const char help[] =
    "usage: dragoman export [OPTIONS]\n\n"
    "The parallel corpus of the store: every pair of versions of every story found by\n"
    "'dragoman link', aligned sentence by sentence, as sentence pairs with their scores.\n\n"
    "options:\n"
    "  --db PATH        the store (default $DRAGOMAN_DB or ./dragoman.db)\n"
    "  --format F       tsv (default: src<TAB>tgt<TAB>score), jsonl, moses, tmx\n"
    "  --out PREFIX     a file per language pair: PREFIX.L1-L2.tsv (.jsonl, .tmx), or for moses\n"
    "                   PREFIX.L1-L2.L1 and PREFIX.L1-L2.L2; without it, tsv and jsonl go to\n"
    "                   standard output\n"
    "  --langs L1-L2,.. only these language pairs, L1 as the source side (default: every pair,\n"
    "                   sides in the alphabetical order of their codes)\n"
    "  --min-score S    leave out blocks scored below S (0 to 1)\n"
    "  --one-to-one     only blocks of one sentence on each side\n"
    "  --docs           the document pairs instead, a line each:\n"
    "                   story<TAB>src id<TAB>src lang<TAB>tgt id<TAB>tgt lang<TAB>link score\n"
    "Blocks with an empty side (a sentence the other version leaves out) are written by jsonl\n"
    "only. Exit status: 0 done, 2 usage, 3 failure.\n";

typedef struct doc_pair {
    char *a, *b; /* source and target document ids */
    char la[16], lb[16];
    long long story;
} doc_pair;

typedef struct export_opts {
    const char *format, *out, *langs;
    double min_score;
    int one_to_one, docs;
} export_opts;

typedef struct pair_list {
    doc_pair *v;
    size_t n, cap;
    const export_opts *o;
    dm_store *st;
    size_t stories_seen;
} pair_list;

/* "en-fa" is among --langs (as given: src-tgt), or, with --langs absent, always. *swap says
 * whether the pair must be turned round to read la-lb. */
static int wanted(const char *langs, const char *la, const char *lb, int *swap)
{
    *swap = !langs && strcmp(la, lb) > 0;
    if (!langs)
        return 1;
    for (int turn = 0; turn < 2; turn++) {
        const char *x = turn ? lb : la, *y = turn ? la : lb;
        size_t nx = strlen(x), ny = strlen(y);
        for (const char *p = langs; *p;) {
            const char *end = strchr(p, ',');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (len == nx + 1 + ny && !strncmp(p, x, nx) && p[nx] == '-' && !strncmp(p + nx + 1, y, ny)) {
                *swap = turn;
                return 1;
            }
            p += len + (end ? 1 : 0);
        }
    }
    return 0;
}

typedef struct version {
    char *id;
    char lang[16];
} version;

typedef struct versions {
    version *v;
    size_t n, cap;
} versions;

static dm_status add_version(void *ud, const dm_stored_doc *d)
{
    versions *vs = ud;
    if (!d->doc.lang || !*d->doc.lang)
        return DM_OK; /* a version in no known language pairs with nothing */
    if (vs->n == vs->cap) {
        size_t cap = vs->cap ? 2 * vs->cap : 8;
        version *nv = realloc(vs->v, cap * sizeof *nv);
        if (!nv)
            return DM_ENOMEM;
        vs->v = nv;
        vs->cap = cap;
    }
    version *v = &vs->v[vs->n];
    if (!(v->id = strdup(d->doc.id)))
        return DM_ENOMEM;
    snprintf(v->lang, sizeof v->lang, "%s", d->doc.lang);
    vs->n++;
    return DM_OK;
}

static dm_status push_pair(pair_list *pl, const version *x, const version *y, long long story)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? 2 * pl->cap : 64;
        doc_pair *nv = realloc(pl->v, cap * sizeof *nv);
        if (!nv)
            return DM_ENOMEM;
        pl->v = nv;
        pl->cap = cap;
    }
    doc_pair *p = &pl->v[pl->n];
    p->a = strdup(x->id);
    p->b = strdup(y->id);
    if (!p->a || !p->b) {
        free(p->a);
        free(p->b);
        return DM_ENOMEM;
    }
    snprintf(p->la, sizeof p->la, "%s", x->lang);
    snprintf(p->lb, sizeof p->lb, "%s", y->lang);
    p->story = story;
    pl->n++;
    return DM_OK;
}

/* Every pair of versions in two different languages, turned to the wanted direction. */
static dm_status story_pairs(void *ud, long long story, size_t n_docs)
{
    (void)n_docs;
    pair_list *pl = ud;
    pl->stories_seen++;
    versions vs = {0};
    dm_status s = dm_store_story(pl->st, story, add_version, &vs);
    for (size_t i = 0; !s && i < vs.n; i++)
        for (size_t j = i + 1; !s && j < vs.n; j++) {
            int swap;
            if (!strcmp(vs.v[i].lang, vs.v[j].lang) || !wanted(pl->o->langs, vs.v[i].lang, vs.v[j].lang, &swap))
                continue;
            s = swap ? push_pair(pl, &vs.v[j], &vs.v[i], story) : push_pair(pl, &vs.v[i], &vs.v[j], story);
        }
    for (size_t i = 0; i < vs.n; i++)
        free(vs.v[i].id);
    free(vs.v);
    return s;
}

static int by_langs(const void *x, const void *y)
{
    const doc_pair *p = x, *q = y;
    int c = strcmp(p->la, q->la);
    if (!c)
        c = strcmp(p->lb, q->lb);
    if (!c)
        c = p->story < q->story ? -1 : p->story > q->story;
    return c;
}

static void pairs_free(pair_list *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        free(pl->v[i].a);
        free(pl->v[i].b);
    }
    free(pl->v);
}

static int write_docs(dm_store *st, const pair_list *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        const doc_pair *p = &pl->v[i];
        double score;
        char *kind = NULL, *evidence = NULL;
        int linked = dm_store_get_link(st, p->a, p->b, &score, &kind, &evidence) == DM_OK;
        printf("%lld\t%s\t%s\t%s\t%s\t", p->story, p->a, p->la, p->b, p->lb);
        if (linked)
            printf("%.4f", score);
        putchar('\n');
        free(kind);
        free(evidence);
    }
    return ferror(stdout) ? EXIT_FAIL : EXIT_OK;
}

typedef struct counts {
    size_t blocks, doc_pairs, lang_pairs;
} counts;

/* One batch: n pairs of one language pair, loaded from the store by the main thread, aligned
 * by one aligner with a context of its own (so that two batches can be aligned at once, one on
 * each core), then written by the main thread in order: the output does not depend on which
 * thread aligned what. */
typedef struct batch_job {
    const doc_pair *v;
    size_t n;
    cli_doc_pair *dps;
    dm_aligner *al;
    dm_ctx *ctx;
    dm_status status;
    char err[256];
} batch_job;

static dm_status job_load(dm_store *st, batch_job *j)
{
    j->dps = calloc(j->n, sizeof *j->dps);
    if (!j->dps)
        return DM_ENOMEM;
    dm_status s = DM_OK;
    for (size_t i = 0; !s && i < j->n; i++) {
        cli_doc_pair *dp = &j->dps[i];
        dp->src_name = j->v[i].a;
        dp->tgt_name = j->v[i].b;
        dp->src_lang = j->v[i].la;
        dp->tgt_lang = j->v[i].lb;
        s = cli_load_stored_sents(st, j->v[i].a, &dp->src);
        if (!s)
            s = cli_load_stored_sents(st, j->v[i].b, &dp->tgt);
    }
    return s;
}

static void *job_align(void *arg)
{
    batch_job *j = arg;
    j->ctx = cli_ctx_new();
    if (!j->ctx) {
        j->status = DM_ENOMEM;
        return NULL;
    }
    dm_align_opts ao = {.src_lang = j->v[0].la, .tgt_lang = j->v[0].lb};
    dm_status s = dm_aligner_new(j->ctx, &ao, &j->al);
    for (size_t i = 0; !s && i < j->n; i++) {
        const cli_doc_pair *dp = &j->dps[i];
        s = dm_aligner_add(j->al, dp->src.text, dp->src.len, dp->src.n, dp->tgt.text, dp->tgt.len, dp->tgt.n,
                           j->v[i].la, j->v[i].lb);
    }
    if (!s)
        s = dm_aligner_run(j->al);
    if (s)
        snprintf(j->err, sizeof j->err, "%s", dm_ctx_errmsg(j->ctx));
    j->status = s;
    return NULL;
}

static dm_status job_write(const export_opts *o, batch_job *j, cli_writer *w, counts *c)
{
    for (size_t i = 0; i < j->n; i++) {
        const dm_align_block *b;
        size_t nb;
        dm_status s = dm_aligner_blocks(j->al, i, &b, &nb);
        if (s)
            return s;
        for (size_t k = 0; k < nb; k++) {
            int empty = !b[k].src_n || !b[k].tgt_n;
            if (b[k].score < o->min_score || (o->one_to_one && (b[k].src_n != 1 || b[k].tgt_n != 1)) ||
                (empty && strcmp(o->format, "jsonl")))
                continue;
            cli_writer_block(w, &j->dps[i], &b[k]);
            c->blocks++;
        }
        c->doc_pairs++;
    }
    return DM_OK;
}

static void job_free(batch_job *j)
{
    dm_aligner_free(j->al);
    for (size_t i = 0; j->dps && i < j->n; i++) {
        cli_sents_free(&j->dps[i].src);
        cli_sents_free(&j->dps[i].tgt);
    }
    free(j->dps);
    dm_ctx_free(j->ctx);
}

/* Align and write n pairs of one language pair, two batches at a time. */
static int export_batches(dm_ctx *ctx, dm_store *st, const export_opts *o, const doc_pair *v, size_t n,
                          cli_writer *w, counts *c)
{
    int rc = EXIT_OK;
    for (size_t i = 0; rc == EXIT_OK && i < n; i += 2 * EXPORT_BATCH) {
        batch_job job[2] = {{.v = v + i}, {.v = v + i}};
        job[0].n = n - i < EXPORT_BATCH ? n - i : EXPORT_BATCH;
        job[1].v = v + i + job[0].n;
        job[1].n = n - i - job[0].n < EXPORT_BATCH ? n - i - job[0].n : EXPORT_BATCH;
        dm_status s = DM_OK;
        for (int k = 0; k < 2 && !s; k++)
            if (job[k].n)
                s = job_load(st, &job[k]);
        if (s) {
            rc = cli_fail(ctx, "export", s, "reading sentences");
        } else {
            pthread_t t;
            int second = job[1].n > 0, threaded = second && pthread_create(&t, NULL, job_align, &job[1]) == 0;
            job_align(&job[0]);
            if (threaded)
                pthread_join(t, NULL);
            else if (second)
                job_align(&job[1]); /* no thread to be had: one after the other */
            for (int k = 0; k < 2 && rc == EXIT_OK; k++) {
                if (!job[k].n)
                    continue;
                if (job[k].status) {
                    fprintf(stderr, "dragoman export: aligning %s-%s: %s\n", v->la, v->lb,
                            job[k].err[0] ? job[k].err : dm_status_str(job[k].status));
                    rc = EXIT_FAIL;
                } else if ((s = job_write(o, &job[k], w, c))) {
                    rc = cli_fail(ctx, "export", s, "writing");
                }
            }
        }
        job_free(&job[0]);
        job_free(&job[1]);
    }
    return rc;
}

/* n pairs that share a language pair: one file (or the standard output) for them. */
static int export_lang_pair(dm_ctx *ctx, dm_store *st, const export_opts *o, const doc_pair *v, size_t n,
                            counts *c)
{
    char *path = NULL, *path2 = NULL;
    if (o->out) {
        size_t len = strlen(o->out) + 2 * sizeof v->la + 16;
        path = malloc(len);
        path2 = malloc(len);
        if (!path || !path2) {
            free(path);
            free(path2);
            return cli_fail(ctx, "export", DM_ENOMEM, "file names");
        }
        if (!strcmp(o->format, "moses")) {
            snprintf(path, len, "%s.%s-%s.%s", o->out, v->la, v->lb, v->la);
            snprintf(path2, len, "%s.%s-%s.%s", o->out, v->la, v->lb, v->lb);
        } else {
            snprintf(path, len, "%s.%s-%s.%s", o->out, v->la, v->lb, o->format);
        }
    }
    cli_writer w;
    int rc = cli_writer_open(&w, "export", o->format, stdout, path, path2, v->la);
    if (rc == EXIT_OK)
        rc = export_batches(ctx, st, o, v, n, &w, c);
    if (w.f || w.f2) {
        int rc2 = cli_writer_close(&w);
        if (rc == EXIT_OK)
            rc = rc2;
    }
    if (rc == EXIT_OK && path)
        fprintf(stderr, "dragoman export: wrote %s%s%s\n", path, strcmp(o->format, "moses") ? "" : " and ",
                strcmp(o->format, "moses") ? "" : path2);
    c->lang_pairs++;
    free(path);
    free(path2);
    return rc;
}

static int parse(int argc, char **argv, export_opts *o, const char **db)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"out", required_argument, NULL, 'o'},
                                         {"langs", required_argument, NULL, 'l'},
                                         {"min-score", required_argument, NULL, 'm'},
                                         {"one-to-one", no_argument, NULL, '1'},
                                         {"docs", no_argument, NULL, 'D'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    *db = dm_store_default_path();
    for (int ch; (ch = getopt_long(argc, argv, "h", opts, NULL)) != -1;) {
        char *end;
        switch (ch) {
        case 'd': *db = optarg; break;
        case 'f': o->format = optarg; break;
        case 'o': o->out = optarg; break;
        case 'l': o->langs = optarg; break;
        case 'm':
            o->min_score = strtod(optarg, &end);
            if (*end || o->min_score < 0 || o->min_score > 1)
                return cli_usage("export", "--min-score wants a number from 0 to 1");
            break;
        case '1': o->one_to_one = 1; break;
        case 'D': o->docs = 1; break;
        case 'h': fputs(help, stdout); return -1;
        default: return cli_usage("export", "unknown option");
        }
    }
    if (optind < argc)
        return cli_usage("export", "takes no operands (the store is --db)");
    if (!cli_writer_format_known(o->format))
        return cli_usage("export", "unknown format '%s' (tsv, jsonl, moses, tmx)", o->format);
    if (!o->docs && !o->out && (!strcmp(o->format, "moses") || !strcmp(o->format, "tmx")))
        return cli_usage("export", "--format %s writes files: give --out PREFIX", o->format);
    return 0;
}

int cmd_export(int argc, char **argv)
{
    export_opts o = {.format = "tsv"};
    const char *db;
    int rc = parse(argc, argv, &o, &db);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    dm_ctx *ctx;
    dm_store *st;
    if ((rc = cli_open_store("export", db, 1, &ctx, &st)))
        return rc;
    pair_list pl = {.o = &o, .st = st};
    dm_status s = DM_OK;
    for (size_t from = 0;; from += STORY_PAGE) {
        size_t seen_before = pl.stories_seen;
        s = dm_store_stories(st, from, STORY_PAGE, story_pairs, &pl);
        /* a page of fewer stories than asked for is the last one */
        if (s || pl.stories_seen - seen_before < STORY_PAGE)
            break;
    }
    if (s)
        rc = cli_fail(ctx, "export", s, db);
    if (!rc && pl.n > 1)
        qsort(pl.v, pl.n, sizeof *pl.v, by_langs);
    counts c = {0};
    if (!rc && o.docs) {
        rc = write_docs(st, &pl);
    } else if (!rc) {
        for (size_t i = 0; rc == EXIT_OK && i < pl.n;) {
            size_t j = i;
            while (j < pl.n && !strcmp(pl.v[j].la, pl.v[i].la) && !strcmp(pl.v[j].lb, pl.v[i].lb))
                j++;
            rc = export_lang_pair(ctx, st, &o, pl.v + i, j - i, &c);
            i = j;
        }
        if (rc == EXIT_OK && pl.n)
            fprintf(stderr, "dragoman export: %zu sentence pairs from %zu document pairs in %zu language pairs\n",
                    c.blocks, c.doc_pairs, c.lang_pairs);
    }
    if (!rc && !pl.n)
        fprintf(stderr, "dragoman export: no stories of two languages or more%s\n",
                o.langs ? " in the languages asked for" : " (run 'dragoman link' first)");
    pairs_free(&pl);
    return cli_close_store("export", ctx, st, rc);
}
