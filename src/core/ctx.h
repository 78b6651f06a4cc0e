/*
 * ctx.h -- the inside of dm_ctx, shared by the stages of the library (never by the CLI).
 *
 * A context owns what is expensive to make and safe to reuse: the options, the last error message,
 * the diagnostic sink, and models loaded on first use (language identification, lexicons).
 * Nothing here is global, so two contexts never see each other.
 */
#ifndef DM_CORE_CTX_H
#define DM_CORE_CTX_H

#include "dragoman.h"

#include <stdarg.h>

/* Models a stage loads on first use and the context frees at the end; a slot each. */
enum dm_slot { DM_SLOT_TEXT, DM_SLOT_LANGID, DM_SLOT_LEXICON, DM_SLOT_LINK, DM_SLOT_ALIGN, DM_SLOT_COUNT };
typedef struct dm_model_slot {
    void *model;
    void (*free_fn)(void *model);
} dm_model_slot;

struct dm_ctx {
    dm_options opt;
    char data_dir[1024];
    char errmsg[512];
    dm_diag_fn diag;
    void *diag_ud;
    dm_model_slot slots[DM_SLOT_COUNT];
};

/* Record a failure: sets the context's message (printf-style) and returns st, so that callers
 * write `return dm_fail(ctx, DM_EIO, "cannot open %s", path);`. */
dm_status dm_fail(dm_ctx *ctx, dm_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report one rejected or repaired record to the context's diagnostic sink. */
void dm_diag(dm_ctx *ctx, dm_diag_level level, const char *place, const char *id, const char *fmt,
             ...) __attribute__((format(printf, 5, 6)));

/* Path of a shipped data file: <data_dir>/<name>. Returns DM_ELIMIT if it does not fit. */
dm_status dm_data_path(dm_ctx *ctx, const char *name, char *buf, size_t cap);

#endif
