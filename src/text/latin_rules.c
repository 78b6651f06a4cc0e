/*
 * latin_rules.c -- the transliteration rules dragoman puts in front of ICU's Any-Latin.
 *
 * Names cross scripts through their Latin form (translit.c, then dm_name_key). ICU's Any-Latin
 * covers most scripts, but leaves some letters and whole scripts as they are, and a name left in
 * its own script never meets its spelling in another. Measured on the one-word country names of
 * CLDR (the native name's key against the English name's key, tools/text/translit_keys.py),
 * Sinhala, Khmer, Lao and Tibetan matched 0-1% before these rules and 41-60% with them,
 * Burmese 23% -> 45%, Thai 42% -> 68%, Korean 35% -> 49% (Georgian, Hindi, Amharic through
 * ICU alone: 61-84%). The rules are ICU rule text (ICU runs them: the engine stays ICU's); what they say is
 * the usual romanisation of each letter (UNGEGN/ALA-LC-like, simplified where a name key merges
 * the difference anyway: aspiration, vowel length).
 *
 * Brahmic abugidas (Sinhala, Khmer) write a consonant with an inherent vowel that a vowel sign
 * replaces and a virama (Khmer: coeng) removes: the first pass writes every consonant with "a",
 * the second (after ::Null) lets the sign that follows take that "a"'s place. Lao writes some
 * vowels before their consonant: they are moved after it, or a pre-posed vowel would become a
 * name key's leading vowel.
 */
#include "text/icu_cache.h"

/* Urdu, Sindhi, Pashto, Kurdish and Uyghur letters ICU's Arabic-Latin leaves untouched
 * (ٹ ڈ ڑ ں ے ھ, ڪ ڳ ٻ, ټ ډ ړ ښ ګ, ێ ۆ ڵ ڕ ە, ۇ ۈ ...): without them ٹرمپ never meets Trump. */
#define ARABIC_EXTRA                                                                                  \
    u"ٹ > t; ڈ > d; ڑ > r; ں > n; ۓ > e; ے > e; ھ > h; ۃ > h;"                                        \
    u"ٺ > th; ٻ > b; ڀ > bh; ڄ > j; ڃ > ny; ڇ > chh; ڊ > d; ڌ > dh; ڍ > dh; ڎ > d; ڏ > d;"             \
    u"ڙ > r; ڪ > k; ڳ > g; ڱ > ng; ڻ > n; ۽ > e;"                                                      \
    u"ټ > t; ځ > dz; څ > ts; ډ > d; ړ > r; ږ > zh; ښ > sh; ګ > g; ڼ > n; ۍ > ey; ې > e;"             \
    u"ێ > e; ۆ > o; ڵ > l; ڕ > r; ە > e; ۇ > u; ۈ > u; ٷ > u;"

/* Sinhala: consonants with their inherent vowel; independent vowels; nasal and visarga. */
#define SINHALA_1                                                                                     \
    u"ක > ka; ඛ > kha; ග > ga; ඝ > gha; ඞ > nga; ඟ > nga; ච > cha; ඡ > chha; ජ > ja; ඣ > jha;"         \
    u"ඤ > nya; ඥ > gna; ඦ > nja; ට > ta; ඨ > tha; ඩ > da; ඪ > dha; ණ > na; ඬ > nda; ත > ta;"          \
    u"ථ > tha; ද > da; ධ > dha; න > na; ඳ > nda; ප > pa; ඵ > pha; බ > ba; භ > bha; ම > ma;"          \
    u"ඹ > mba; ය > ya; ර > ra; ල > la; ව > va; ශ > sha; ෂ > sha; ස > sa; හ > ha; ළ > la; ෆ > fa;"   \
    u"අ > a; ආ > aa; ඇ > ae; ඈ > aae; ඉ > i; ඊ > ii; උ > u; ඌ > uu; ඍ > ri; ඎ > rii; ඏ > li;"        \
    u"ඐ > lii; එ > e; ඒ > ee; ඓ > ai; ඔ > o; ඕ > oo; ඖ > au; ං > n; ඃ > h;"
/* Sinhala vowel signs in place of the inherent vowel; the al-lakuna (virama) removes it. */
#define SINHALA_2                                                                                     \
    u"a ් > ; a ා > aa; a ැ > ae; a ෑ > aae; a ි > i; a ී > ii; a ු > u; a ූ > uu; a ෘ > ru;"      \
    u"a ෙ > e; a ේ > ee; a ෛ > ai; a ො > o; a ෝ > oo; a ෞ > au; a ෟ > lu; a ෲ > ruu; a ෳ > luu;"   \
    u"් > ; ා > aa; ැ > ae; ෑ > aae; ි > i; ී > ii; ු > u; ූ > uu; ෘ > ru; ෙ > e; ේ > ee;"           \
    u"ෛ > ai; ො > o; ෝ > oo; ෞ > au; ෟ > lu; ෲ > ruu; ෳ > luu;"

/* Khmer: ហ្វ, ហ្គ, ហ្ស and ប៉ write foreign f, g, z and p; consonants with their inherent vowel
 * (both series as "a"); independent vowels; signs that stand for a sound. */
#define KHMER_1                                                                                       \
    u"ហ្វ > fa; ហ្គ > ga; ហ្ស > za; ប៉ > pa; ក > ka; ខ > kha; គ > ka; ឃ > kha; ង > nga; ច > cha; ឆ > chha; ជ > cha;"      \
    u"ឈ > chha; ញ > nha; ដ > da; ឋ > tha; ឌ > da; ឍ > tha; ណ > na; ត > ta; ថ > tha; ទ > ta;"          \
    u"ធ > tha; ន > na; ប > ba; ផ > pha; ព > pa; ភ > pha; ម > ma; យ > ya; រ > ra; ល > la; វ > va;"    \
    u"ឝ > sha; ឞ > ssa; ស > sa; ហ > ha; ឡ > la; អ > a;"                                               \
    u"ឣ > a; ឤ > aa; ឥ > e; ឦ > ei; ឧ > u; ឨ > uk; ឩ > ou; ឪ > ov; ឫ > rue; ឬ > rueu; ឭ > lue;"      \
    u"ឮ > lueu; ឯ > ae; ឰ > ai; ឱ > ao; ឲ > ao; ឳ > au; ំ > m; ះ > h; ៈ > a;"                          \
    u"[៉៊់៌៍៎៏័៑៝ៗ] > ;"
/* Khmer vowel signs in place of the inherent vowel; the coeng (subscript sign) removes it. */
#define KHMER_2                                                                                       \
    u"a ្ > ; a ា > a; a ិ > i; a ី > ii; a ឹ > oe; a ឺ > oeu; a ុ > u; a ូ > u; a ួ > uo;"          \
    u"a ើ > aeu; a ឿ > oea; a ៀ > ie; a េ > e; a ែ > ae; a ៃ > ai; a ោ > ao; a ៅ > au;"             \
    u"្ > ; ា > a; ិ > i; ី > ii; ឹ > oe; ឺ > oeu; ុ > u; ូ > u; ួ > uo; ើ > aeu; ឿ > oea;"          \
    u"ៀ > ie; េ > e; ែ > ae; ៃ > ai; ោ > ao; ៅ > au;"

/* Lao: pre-posed vowels moved after their consonant (and the consonant cluster ຫ + sonorant);
 * then consonants (no inherent vowel: Lao writes most vowels), vowels, tone marks dropped. */
#define LAO_1                                                                                         \
    u"$laoC = [ກ-ຮໜໝໞໟ];"                                                                             \
    u"([ເແໂໃໄ]) (ຫ [ງຍນມລວຣ]) > $2 $1; ([ເແໂໃໄ]) ($laoC ຼ?) > $2 $1;"
#define LAO_2                                                                                         \
    u"ກ > k; ຂ > kh; ຄ > kh; ຆ > kh; ງ > ng; ຈ > ch; ຉ > ch; ສ > s; ຊ > s; ຌ > ch; ຍ > y;"           \
    u"ຎ > ny; ດ > d; ຏ > t; ຐ > th; ຑ > th; ຒ > th; ຓ > n; ຕ > t; ຖ > th; ທ > th; ຘ > th;"          \
    u"ນ > n; ບ > b; ປ > p; ຜ > ph; ຝ > f; ພ > ph; ຟ > f; ຠ > ph; ມ > m; ຢ > y; ຣ > r; ລ > l;"       \
    u"ວ > v; ຨ > s; ຩ > s; ຫ > h; ຬ > l; ອ > o; ຮ > h; ໜ > n; ໝ > m; ໞ > ng; ໟ > ny;"              \
    u"ະ > a; ັ > a; າ > a; ຳ > am; ິ > i; ີ > i; ຶ > ue; ື > ue; ຸ > u; ູ > u; ົ > o; ຼ > l;"         \
    u"ຽ > ia; ເ > e; ແ > ae; ໂ > o; ໃ > ai; ໄ > ai; ໍ > o; [່້໊໋໌ໆ] > ;"

/* Tibetan (Wylie-like): base and subjoined consonants, vowel signs; the tsheg between the
 * syllables of a word dropped. No inherent vowel is written: it belongs to a syllable, not a
 * letter, and a name key drops vowels inside a word anyway. */
#define TIBETAN                                                                                       \
    u"ཀ > k; ཁ > kh; ག > g; ང > ng; ཅ > c; ཆ > ch; ཇ > j; ཉ > ny; ཊ > t; ཋ > th; ཌ > d; ཎ > n;"     \
    u"ཏ > t; ཐ > th; ད > d; ན > n; པ > p; ཕ > ph; བ > b; མ > m; ཙ > ts; ཚ > tsh; ཛ > dz; ཝ > w;"     \
    u"ཞ > zh; ཟ > z; འ > ; ཡ > y; ར > r; ལ > l; ཤ > sh; ཥ > sh; ས > s; ཧ > h; ཨ > ; ཪ > r;"         \
    u"ྐ > k; ྑ > kh; ྒ > g; ྔ > ng; ྕ > c; ྖ > ch; ྗ > j; ྙ > ny; ྚ > t; ྛ > th; ྜ > d; ྞ > n;"     \
    u"ྟ > t; ྠ > th; ྡ > d; ྣ > n; ྤ > p; ྥ > ph; ྦ > b; ྨ > m; ྩ > ts; ྪ > tsh; ྫ > dz; ྭ > w;"     \
    u"ྮ > zh; ྯ > z; ྰ > ; ྱ > y; ྲ > r; ླ > l; ྴ > sh; ྵ > sh; ྶ > s; ྷ > h; ྸ > ; ྺ > w; ྻ > y;"    \
    u"ྼ > r; ཱི > i; ཱུ > u; ཱྀ > i; ཱ > a; ི > i; ུ > u; ེ > e; ཻ > ai; ོ > o; ཽ > au; ྀ > i; ཾ > m; ཿ > h;" \
    u"་ > ;"

/* Burmese: ICU's Myanmar-Latin writes the long a as "ar" and the high tone as a doubled letter
 * (ယား -> "yarr"), which gives a name key an "r" it does not have (အန်ဂိုလာ Angola -> "nklr");
 * the two tone marks carry nothing a name key keeps; the medials that write foreign j, ch and
 * sh (ဂျ ချ ရှ) are read as those. */
#define BURMESE                                                                                       \
    u"ချ > ch; ရှ > sh; ဖ > ph; ဇ > z; စ > s; ာ > a; ါ > a; း > ; ့ > ;"

/* Thai: ICU's Thai-Latin writes the silent carrier of a leading vowel, อ, as "x", which a name
 * key keeps as its first consonant (อาร์เมเนีย Armenia -> "xrmn"); the carrier says nothing. */
#define THAI u"อ > ;"

/* Korean: ICU's Hangul-Latin writes every ㄹ as "l"; the Revised Romanization writes it "r"
 * before a vowel (the initial of a syllable), which is how a foreign r comes into Korean
 * (오스트리아 Austria, 불가리아 Bulgaria: "bulgaria", not "bulgalia"). */
#define HANGUL u"ᄅ > r; ᆯ > l;"

static const UChar to_latin_rules[] =
    u"::[가-힣] NFD;"
    ARABIC_EXTRA SINHALA_1 KHMER_1 LAO_1 TIBETAN BURMESE THAI HANGUL
    u"::Null;" SINHALA_2 KHMER_2 LAO_2
    u"::Any-Latin; ::Latin-ASCII; ::Lower;";

const UChar *dm_latin_rules(void)
{
    return to_latin_rules;
}
