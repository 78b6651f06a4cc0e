/*
 * read_path.c -- dm_read_path: a file, a folder (walked recursively in name order, symbolic
 * links to folders not followed so that loops cannot happen), or "-" for standard input, whose
 * format is sniffed from its first bytes. Each file goes to the reader its name calls for.
 */
#include "read/reader.h"
#include "util/vec.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum fmt { FMT_NONE, FMT_TEXT, FMT_HTML, FMT_JSONL, FMT_WARC };

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static enum fmt format_of_name(const char *name)
{
    if (ends_with(name, ".txt"))
        return FMT_TEXT;
    if (ends_with(name, ".html") || ends_with(name, ".htm"))
        return FMT_HTML;
    if (ends_with(name, ".jsonl") || ends_with(name, ".jsonl.gz") || ends_with(name, ".json") ||
        ends_with(name, ".json.gz"))
        return FMT_JSONL;
    if (ends_with(name, ".warc") || ends_with(name, ".warc.gz") || ends_with(name, ".wet") ||
        ends_with(name, ".wet.gz"))
        return FMT_WARC;
    return FMT_NONE;
}

static enum fmt sniff(dm_stream *s)
{
    const unsigned char *p;
    size_t n = dm_stream_peek(s, &p, 512);
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
        i++;
    if (n - i >= 5 && !memcmp(p + i, "WARC/", 5))
        return FMT_WARC;
    if (i < n && p[i] == '{')
        return FMT_JSONL;
    if (i < n && p[i] == '[') { /* an array of documents, not "[Reuters] text" */
        size_t k = i + 1;
        while (k < n && (p[k] == ' ' || p[k] == '\n' || p[k] == '\r' || p[k] == '\t'))
            k++;
        if (k < n && p[k] == '{')
            return FMT_JSONL;
    }
    if (i < n && p[i] == '<')
        return FMT_HTML;
    return FMT_TEXT;
}

/* The id of a one-document file: its path below the root, without the extension. */
static void id_of(const char *path, const char *root, char *id, size_t cap)
{
    const char *rel = path;
    size_t rn = strlen(root);
    if (rn && !strncmp(path, root, rn) && path[rn] == '/')
        rel = path + rn + 1;
    else {
        const char *slash = strrchr(path, '/');
        rel = slash ? slash + 1 : path;
    }
    snprintf(id, cap, "%s", rel);
    char *dot = strrchr(id, '.');
    char *slash = strrchr(id, '/');
    if (dot && (!slash || dot > slash) && dot != id)
        *dot = 0;
}

static dm_status read_file(dm_reader *r, const char *path, const char *root, enum fmt f)
{
    dm_stream s;
    dm_status st = dm_stream_open(r->ctx, path, &s);
    if (st) {
        dm_reject(r, path, NULL, "cannot open the file");
        return DM_OK;
    }
    if (f == FMT_NONE)
        f = sniff(&s);
    char id[1024];
    switch (f) {
    case FMT_JSONL:
        st = dm_read_jsonl(r, &s);
        break;
    case FMT_WARC:
        st = dm_read_warc(r, &s);
        break;
    default:
        id_of(path, root, id, sizeof id);
        st = dm_read_text_file(r, &s, !strcmp(path, "-") ? "stdin" : id, f == FMT_HTML);
        break;
    }
    dm_stream_close(&s);
    return st;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static dm_status read_dir(dm_reader *r, const char *dir, const char *root, int depth)
{
    if (depth > 64) {
        dm_reject(r, dir, NULL, "folders nested too deep");
        return DM_OK;
    }
    DIR *d = opendir(dir);
    if (!d) {
        dm_reject(r, dir, NULL, "cannot open the folder");
        return DM_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    dm_status st = DM_OK;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (dm_grow(&names, &cap, n + 1, sizeof *names)) {
            st = DM_ENOMEM;
            break;
        }
        if (!(names[n] = strdup(e->d_name))) {
            st = DM_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (!st)
        if (n > 1) /* an empty array may be NULL */
            qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n && !st; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            st = DM_ENOMEM;
            break;
        }
        snprintf(path, len, "%s/%s", dir, names[i]);
        struct stat sb;
        if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            st = read_dir(r, path, root, depth + 1);
        else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && format_of_name(names[i]) != FMT_NONE)
            st = read_file(r, path, root, format_of_name(names[i]));
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (st == DM_ENOMEM)
        return dm_fail(r->ctx, st, "no memory to list %s", dir);
    return st;
}

dm_status dm_read_path(dm_ctx *ctx, const char *path, dm_doc_fn fn, void *ud)
{
    dm_reader r = {.ctx = ctx, .fn = fn, .ud = ud};
    dm_status st;
    struct stat sb;
    if (!strcmp(path, "-")) {
        st = read_file(&r, "-", "", FMT_NONE);
    } else if (stat(path, &sb) != 0) {
        st = dm_fail(ctx, DM_ENOTFOUND, "no such file or folder: %s", path);
    } else if (S_ISDIR(sb.st_mode)) {
        char root[4096];
        snprintf(root, sizeof root, "%s", path);
        size_t k = strlen(root);
        while (k > 1 && root[k - 1] == '/')
            root[--k] = 0;
        st = read_dir(&r, root, root, 0);
    } else {
        st = read_file(&r, path, "", format_of_name(path));
    }
    dm_strset_free(&r.ids);
    if (st)
        return st;
    if (r.n_rejected)
        return dm_fail(ctx, DM_EPARTIAL, "%zu record%s rejected, %zu read", r.n_rejected,
                       r.n_rejected == 1 ? "" : "s", r.n_ok);
    return DM_OK;
}
