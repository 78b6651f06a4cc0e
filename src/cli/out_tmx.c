/*
 * out_tmx.c -- aligned blocks as a TMX 1.4 translation memory: one <tu> per block with both sides
 * and the block's score, XML-escaped; blocks with an empty side are left out.
 */
#include "cli.h"
#include "cli_align.h"

static void xml_text(FILE *f, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        switch (s[k]) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\n': case '\r': case '\t': fputc(' ', f); break;
        default: fputc(s[k], f);
        }
    }
}

static void tuv(FILE *f, const char *lang, const cli_sents *s, size_t start, size_t n)
{
    fprintf(f, "    <tuv xml:lang=\"%s\"><seg>", lang);
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputc(' ', f);
        xml_text(f, s->text[start + k], s->len[start + k]);
    }
    fputs("</seg></tuv>\n", f);
}

void out_tmx_head(FILE *f, const char *src_lang)
{
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
               "  <header creationtool=\"dragoman\" creationtoolversion=\"%s\" datatype=\"plaintext\" "
               "segtype=\"sentence\" adminlang=\"en\" srclang=\"%s\" o-tmf=\"dragoman\"/>\n  <body>\n",
            dm_version(), src_lang ? src_lang : "und");
}

void out_tmx_block(FILE *f, const cli_doc_pair *dp, const dm_align_block *b)
{
    if (!b->src_n || !b->tgt_n)
        return;
    fprintf(f, "  <tu><prop type=\"score\">%.4f</prop>\n", b->score);
    tuv(f, dp->src_lang ? dp->src_lang : "und", &dp->src, b->src_start, b->src_n);
    tuv(f, dp->tgt_lang ? dp->tgt_lang : "und", &dp->tgt, b->tgt_start, b->tgt_n);
    fputs("  </tu>\n", f);
}

void out_tmx_tail(FILE *f)
{
    fputs("  </body>\n</tmx>\n", f);
}
