/*
 * test_text.c -- the text pipeline on real text in several scripts: cleaning, matching form,
 * sentences (Devanagari danda, Urdu and Arabic marks, headlines, abbreviations), tokens (Thai and
 * Chinese without spaces), numbers of every digit system, scripts, and name keys across scripts.
 */
#include "check.h"
#include "text/text.h"

#include <stdlib.h>

static dm_ctx *ctx;

static char *match(const char *s)
{
    char *out = NULL;
    size_t n;
    if (dm_match_form(ctx, s, strlen(s), &out, &n))
        return NULL;
    return out;
}

static void check_match(const char *in, const char *want)
{
    char *m = match(in);
    CHECK_STR(m, want);
    free(m);
}

static size_t count_sentences(const char *text)
{
    dm_span *sp;
    size_t n;
    if (dm_segment(ctx, text, strlen(text), &sp, &n))
        return (size_t)-1;
    free(sp);
    return n;
}

static void test_clean(void)
{
    const char raw[] = "\xEF\xBB\xBFone\r\ntwo\x00three\xFF\xFE end\r";
    char *out;
    size_t n, bad;
    CHECK(dm_text_clean(ctx, raw, sizeof raw - 1, &out, &n, &bad) == DM_OK);
    CHECK_STR(out, "one\ntwothree\xEF\xBF\xBD\xEF\xBF\xBD end\n");
    CHECK(bad == 2);
    free(out);
    /* NFC: e + combining acute becomes é */
    CHECK(dm_text_clean(ctx, "e\xCC\x81", 3, &out, &n, &bad) == DM_OK);
    CHECK_STR(out, "\xC3\xA9");
    free(out);
}

static void test_match_form(void)
{
    check_match("Khamenei", "khamenei");
    check_match("ﬁnance", "finance");            /* compatibility ligature */
    check_match("علي", "علی");                   /* Arabic yeh -> Farsi yeh */
    check_match("كتاب", "کتاب");                  /* Arabic kaf -> keheh */
    check_match("مدرسة", "مدرسه");                /* teh marbuta -> heh */
    check_match("إيران", "ایران");                /* alef with hamza below */
    check_match("مُحَمَّد", "محمد");              /* harakat removed */
    check_match("جـــمـيـل", "جمیل");            /* tatweel removed */
    check_match("می‌خواهم", "میخواهم");           /* ZWNJ folded */
    check_match("۲۱ ٢١ २१", "21 21 21");          /* digits of three systems */
    /* Ethiopic numerals by value: (10+9) x 100 + 87, 3, ten thousand, 100 x 10000, 2 x 10000 +
     * 300, 20 x 100 + 16; a preposition stays attached */
    check_match("በ፲፱፻፹፯ ፫ ፼ ፻፼ ፪፼፫፻ ፳፻፲፮", "በ1987 3 10000 1000000 20300 2016");
    /* Chinese numerals by value where they are a number (a multiplier or a zero in a run of two
     * or more); a single numeral, a run without either, one opening with 万, and the unit after
     * digits (5百万: a scale word) stay as they are */
    check_match("三千五百万 二〇二〇年 十五人 一亿二千万 五千万", "35000000 2020年 15人 120000000 50000000");
    check_match("一些 统一 三四 万一 第一条 5百万", "一些 统一 三四 万一 第一条 5百万");
    /* years of Japanese eras (and the Republic of China's, North Korea's) as Gregorian years */
    check_match("令和2年 令和二年 平成元年 昭和六十四年 民國112年 令和", "2020年 2020年 1989年 1989年 2023年 令和");
    check_match("क़ानून", "कानून");               /* nukta dropped */
    check_match("שָׁלוֹם", "שלום");               /* Hebrew points dropped */
}

static void test_segment(void)
{
    CHECK(count_sentences("") == 0);
    CHECK(count_sentences("   \n\n ") == 0);
    CHECK(count_sentences("Mr. Smith met Dr. Jones in the U.S. capital. They talked.") == 2);
    CHECK(count_sentences("इराक़ के साथ है। हम इराक़ की तरक़्क़ी की आरज़ू करते हैं।") == 2);
    CHECK(count_sentences("یہ پہلا جملہ ہے۔ یہ دوسرا جملہ ہے۔") == 2);
    CHECK(count_sentences("هل حضر الرئيس؟ نعم حضر.") == 2);
    CHECK(count_sentences("ראש הממשלה נפגש עם הנשיא. הם דיברו על הכלכלה.") == 2);     /* Hebrew */
    /* Amharic: ። ends a sentence; ዓ.ም. (Ethiopian calendar) and ጠ.ሚ. (prime minister) do not */
    CHECK(count_sentences("ድርጅቱ በ1987 ዓ.ም. ተመሰረተ። ጠ.ሚ. ዐቢይ አሕመድ ተናገሩ።") == 2);
    CHECK(count_sentences("Президент встретился с премьером. Они обсудили экономику!") == 2);
    CHECK(count_sentences("国家主席会见了伊拉克总统。双方讨论了合作。") == 2);               /* Chinese */
    CHECK(count_sentences("นายกรัฐมนตรีพบประธานาธิบดี\nทั้งสองหารือเรื่องเศรษฐกิจ") == 2); /* Thai lines */
    /* a headline without final punctuation is a sentence of its own */
    CHECK(count_sentences("The Office of the Supreme Leader\n\nToday the leader met the president.") == 2);
    /* the Hindi example article: every sentence ends with a danda */
    size_t len;
    char *hi = check_read_file("examples/iran-iraq/000_53f2f7017102b22e.txt", &len);
    if (hi) {
        dm_span *sp;
        size_t n;
        CHECK(dm_segment(ctx, hi, len, &sp, &n) == DM_OK);
        CHECK(n >= 8);
        for (size_t i = 0; i < n; i++) {
            CHECK(sp[i].len > 0);
            CHECK(hi[sp[i].start] != ' ' && hi[sp[i].start] != '\n');
        }
        free(sp);
        free(hi);
    }
}

static size_t count_words(const char *text, size_t *numbers)
{
    dm_token *t;
    size_t n, words = 0;
    *numbers = 0;
    if (dm_tokenize(ctx, text, strlen(text), &t, &n))
        return (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        words += t[i].kind == DM_TOK_WORD;
        *numbers += t[i].kind == DM_TOK_NUMBER;
    }
    free(t);
    return words;
}

static void test_tokens(void)
{
    size_t nums;
    CHECK(count_words("The president met 12 ministers.", &nums) == 4 && nums == 1);
    CHECK(count_words("ประเทศไทยมีประชากรมาก", &nums) >= 3);   /* Thai, no spaces */
    CHECK(count_words("中华人民共和国主席会见了伊拉克总统", &nums) >= 4); /* Chinese */
    CHECK(count_words("در سال ۱۳۹۹ رهبر", &nums) == 3 && nums == 1);
}

static void check_number(const char *s, double want)
{
    double v = -1;
    int ok = dm_parse_number(s, strlen(s), &v);
    if (!ok || v != want) {
        fprintf(stderr, "number \"%s\": got %d %f, want %f\n", s, ok, v, want);
        check_failures++;
    }
}

static void test_numbers(void)
{
    check_number("21", 21);
    check_number("۲۱", 21);
    check_number("٢١", 21);
    check_number("२१", 21);
    check_number("1,000", 1000);
    check_number("1.000.000", 1000000);
    check_number("3.5", 3.5);
    check_number("٣٫٥", 3.5);
    check_number("۱٬۰۰۰", 1000);
    double v;
    CHECK(!dm_parse_number("abc", 3, &v));
    CHECK(!dm_parse_number("12a", 3, &v));
    CHECK(!dm_parse_number("", 0, &v));
}

static void test_scripts(void)
{
    CHECK(dm_dominant_script("Hello world", 11) == DM_SCRIPT_LATIN);
    const char *fa = "رهبر معظم انقلاب اسلامی";
    CHECK(dm_dominant_script(fa, strlen(fa)) == DM_SCRIPT_ARABIC);
    const char *hi = "इस्लामी गणराज्य ईरान";
    CHECK(dm_dominant_script(hi, strlen(hi)) == DM_SCRIPT_DEVANAGARI);
    const char *ja = "日本の首相は東京で会見した";
    CHECK(dm_dominant_script(ja, strlen(ja)) == DM_SCRIPT_HIRAGANA);
    const char *ko = "대한민국 대통령";
    CHECK(dm_dominant_script(ko, strlen(ko)) == DM_SCRIPT_HANGUL);
}

static void test_names(void)
{
    check_same_key(ctx, "Rashid", "रशीद");
    check_same_key(ctx, "Rashid", "رشيد");
    check_same_key(ctx, "Khamenei", "ख़ामेनेई");
    check_same_key(ctx, "Khamenei", "خامنه‌ای");
    check_same_key(ctx, "Saddam", "सद्दाम");
    check_same_key(ctx, "Saddam", "صدام");
    check_same_key(ctx, "Tehran", "تهران");
    check_same_key(ctx, "Kazemi", "الکاظمی");
    /* letters of Urdu, Sindhi, Pashto and Kurdish that ICU's Arabic-Latin leaves as they are */
    check_same_key(ctx, "Trump", "ٹرمپ");      /* Urdu ٹ */
    check_same_key(ctx, "Larkana", "لاڑکانہ"); /* Urdu ڑ */
    check_same_key(ctx, "Karachi", "ڪراچي");   /* Sindhi ڪ */
    check_same_key(ctx, "Trump", "ټرمپ");      /* Pashto ټ */
    check_same_key(ctx, "Gulbuddin", "ګلبدين"); /* Pashto ګ */
    check_same_key(ctx, "Kobani", "کۆبانێ");   /* Kurdish ۆ ێ */
    /* scripts ICU's Any-Latin leaves as they are (latin_rules.c): Sinhala (vowel signs in place
     * of the inherent vowel, al-lakuna), Khmer (coeng, ហ្គ for g), Lao (vowels written before
     * their consonant), Tibetan (subjoined letters) */
    check_same_key(ctx, "Afghanistan", "ඇෆ්ගනිස්ථානය");
    check_same_key(ctx, "Vietnam", "වියට්නාමය");
    check_same_key(ctx, "Angola", "អង់ហ្គោឡា");
    check_same_key(ctx, "Brunei", "ព្រុយណេ");
    check_same_key(ctx, "Estonia", "ເອສໂຕເນຍ");
    check_same_key(ctx, "Romania", "ໂຣແມເນຍ");
    check_same_key(ctx, "Austria", "ཨསྟྲི་ཡ");
    /* and where ICU's own rules spoil a key: Korean ㄹ before a vowel is r, Thai's silent
     * carrier อ is not a consonant, Burmese long a is not "ar" */
    /* English spellings no other script writes: ch before r is k, a final gh after two vowels
     * is silent; after one vowel it is a consonant */
    check_same_key(ctx, "Christine", "كريستين");
    check_same_key(ctx, "Kavanaugh", "Кавано");
    check_same_key(ctx, "Sadegh", "صادق");
    check_same_key(ctx, "Trump", "트럼프");
    check_same_key(ctx, "Bulgaria", "불가리아");
    check_same_key(ctx, "Armenia", "อาร์เมเนีย");
    check_same_key(ctx, "Angola", "အန်ဂိုလာ");
    char ka[64], kb[64];
    check_name_key(ctx, "Rashid", ka, sizeof ka);
    check_name_key(ctx, "Baghdad", kb, sizeof kb);
    CHECK(strcmp(ka, kb) != 0);
}

int main(void)
{
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    test_clean();
    test_match_form();
    test_segment();
    test_tokens();
    test_numbers();
    test_scripts();
    test_names();
    dm_ctx_free(ctx);
    return check_done("test_text");
}
