/*
 * ctx.c -- creating and freeing a context, error messages, diagnostics.
 *
 * Models are loaded lazily by the stages that need them and freed here, so that a program that
 * only reads documents never pays for the language-identification model or the lexicons.
 */
#include "core/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_text[] = {
    [DM_OK] = "success",
    [DM_ENOMEM] = "out of memory",
    [DM_EIO] = "input/output error",
    [DM_EINVAL] = "invalid argument",
    [DM_EFORMAT] = "malformed input",
    [DM_ELIMIT] = "input over a configured limit",
    [DM_EUNICODE] = "Unicode processing failed",
    [DM_ESTORE] = "store error",
    [DM_ENOTFOUND] = "not found",
    [DM_EMODEL] = "data file missing or corrupt",
    [DM_EPARTIAL] = "done, but some records were rejected",
};

const char *dm_status_str(dm_status st)
{
    if ((unsigned)st < sizeof status_text / sizeof status_text[0] && status_text[st])
        return status_text[st];
    return "unknown status";
}

const char *dm_version(void) { return DM_VERSION; }

dm_status dm_ctx_new(dm_ctx **out, const dm_options *opt)
{
    *out = NULL;
    dm_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return DM_ENOMEM;
    if (opt)
        ctx->opt = *opt;
    if (ctx->opt.max_doc_bytes == 0)
        ctx->opt.max_doc_bytes = (size_t)16 << 20;
    /* ICU takes at most 2^31 UTF-16 units, and the readers multiply the limit (markup, escapes):
     * a larger limit would only wrap around */
    if (ctx->opt.max_doc_bytes > (size_t)1 << 30)
        ctx->opt.max_doc_bytes = (size_t)1 << 30;
    const char *dir = ctx->opt.data_dir;
    if (!dir)
        dir = getenv("DRAGOMAN_DATA");
    if (!dir)
        dir = DM_DATA_DIR;
    if (strlen(dir) >= sizeof ctx->data_dir) {
        free(ctx);
        return DM_ELIMIT;
    }
    strcpy(ctx->data_dir, dir);
    ctx->opt.data_dir = ctx->data_dir;
    *out = ctx;
    return DM_OK;
}

void dm_ctx_free(dm_ctx *ctx)
{
    if (!ctx)
        return;
    for (int i = 0; i < DM_SLOT_COUNT; i++)
        if (ctx->slots[i].model && ctx->slots[i].free_fn)
            ctx->slots[i].free_fn(ctx->slots[i].model);
    free(ctx);
}

const char *dm_ctx_errmsg(const dm_ctx *ctx) { return ctx ? ctx->errmsg : "no context"; }

void dm_ctx_set_diag(dm_ctx *ctx, dm_diag_fn fn, void *ud)
{
    ctx->diag = fn;
    ctx->diag_ud = ud;
}

dm_status dm_fail(dm_ctx *ctx, dm_status st, const char *fmt, ...)
{
    if (ctx) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
        va_end(ap);
    }
    return st;
}

void dm_diag(dm_ctx *ctx, dm_diag_level level, const char *place, const char *id, const char *fmt,
             ...)
{
    if (!ctx->diag)
        return;
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    ctx->diag(ctx->diag_ud, level, place, id, reason);
}

dm_status dm_data_path(dm_ctx *ctx, const char *name, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s/%s", ctx->data_dir, name);
    if (n < 0 || (size_t)n >= cap)
        return dm_fail(ctx, DM_ELIMIT, "data path too long: %s/%s", ctx->data_dir, name);
    return DM_OK;
}
