/*
 * macro.c -- answering a macrolanguage when a text does not tell its members apart.
 *
 * Bosnian, Croatian and Serbian (Serbo-Croatian), or Bokmål and Nynorsk (Norwegian), differ in a
 * few words; a headline or a word pair often has none of them, and the identifier then picks a
 * member by a hair (on held-out training lines, a bs/hr/nb/nn answer is right 67-73% of the
 * time). ISO 639 gives these groups a code of their own, so the honest answer to such a text is
 * that code: "sh" (639-3 hbs) or "no" (nor). Only macrolanguages whose code is not also one of the
 * model's languages are listed: "ms", "zh", "ar", "fa", "sw", "ku" are what the model answers for
 * one member (Standard Malay, Mandarin...), so backing off to them would say something else.
 */
#include "langid/langid.h"

#include <string.h>

/* The groups, their ISO 639-1 and 639-3 codes and their members (Montenegrin, cnr, is not in
 * the shipped model: listed for a model that has it). */
static const struct {
    const char *code, *alt;
    const char *members[5];
} MACROS[] = {
    {"sh", "hbs", {"bs", "hr", "sr", "cnr", NULL}}, /* Serbo-Croatian */
    {"no", "nor", {"nb", "nn", NULL}},              /* Norwegian */
};

#define N_MACROS (sizeof MACROS / sizeof MACROS[0])

void lid_macro_init(lid_model *m)
{
    for (uint32_t l = 0; l < m->n_langs; l++) {
        m->langs[l].macro = 0;
        for (size_t g = 0; g < N_MACROS; g++)
            for (const char *const *c = MACROS[g].members; *c; c++)
                if (!strcmp(m->langs[l].code, *c) || !strcmp(m->langs[l].alt, *c))
                    m->langs[l].macro = (uint8_t)(g + 1);
    }
    m->macro_on = 0;
}

const char *lid_macro_code(int group)
{
    return group >= 1 && (size_t)group <= N_MACROS ? MACROS[group - 1].code : NULL;
}

int lid_macro_of(const char *code, size_t len)
{
    for (size_t g = 0; g < N_MACROS; g++)
        if ((strlen(MACROS[g].code) == len && !strncmp(MACROS[g].code, code, len)) ||
            (strlen(MACROS[g].alt) == len && !strncmp(MACROS[g].alt, code, len)))
            return (int)g + 1;
    return 0;
}

int lid_macro_member(const lid_model *m, const char *code, int group)
{
    const int l = lid_lang_index(m, code, strlen(code));
    return l >= 0 && m->langs[l].macro == group;
}
