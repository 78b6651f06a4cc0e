/*
 * cmd_ingest.c -- `dragoman ingest [--db PATH] PATH...`: read documents into the store.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dragoman ingest [--db PATH] [--max-doc-bytes N] [-q] PATH...\n\n"
    "Read documents into the store: folders (recursively: .txt .html .htm .jsonl .warc .warc.gz),\n"
    "JSONL files ({\"id\",\"text\"} plus optional lang, url, date, title), WARC or WARC.gz crawls,\n"
    "or - for standard input. Each document is segmented into sentences and the language of the\n"
    "document and of every sentence is identified. Ingest is idempotent: the same content twice\n"
    "adds nothing; a changed document with a known id replaces the old one.\n\n"
    "  --db PATH           the store (default $DRAGOMAN_DB or ./dragoman.db)\n"
    "  --max-doc-bytes N   refuse documents larger than N bytes (default 16 MiB)\n"
    "  -q, --quiet         no summary line\n\n"
    "Every rejected or repaired record is reported on stderr with its place. Exit status: 0 all\n"
    "records stored, 1 some rejected (the rest stored), 2 usage, 3 failure.\n";

typedef struct ingest_state {
    dm_store *store;
    size_t n_new, n_same, n_updated;
    cli_progress_state progress;
} ingest_state;

static dm_status on_doc(void *ud, const dm_doc *doc)
{
    ingest_state *s = ud;
    dm_add_result r;
    dm_status st = dm_store_add(s->store, doc, &r);
    if (st)
        return st;
    if (r == DM_ADD_NEW)
        s->n_new++;
    else if (r == DM_ADD_SAME)
        s->n_same++;
    else
        s->n_updated++;
    cli_progress(&s->progress, s->n_new + s->n_same + s->n_updated, "documents");
    return DM_OK;
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = dm_store_default_path();
    size_t max_doc = 0;
    int quiet = 0;
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"max-doc-bytes", required_argument, NULL, 'm'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int c; (c = getopt_long(argc, argv, "qh", opts, NULL)) != -1;) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'm': {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (*end || v == 0)
                return cli_usage("ingest", "--max-doc-bytes wants a positive number");
            max_doc = (size_t)v;
            break;
        }
        case 'q': quiet = 1; break;
        case 'h': fputs(help, stdout); return EXIT_OK;
        default: return cli_usage("ingest", "unknown option");
        }
    }
    if (optind >= argc)
        return cli_usage("ingest", "give at least one file or folder (- for standard input)");
    dm_ctx *ctx = cli_ctx_new_opts(max_doc);
    if (!ctx)
        return EXIT_FAIL;
    ingest_state s = {0};
    dm_status st = dm_store_open(ctx, db, 0, &s.store);
    if (st) {
        int rc = cli_fail(ctx, "ingest", st, db);
        dm_ctx_free(ctx);
        return rc;
    }
    int partial = 0, failed = 0, missing = 0;
    for (int i = optind; i < argc && !failed; i++) {
        st = dm_read_path(ctx, argv[i], on_doc, &s);
        if (st == DM_EPARTIAL)
            partial = 1;
        else if (st == DM_ENOTFOUND) {
            cli_fail(ctx, "ingest", st, argv[i]);
            partial = 1;
            missing++;
        } else if (st) {
            cli_fail(ctx, "ingest", st, argv[i]);
            failed = 1;
        }
    }
    if (missing == argc - optind)
        failed = 1; /* not one of the paths given exists: nothing was done */
    if (partial && !failed && s.n_new + s.n_updated + s.n_same == 0) {
        fprintf(stderr, "dragoman ingest: nothing stored: every record was rejected\n");
        failed = 1; /* exit 1 means "done, with some records rejected"; here nothing was done */
    }
    cli_progress_end(&s.progress);
    st = dm_store_close(s.store);
    if (st && !failed) {
        cli_fail(ctx, "ingest", st, db);
        failed = 1;
    }
    if (!quiet)
        fprintf(stderr, "dragoman ingest: %zu new, %zu updated, %zu unchanged document%s in %s\n",
                s.n_new, s.n_updated, s.n_same, s.n_same == 1 ? "" : "s", db);
    dm_ctx_free(ctx);
    return failed ? EXIT_FAIL : partial ? EXIT_PARTIAL : EXIT_OK;
}
