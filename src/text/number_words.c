/*
 * number_words.c -- numbers written as words ("eight", "huit", "восемь", "ثمانية", "هشت", "आठ"),
 * where cheap: the words for 0-20, the tens, hundred, thousand, million and billion (and the
 * Indian lakh and crore) of the languages the project's news comes in most. One version of a
 * story writes "8-year war" where another writes "eight-year war": without these, a comparison
 * of numbers calls that a difference.
 *
 * Single words only (no "twenty-five" arithmetic); articles that double as "one" (un, une, ein,
 * eine, una, bir) are left out, and words that are also common words of another language ("on"
 * is ten in Turkish, "due" two in Italian) count only when the text's language is known.
 */
#include "text/icu_cache.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct number_word {
    const char *lang, *word;
    double value;
    int shared; /* also an everyday word elsewhere: only with the language given */
} number_word;

static const number_word table[] = {
    /* English */
    {"en", "zero", 0, 0}, {"en", "one", 1, 0}, {"en", "two", 2, 0}, {"en", "three", 3, 0},
    {"en", "four", 4, 0}, {"en", "five", 5, 0}, {"en", "six", 6, 0}, {"en", "seven", 7, 0},
    {"en", "eight", 8, 0}, {"en", "nine", 9, 0}, {"en", "ten", 10, 0}, {"en", "eleven", 11, 0},
    {"en", "twelve", 12, 0}, {"en", "thirteen", 13, 0}, {"en", "fourteen", 14, 0}, {"en", "fifteen", 15, 0},
    {"en", "sixteen", 16, 0}, {"en", "seventeen", 17, 0}, {"en", "eighteen", 18, 0}, {"en", "nineteen", 19, 0},
    {"en", "twenty", 20, 0}, {"en", "thirty", 30, 0}, {"en", "forty", 40, 0}, {"en", "fifty", 50, 0},
    {"en", "sixty", 60, 0}, {"en", "seventy", 70, 0}, {"en", "eighty", 80, 0}, {"en", "ninety", 90, 0},
    {"en", "hundred", 100, 0}, {"en", "thousand", 1e3, 0}, {"en", "million", 1e6, 0}, {"en", "billion", 1e9, 0},
    /* French */
    {"fr", "zéro", 0, 0}, {"fr", "deux", 2, 0}, {"fr", "trois", 3, 0}, {"fr", "quatre", 4, 0},
    {"fr", "cinq", 5, 0}, {"fr", "six", 6, 0}, {"fr", "sept", 7, 1}, {"fr", "huit", 8, 0},
    {"fr", "neuf", 9, 1}, {"fr", "dix", 10, 0}, {"fr", "onze", 11, 0}, {"fr", "douze", 12, 0},
    {"fr", "treize", 13, 0}, {"fr", "quatorze", 14, 0}, {"fr", "quinze", 15, 0}, {"fr", "seize", 16, 1},
    {"fr", "vingt", 20, 0}, {"fr", "trente", 30, 0}, {"fr", "quarante", 40, 0}, {"fr", "cinquante", 50, 0},
    {"fr", "soixante", 60, 0}, {"fr", "cent", 100, 1}, {"fr", "mille", 1e3, 1}, {"fr", "million", 1e6, 0},
    {"fr", "milliard", 1e9, 0},
    /* German */
    {"de", "null", 0, 1}, {"de", "eins", 1, 0}, {"de", "zwei", 2, 0}, {"de", "drei", 3, 0},
    {"de", "vier", 4, 0}, {"de", "fünf", 5, 0}, {"de", "sechs", 6, 0}, {"de", "sieben", 7, 0},
    {"de", "acht", 8, 0}, {"de", "neun", 9, 0}, {"de", "zehn", 10, 0}, {"de", "elf", 11, 1},
    {"de", "zwölf", 12, 0}, {"de", "zwanzig", 20, 0}, {"de", "dreißig", 30, 0}, {"de", "vierzig", 40, 0},
    {"de", "fünfzig", 50, 0}, {"de", "hundert", 100, 0}, {"de", "tausend", 1e3, 0},
    {"de", "millionen", 1e6, 0}, {"de", "milliarden", 1e9, 0},
    /* Spanish */
    {"es", "cero", 0, 0}, {"es", "dos", 2, 1}, {"es", "tres", 3, 1}, {"es", "cuatro", 4, 0},
    {"es", "cinco", 5, 0}, {"es", "seis", 6, 0}, {"es", "siete", 7, 0}, {"es", "ocho", 8, 0},
    {"es", "nueve", 9, 0}, {"es", "diez", 10, 0}, {"es", "once", 11, 1}, {"es", "doce", 12, 0},
    {"es", "quince", 15, 0}, {"es", "veinte", 20, 0}, {"es", "treinta", 30, 0}, {"es", "cuarenta", 40, 0},
    {"es", "cincuenta", 50, 0}, {"es", "cien", 100, 0}, {"es", "mil", 1e3, 1}, {"es", "millón", 1e6, 0},
    {"es", "millones", 1e6, 0},
    /* Portuguese */
    {"pt", "dois", 2, 0}, {"pt", "duas", 2, 0}, {"pt", "três", 3, 0}, {"pt", "quatro", 4, 0},
    {"pt", "sete", 7, 0}, {"pt", "oito", 8, 0}, {"pt", "nove", 9, 1}, {"pt", "dez", 10, 0},
    {"pt", "vinte", 20, 0}, {"pt", "cem", 100, 0}, {"pt", "milhão", 1e6, 0}, {"pt", "milhões", 1e6, 0},
    /* Italian */
    {"it", "due", 2, 1}, {"it", "tre", 3, 0}, {"it", "quattro", 4, 0}, {"it", "cinque", 5, 0},
    {"it", "sei", 6, 1}, {"it", "sette", 7, 0}, {"it", "otto", 8, 0}, {"it", "dieci", 10, 0},
    {"it", "venti", 20, 0}, {"it", "cento", 100, 0}, {"it", "mila", 1e3, 0}, {"it", "milioni", 1e6, 0},
    /* Russian (with the oblique forms news use most: "восьми лет", "двух стран") */
    {"ru", "ноль", 0, 0}, {"ru", "один", 1, 0}, {"ru", "одна", 1, 0}, {"ru", "два", 2, 0},
    {"ru", "две", 2, 0}, {"ru", "двух", 2, 0}, {"ru", "три", 3, 0}, {"ru", "трех", 3, 0},
    {"ru", "трёх", 3, 0}, {"ru", "четыре", 4, 0}, {"ru", "пять", 5, 0}, {"ru", "пяти", 5, 0},
    {"ru", "шесть", 6, 0}, {"ru", "семь", 7, 0}, {"ru", "восемь", 8, 0}, {"ru", "восьми", 8, 0},
    {"ru", "девять", 9, 0}, {"ru", "десять", 10, 0}, {"ru", "десяти", 10, 0}, {"ru", "двадцать", 20, 0},
    {"ru", "тридцать", 30, 0}, {"ru", "сорок", 40, 0}, {"ru", "пятьдесят", 50, 0}, {"ru", "сто", 100, 0},
    {"ru", "тысяча", 1e3, 0}, {"ru", "тысячи", 1e3, 0}, {"ru", "тысяч", 1e3, 0}, {"ru", "миллион", 1e6, 0},
    {"ru", "миллиона", 1e6, 0}, {"ru", "миллионов", 1e6, 0}, {"ru", "миллиард", 1e9, 0},
    /* Arabic */
    {"ar", "صفر", 0, 0}, {"ar", "واحد", 1, 0}, {"ar", "واحدة", 1, 0}, {"ar", "اثنان", 2, 0},
    {"ar", "اثنين", 2, 0}, {"ar", "ثلاثة", 3, 0}, {"ar", "ثلاث", 3, 0}, {"ar", "أربعة", 4, 0},
    {"ar", "أربع", 4, 0}, {"ar", "خمسة", 5, 0}, {"ar", "خمس", 5, 0}, {"ar", "ستة", 6, 0},
    {"ar", "سبعة", 7, 0}, {"ar", "سبع", 7, 0}, {"ar", "ثمانية", 8, 0}, {"ar", "ثماني", 8, 0},
    {"ar", "تسعة", 9, 0}, {"ar", "تسع", 9, 0}, {"ar", "عشرة", 10, 0}, {"ar", "عشر", 10, 0},
    {"ar", "عشرين", 20, 0}, {"ar", "عشرون", 20, 0}, {"ar", "ثلاثين", 30, 0}, {"ar", "خمسين", 50, 0},
    {"ar", "مائة", 100, 0}, {"ar", "مئة", 100, 0}, {"ar", "ألف", 1e3, 0}, {"ar", "آلاف", 1e3, 0},
    {"ar", "مليون", 1e6, 0}, {"ar", "مليار", 1e9, 0},
    /* Persian ("نه", nine, is also "no": left out) */
    {"fa", "صفر", 0, 0}, {"fa", "یک", 1, 0}, {"fa", "دو", 2, 0}, {"fa", "سه", 3, 0},
    {"fa", "چهار", 4, 0}, {"fa", "پنج", 5, 0}, {"fa", "شش", 6, 0}, {"fa", "هفت", 7, 0},
    {"fa", "هشت", 8, 0}, {"fa", "ده", 10, 0}, {"fa", "یازده", 11, 0}, {"fa", "دوازده", 12, 0},
    {"fa", "بیست", 20, 0}, {"fa", "سی", 30, 0}, {"fa", "چهل", 40, 0}, {"fa", "پنجاه", 50, 0},
    {"fa", "صد", 100, 0}, {"fa", "هزار", 1e3, 0}, {"fa", "میلیون", 1e6, 0}, {"fa", "میلیارد", 1e9, 0},
    /* Hindi */
    {"hi", "शून्य", 0, 0}, {"hi", "एक", 1, 0}, {"hi", "दो", 2, 0}, {"hi", "तीन", 3, 0},
    {"hi", "चार", 4, 0}, {"hi", "पांच", 5, 0}, {"hi", "पाँच", 5, 0}, {"hi", "छह", 6, 0},
    {"hi", "सात", 7, 0}, {"hi", "आठ", 8, 0}, {"hi", "नौ", 9, 0}, {"hi", "दस", 10, 0},
    {"hi", "बीस", 20, 0}, {"hi", "तीस", 30, 0}, {"hi", "चालीस", 40, 0}, {"hi", "पचास", 50, 0},
    {"hi", "सौ", 100, 0}, {"hi", "हज़ार", 1e3, 0}, {"hi", "हजार", 1e3, 0}, {"hi", "लाख", 1e5, 0},
    {"hi", "करोड़", 1e7, 0},
    /* Urdu */
    {"ur", "ایک", 1, 0}, {"ur", "دو", 2, 0}, {"ur", "تین", 3, 0}, {"ur", "چار", 4, 0},
    {"ur", "پانچ", 5, 0}, {"ur", "سات", 7, 0}, {"ur", "آٹھ", 8, 0}, {"ur", "دس", 10, 0},
    {"ur", "بیس", 20, 0}, {"ur", "سو", 100, 0}, {"ur", "ہزار", 1e3, 0}, {"ur", "لاکھ", 1e5, 0},
    {"ur", "کروڑ", 1e7, 0},
    /* Turkish ("bir" is also "a", "on" and "bin" are English words) */
    {"tr", "iki", 2, 0}, {"tr", "üç", 3, 0}, {"tr", "dört", 4, 0}, {"tr", "beş", 5, 0},
    {"tr", "altı", 6, 0}, {"tr", "yedi", 7, 0}, {"tr", "sekiz", 8, 0}, {"tr", "dokuz", 9, 0},
    {"tr", "on", 10, 1}, {"tr", "yirmi", 20, 0}, {"tr", "yüz", 100, 0}, {"tr", "bin", 1e3, 1},
    {"tr", "milyon", 1e6, 0}, {"tr", "milyar", 1e9, 0},
    /* scale words and their news abbreviations, which make quantities of the numbers before them
     * ("1,5 млрд", "5000万", "2 Mio."): plurals and languages beyond the ones above */
    {"en", "trillion", 1e12, 0}, {"en", "millions", 1e6, 0}, {"en", "billions", 1e9, 0},
    {"fr", "millions", 1e6, 0}, {"fr", "milliards", 1e9, 0},
    {"de", "million", 1e6, 0}, {"de", "milliarde", 1e9, 0}, {"de", "mio", 1e6, 0}, {"de", "mrd", 1e9, 0},
    {"it", "milione", 1e6, 0}, {"it", "miliardo", 1e9, 0}, {"it", "miliardi", 1e9, 0}, {"it", "mln", 1e6, 0},
    {"ru", "миллиарда", 1e9, 0}, {"ru", "миллиардов", 1e9, 0}, {"ru", "млн", 1e6, 0}, {"ru", "млрд", 1e9, 0},
    {"ru", "тыс", 1e3, 0}, {"uk", "мільйон", 1e6, 0}, {"uk", "мільйонів", 1e6, 0}, {"uk", "мільярд", 1e9, 0},
    {"uk", "мільярдів", 1e9, 0}, {"uk", "тисяч", 1e3, 0}, {"pl", "milion", 1e6, 0}, {"pl", "milionów", 1e6, 0},
    {"pl", "miliard", 1e9, 0}, {"pl", "miliardów", 1e9, 0}, {"pl", "mln", 1e6, 0}, {"pl", "mld", 1e9, 0},
    {"cs", "milionů", 1e6, 0}, {"cs", "miliard", 1e9, 0}, {"cs", "mil", 1e6, 1}, {"cs", "mld", 1e9, 0},
    {"nl", "miljoen", 1e6, 0}, {"nl", "miljard", 1e9, 0}, {"sv", "miljoner", 1e6, 0},
    {"sv", "miljarder", 1e9, 0}, {"id", "juta", 1e6, 0}, {"id", "miliar", 1e9, 0}, {"id", "ribu", 1e3, 0},
    {"ar", "ملايين", 1e6, 0}, {"ar", "مليارات", 1e9, 0}, {"he", "מיליון", 1e6, 0}, {"he", "מיליארד", 1e9, 0},
    {"zh", "万", 1e4, 0}, {"zh", "亿", 1e8, 0}, {"zh", "百万", 1e6, 0}, {"zh", "千万", 1e7, 0},
    {"zh", "万亿", 1e12, 0}, {"ja", "百万", 1e6, 0}, {"ja", "千万", 1e7, 0}, {"ja", "億", 1e8, 0}, {"ko", "억", 1e8, 0},
    {"ko", "만", 1e4, 1}, {"vi", "triệu", 1e6, 0}, {"vi", "tỷ", 1e9, 0}, {"th", "ล้าน", 1e6, 0},
};
enum { N_WORDS = sizeof table / sizeof table[0] };

/* The table in matching form, sorted by word: built once per context. */
typedef struct word_index {
    char *form[N_WORDS];
    const number_word *entry[N_WORDS];
    size_t n;
} word_index;

static void index_free(void *p)
{
    word_index *wi = p;
    for (size_t i = 0; wi && i < wi->n; i++)
        free(wi->form[i]);
    free(wi);
}

static dm_status build_index(dm_ctx *ctx, word_index **out)
{
    word_index *wi = calloc(1, sizeof *wi);
    if (!wi)
        return dm_fail(ctx, DM_ENOMEM, "no memory for number words");
    for (size_t i = 0; i < N_WORDS; i++) {
        size_t len;
        dm_status st = dm_match_form(ctx, table[i].word, strlen(table[i].word), &wi->form[wi->n], &len);
        if (st) {
            index_free(wi);
            return st;
        }
        wi->entry[wi->n++] = &table[i];
    }
    /* insertion sort by form, keeping table order among equal forms: small and done once */
    for (size_t i = 1; i < wi->n; i++)
        for (size_t j = i; j > 0 && strcmp(wi->form[j - 1], wi->form[j]) > 0; j--) {
            char *f = wi->form[j];
            const number_word *e = wi->entry[j];
            wi->form[j] = wi->form[j - 1];
            wi->entry[j] = wi->entry[j - 1];
            wi->form[j - 1] = f;
            wi->entry[j - 1] = e;
        }
    *out = wi;
    return DM_OK;
}

int dm_number_word(dm_ctx *ctx, const char *lang, const char *form, size_t n, double *value)
{
    dm_icu *icu;
    if (n == 0 || n > 40 || dm_icu_get(ctx, &icu))
        return 0;
    if (!icu->number_words) {
        word_index *wi = NULL;
        if (build_index(ctx, &wi))
            return 0;
        icu->number_words = wi;
        icu->number_words_free = index_free;
    }
    const word_index *wi = icu->number_words;
    char key[48];
    memcpy(key, form, n);
    key[n] = 0;
    size_t lo = 0, hi = wi->n;
    while (lo < hi) { /* the first form >= key */
        size_t mid = (lo + hi) / 2;
        if (strcmp(wi->form[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < wi->n && !strcmp(wi->form[i], key); i++) {
        const number_word *e = wi->entry[i];
        if (lang ? !strcmp(e->lang, lang) : !e->shared) {
            *value = e->value;
            return 1;
        }
    }
    return 0;
}

int dm_scale_after(dm_ctx *ctx, const char *lang, const char *s, const dm_token *t, size_t nt, size_t j,
                   double *scale)
{
    if (j == 0 || j >= nt || t[j].kind != DM_TOK_WORD || t[j].len > 40)
        return 0;
    size_t end = t[j - 1].start + t[j - 1].len, gap = t[j].start - end;
    /* nothing, or one space of any kind (5000万, 50 million, 2 Mio., 1,5 млрд) */
    if (gap > 3 || (gap && !(gap == 1 ? s[end] == ' ' : (unsigned char)s[end] >= 0xC2)))
        return 0;
    char *m = NULL;
    size_t ml = 0;
    if (dm_match_form(ctx, s + t[j].start, t[j].len, &m, &ml) != DM_OK)
        return 0;
    int ok = dm_number_word(ctx, lang, m, ml, scale) && *scale >= 1e3;
    free(m);
    /* a scale word right after it multiplies again (万 亿, as a dictionary cuts 万亿) */
    double more;
    if (ok && j + 1 < nt && t[j + 1].start == t[j].start + t[j].len && t[j + 1].kind == DM_TOK_WORD &&
        dm_scale_after(ctx, lang, s, t, nt, j + 1, &more) && *scale * more <= 1e15)
        *scale *= more;
    return ok;
}
