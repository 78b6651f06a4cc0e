/*
 * cmd_serve.c -- `dragoman serve`: the web viewer over the store, until interrupted.
 */
#include "cli.h"

#include <getopt.h>
#include <signal.h>
#include <stdlib.h>

static const char help[] =
    "usage: dragoman serve [--db PATH] [--port N]\n\n"
    "Serve the store as web pages on http://127.0.0.1:N/ (default 8080; 0 picks a free port):\n"
    "documents with their sentences and languages, right-to-left scripts shown right; stories and\n"
    "their versions; JSON under /api/docs. Stops on Ctrl-C or SIGTERM.\n";

static volatile int stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

static void on_ready(void *ud, unsigned port)
{
    fprintf(stderr, "dragoman serve: serving %s on http://127.0.0.1:%u/ (Ctrl-C stops)\n",
            (const char *)ud, port);
}

int cmd_serve(int argc, char **argv)
{
    const char *db = dm_store_default_path();
    unsigned port = 8080;
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"port", required_argument, NULL, 'p'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int c; (c = getopt_long(argc, argv, "h", opts, NULL)) != -1;) {
        if (c == 'd')
            db = optarg;
        else if (c == 'p') {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v > 65535)
                return cli_usage("serve", "--port wants 0..65535");
            port = (unsigned)v;
        } else if (c == 'h') {
            fputs(help, stdout);
            return EXIT_OK;
        } else
            return cli_usage("serve", "unknown option");
    }
    dm_ctx *ctx = cli_ctx_new();
    if (!ctx)
        return EXIT_FAIL;
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    dm_status st = dm_serve(ctx, db, port, on_ready, (void *)db, &stop_flag);
    int rc = st ? cli_fail(ctx, "serve", st, db) : EXIT_OK;
    dm_ctx_free(ctx);
    return rc;
}
