/*
 * cli_align.h -- what the align, diff and mine commands share: two documents loaded as sentence
 * arrays, JSON string output, and the output formats of an alignment (one file each:
 * out_jsonl.c, out_tsv.c, out_moses.c, out_tmx.c, out_html.c).
 */
#ifndef DM_CLI_ALIGN_H
#define DM_CLI_ALIGN_H

#include "dragoman.h"

#include <jansson.h>
#include <stdio.h>

/* Sentences of one document: pointers into buf, not NUL-terminated. */
typedef struct cli_sents {
    char *buf;
    const char **text;
    size_t *len;
    size_t n;
} cli_sents;

typedef struct cli_doc_pair {
    cli_sents src, tgt;
    const char *src_name, *tgt_name;
    const char *src_lang, *tgt_lang; /* NULL when unknown */
    char lang_buf[2][8];             /* the languages the store identified (--db) */
} cli_doc_pair;

/* Read a file as sentences: one a line (lines != 0) or cut by dm_segment. */
int cli_load_sents(dm_ctx *ctx, const char *cmd, const char *path, int lines, cli_sents *out);
void cli_sents_free(cli_sents *s);
/* The sentences of a stored document (cli_store_sents.c). */
dm_status cli_load_stored_sents(dm_store *st, const char *id, cli_sents *out);
/* Two files (db NULL), or two documents of the store at db by id, with their languages. */
int cli_load_pair(dm_ctx *ctx, const char *cmd, const char *db, const char *a, const char *b,
                  int lines, cli_doc_pair *dp);
void cli_doc_pair_free(cli_doc_pair *dp);

/* The options align and diff share: two documents (files, or ids with --db) or a batch. */
typedef struct cli_pair_args {
    dm_align_opts opt;
    const char *files[2], *batch, *db;
    int nfiles, lines;
} cli_pair_args;

/* Take argv[*i] (and its value) when it is a shared option or an operand: returns 1 when
 * taken, 0 when it is not a shared option (the command may know it), or EXIT_USAGE after
 * printing why. */
int cli_pair_arg(cli_pair_args *pa, const char *cmd, int argc, char **argv, int *i);
/* Load the two documents the arguments name; languages given on the command line win over
 * what the store identified, and end up in both pa->opt and dp. */
int cli_pair_load(dm_ctx *ctx, const char *cmd, cli_pair_args *pa, cli_doc_pair *dp);
/* EXIT_OK when the arguments name two documents or a batch, else EXIT_USAGE after saying so. */
int cli_pair_args_check(const cli_pair_args *pa, const char *cmd);

/* A batch of pairs read from a JSONL file and aligned together (cli_batch.c); keep != 0 keeps
 * the lines' sentences for cli_batch_pair, else only their ids. Blocks: dm_aligner_blocks(b->al,
 * k, ...). cli_batch_done frees it and turns EXIT_OK into EXIT_PARTIAL when lines were rejected. */
typedef struct cli_batch {
    json_t *lines;
    size_t rejected;
    dm_aligner *al;
} cli_batch;
int cli_batch_align(dm_ctx *ctx, const char *cmd, const char *path, const dm_align_opts *opt, int keep,
                    cli_batch *b);
int cli_batch_done(cli_batch *b, int rc);
size_t cli_batch_count(const cli_batch *b);
const char *cli_batch_id(const cli_batch *b, size_t k);
/* Pair k's sentences (pointing into the batch: cli_sents_free frees only the arrays) and its
 * languages (the line's, else opt's). */
int cli_batch_pair(const cli_batch *b, size_t k, const dm_align_opts *opt, cli_sents *s, cli_sents *t,
                   const char **src_lang, const char **tgt_lang);

/* A JSON array of strings as pointers and lengths into it (valid while arr lives); the two
 * arrays are calloc'ed even when empty. -1 when out of memory or an element is not a string. */
int cli_json_strings(json_t *arr, const char ***txt, size_t **len, size_t *n);

/* A JSON string literal (with quotes) of UTF-8 text. */
void cli_json_string(FILE *f, const char *s, size_t n);
/* The evaluation contract's line: {"id": ..., "align": [[[src], [tgt]], ...]}. With the pair's
 * sentences (else NULL), a line of debris inside a block (dm_align_is_debris) is reported as a
 * block of its own without counterpart, after the block. */
void cli_write_batch_line(FILE *f, const char *id, const dm_align_block *b, size_t nb, const cli_sents *src,
                          const cli_sents *tgt);

/* Output formats of `dragoman align A B`: the sentence-pair formats and the HTML page. */
int cli_align_format_known(const char *format);
int cli_align_write(FILE *f, const char *format, const char *prefix, const cli_doc_pair *dp,
                    const dm_align_block *b, size_t nb);
int out_html(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb);

/* Sentence pairs written a block at a time (cli_writer.c): jsonl, tsv, moses, tmx. */
typedef struct cli_writer {
    const char *cmd, *format;
    FILE *f, *f2; /* f2: the target side of moses */
    int own;      /* f was opened here */
    size_t written;
} cli_writer;
int cli_writer_format_known(const char *format);
/* Write to the file path, or to `to` when path is NULL; moses writes the source side to path
 * and the target side to path2. TMX names src_lang in its header. */
int cli_writer_open(cli_writer *w, const char *cmd, const char *format, FILE *to, const char *path,
                    const char *path2, const char *src_lang);
void cli_writer_block(cli_writer *w, const cli_doc_pair *dp, const dm_align_block *b);
int cli_writer_close(cli_writer *w);
void out_jsonl_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b);
void out_tsv_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b);
void out_moses_block(FILE *fs, FILE *ft, const cli_doc_pair *dp, const dm_align_block *b);
void out_tmx_head(FILE *f, const char *src_lang);
void out_tmx_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b);
void out_tmx_tail(FILE *f);

/* Write the sentences of a block's side joined by spaces (text of src_start.. or tgt_start..). */
void cli_write_side(FILE *f, const cli_sents *s, size_t start, size_t n, const char *sep);

#endif
