/*
 * out_tmx.c -- an alignment as a TMX 1.4 translation memory: one <tu> per block with both sides,
 * XML-escaped; blocks with an empty side are left out.
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

int out_tmx(FILE *f, const cli_doc_pair *dp, const dm_align_block *b, size_t nb)
{
    const char *sl = dp->src_lang ? dp->src_lang : "und", *tl = dp->tgt_lang ? dp->tgt_lang : "und";
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
               "  <header creationtool=\"dragoman\" creationtoolversion=\"%s\" datatype=\"plaintext\" "
               "segtype=\"sentence\" adminlang=\"en\" srclang=\"%s\" o-tmf=\"dragoman\"/>\n  <body>\n",
            dm_version(), sl);
    for (size_t k = 0; k < nb; k++) {
        if (!b[k].src_n || !b[k].tgt_n)
            continue;
        fprintf(f, "  <tu><prop type=\"score\">%.4f</prop>\n", b[k].score);
        tuv(f, sl, &dp->src, b[k].src_start, b[k].src_n);
        tuv(f, tl, &dp->tgt, b[k].tgt_start, b[k].tgt_n);
        fputs("  </tu>\n", f);
    }
    fputs("  </body>\n</tmx>\n", f);
    return ferror(f) ? EXIT_FAIL : EXIT_OK;
}
