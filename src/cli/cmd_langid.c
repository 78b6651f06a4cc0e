/*
 * cmd_langid.c -- `dragoman langid`: the language of each line of standard input (or of files),
 * one code a line; with -k N the N best with their scores; with --spans the language spans of
 * each whole input. Streams line by line: the model is loaded once and nothing is made per line.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_K 16

static void help(void)
{
    printf("usage: dragoman langid [-k N] [--only CODES] [--individual] [--spans] [FILE...]\n\n"
           "Print the language of each line of the input (standard input when no FILE is given),\n"
           "one code a line: ISO 639-1 where one exists, else ISO 639-3; 'und' when nothing can\n"
           "be said (empty line, digits or punctuation only). A text that does not tell\n"
           "Bosnian, Croatian and Serbian apart is 'sh' (Serbo-Croatian), Bokmal and Nynorsk\n"
           "'no' (Norwegian): the best member has less than 0.9 of their summed confidence.\n\n"
           "  -k N          the N best languages, each as CODE<TAB>SCORE, tab-separated; the\n"
           "                score is a confidence in [0,1] (low for short or ambiguous text)\n"
           "  --only CODES  choose only among these languages (comma-separated, e.g. fa,ar,ur;\n"
           "                sh and no stand for their members)\n"
           "  --individual  always name one language, never 'sh' or 'no'\n"
           "  --spans       read each input whole and print its language spans:\n"
           "                START<TAB>LENGTH<TAB>CODE<TAB>SCORE (bytes), one span a line\n"
           "  --list        print the codes the model knows and exit\n"
           "  -h, --help    this text\n");
}

static int print_guesses(const dm_lang_guess *g, size_t n, size_t k)
{
    if (k <= 1 && n >= 1)
        return fputs(g[0].code, stdout) < 0 || putchar('\n') == EOF;
    for (size_t i = 0; i < n; i++)
        printf("%s%s\t%.6g", i ? "\t" : "", g[i].code, g[i].score);
    return putchar('\n') == EOF;
}

typedef struct lines_job {
    dm_ctx *ctx;
    size_t k;
} lines_job;

static int run_lines(void *ud, FILE *f, const char *name)
{
    dm_ctx *ctx = ((lines_job *)ud)->ctx;
    size_t k = ((lines_job *)ud)->k;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    dm_lang_guess g[MAX_K];
    int rc = EXIT_OK;
    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t n = 0;
        dm_status st = dm_langid(ctx, line, len, g, k, &n);
        if (st != DM_OK) {
            rc = cli_fail(ctx, "langid", st, name);
            break;
        }
        if (print_guesses(g, n, k)) {
            fprintf(stderr, "dragoman langid: cannot write output: %s\n", strerror(errno));
            rc = EXIT_FAIL;
            break;
        }
    }
    if (rc == EXIT_OK && ferror(f)) {
        fprintf(stderr, "dragoman langid: cannot read %s\n", name);
        rc = EXIT_FAIL;
    }
    free(line);
    return rc;
}

static int run_spans(dm_ctx *ctx, const char *path)
{
    char *text;
    size_t len;
    dm_status st = cli_read_all(path, (size_t)64 << 20, &text, &len);
    if (st != DM_OK)
        return cli_fail(NULL, "langid", st, path);
    dm_lang_span *sp;
    size_t n;
    st = dm_langid_spans(ctx, text, len, &sp, &n);
    free(text);
    if (st != DM_OK)
        return cli_fail(ctx, "langid", st, path);
    for (size_t i = 0; i < n; i++)
        printf("%zu\t%zu\t%s\t%.4f\n", sp[i].start, sp[i].len, sp[i].code, sp[i].score);
    free(sp);
    return EXIT_OK;
}

int cmd_langid(int argc, char **argv)
{
    size_t k = 1;
    const char *only = NULL;
    int spans = 0, list = 0, individual = 0, first_file = argc;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        } else if (!strcmp(argv[i], "-k")) {
            if (i + 1 >= argc)
                return cli_usage("langid", "-k needs a number");
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > MAX_K)
                return cli_usage("langid", "-k takes a number from 1 to %d", MAX_K);
            k = (size_t)v;
        } else if (!strcmp(argv[i], "--only")) {
            if (i + 1 >= argc)
                return cli_usage("langid", "--only needs a list of codes");
            only = argv[++i];
        } else if (!strcmp(argv[i], "--spans")) {
            spans = 1;
        } else if (!strcmp(argv[i], "--list")) {
            list = 1;
        } else if (!strcmp(argv[i], "--individual")) {
            individual = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("langid", "unknown option '%s'", argv[i]);
        } else {
            first_file = i;
            break;
        }
    }
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    if (list) {
        const char *codes[256];
        size_t n = dm_langid_languages(ctx, codes, 256);
        if (n == 0)
            rc = cli_fail(ctx, "langid", DM_EMODEL, "model");
        for (size_t i = 0; i < n && i < 256; i++)
            printf("%s\n", codes[i]);
        dm_ctx_free(ctx);
        return rc;
    }
    dm_status st = dm_langid_macrolanguages(ctx, !individual);
    if (st == DM_OK && only && (st = dm_langid_restrict(ctx, only)) != DM_OK)
        rc = cli_fail(ctx, "langid", st, "--only");
    else if (st != DM_OK)
        rc = cli_fail(ctx, "langid", st, "model");
    if (st != DM_OK) {
        dm_ctx_free(ctx);
        return rc;
    }
    lines_job job = {ctx, k};
    if (!spans)
        rc = cli_each_stream("langid", argv + first_file, argc - first_file, run_lines, &job);
    else if (first_file >= argc)
        rc = run_spans(ctx, "-");
    for (int i = first_file; spans && i < argc && rc == EXIT_OK; i++)
        rc = run_spans(ctx, argv[i]);
    if (fflush(stdout) == EOF && rc == EXIT_OK) {
        fprintf(stderr, "dragoman langid: cannot write output\n");
        rc = EXIT_FAIL;
    }
    dm_ctx_free(ctx);
    return rc;
}
