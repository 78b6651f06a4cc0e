/*
 * test_segment_news.c -- sentences of news text where ICU's rules alone cut wrong: Russian
 * initials, German dates ("am 3. März"), the Greek question mark (";" after NFC) and the Khmer
 * full stop, Thai and Lao spaces, the Tibetan shad; and the cuts that must stay (numbers at the end of an English sentence).
 */
#include "check.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static dm_ctx *ctx;

/* The sentences of text joined with " | ". */
static char *cut(const char *text)
{
    dm_span *sp;
    size_t n;
    if (dm_segment(ctx, text, strlen(text), &sp, &n))
        return NULL;
    char *out = calloc(1, strlen(text) + 3 * n + 1);
    for (size_t i = 0; out && i < n; i++) {
        if (i)
            strcat(out, " | ");
        strncat(out, text + sp[i].start, sp[i].len);
    }
    free(sp);
    return out;
}

static void check_cut(const char *text, const char *want)
{
    char *got = cut(text);
    CHECK_STR(got, want);
    free(got);
}

int main(void)
{
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    check_cut("Президент В. В. Путин прибыл в Минск. Встреча началась.",
              "Президент В. В. Путин прибыл в Минск. | Встреча началась.");
    check_cut("Министр С. Лавров заявил об этом. Переговоры продолжатся.",
              "Министр С. Лавров заявил об этом. | Переговоры продолжатся.");
    check_cut("Ο Κ. Μητσοτάκης μίλησε στη Βουλή. Η συζήτηση συνεχίζεται.",
              "Ο Κ. Μητσοτάκης μίλησε στη Βουλή. | Η συζήτηση συνεχίζεται.");
    check_cut("Das Treffen fand am 3. März in Berlin statt. Es war kurz.",
              "Das Treffen fand am 3. März in Berlin statt. | Es war kurz.");
    check_cut("Ο πρόεδρος ήρθε στην Αθήνα; Ναι, ήρθε χθες.",
              "Ο πρόεδρος ήρθε στην Αθήνα; | Ναι, ήρθε χθες.");
    check_cut("ប្រធានាធិបតីបានមកដល់។ នាយករដ្ឋមន្ត្រីក៏បានមកដែរ។",
              "ប្រធានាធិបតីបានមកដល់។ | នាយករដ្ឋមន្ត្រីក៏បានមកដែរ។");
    /* Thai and Lao: a space between letters after a long enough run; short runs, and a space
     * before a number, stay whole */
    check_cut("นายกรัฐมนตรีเดินทางถึงกรุงแบกแดดเมื่อวันอังคาร การประชุมกินเวลาสองชั่วโมง",
              "นายกรัฐมนตรีเดินทางถึงกรุงแบกแดดเมื่อวันอังคาร | การประชุมกินเวลาสองชั่วโมง");
    check_cut("นายก ฯ ไปแบกแดด", "นายก ฯ ไปแบกแดด");
    check_cut("การประชุมสุดยอดจัดขึ้นที่กรุงเทพมหานคร 5 มกราคม", "การประชุมสุดยอดจัดขึ้นที่กรุงเทพมหานคร 5 มกราคม");
    check_cut("ນາຍົກລັດຖະມົນຕີໄດ້ເດີນທາງໄປຮອດນະຄອນຫຼວງ ກອງປະຊຸມໃຊ້ເວລາສອງຊົ່ວໂມງ",
              "ນາຍົກລັດຖະມົນຕີໄດ້ເດີນທາງໄປຮອດນະຄອນຫຼວງ | ກອງປະຊຸມໃຊ້ເວລາສອງຊົ່ວໂມງ");
    /* Tibetan: after a shad and its space; an opening shad stays with the sentence before */
    check_cut("བོད་ཀྱི་སྲིད་འཛིན་ལྷ་སར་ཕེབས་སོང་། །ཚོགས་འདུ་ཆུ་ཚོད་གཉིས་རིང་འཚོགས་སོང་།",
              "བོད་ཀྱི་སྲིད་འཛིན་ལྷ་སར་ཕེབས་སོང་། ། | ཚོགས་འདུ་ཆུ་ཚོད་གཉིས་རིང་འཚོགས་སོང་།");
    /* cuts that must stay */
    check_cut("The death toll rose to 12. Rescuers are still searching.",
              "The death toll rose to 12. | Rescuers are still searching.");
    check_cut("Die Zahl der Toten stieg auf 12. Die Suche geht weiter.",
              "Die Zahl der Toten stieg auf 12. | Die Suche geht weiter.");
    check_cut("Он сказал: «Да». Потом ушёл.", "Он сказал: «Да». | Потом ушёл.");
    check_cut("Он приехал в СССР. Там он жил.", "Он приехал в СССР. | Там он жил.");
    /* a long run of initials is one sentence (and is cut in linear time: each undone break
     * once rescanned the whole growing sentence, hours for a 16 MB document) */
    size_t reps = 300000, len = 3 * reps;
    char *ini = malloc(len + 1);
    for (size_t i = 0; ini && i < reps; i++)
        memcpy(ini + 3 * i, "A. ", 3);
    dm_span *sp = NULL;
    size_t n = 0;
    CHECK(ini && dm_segment(ctx, ini, len, &sp, &n) == DM_OK && n == 1);
    free(sp);
    free(ini);
    check_cut("Dr.\nSmith arrived.", "Dr. | Smith arrived.");
    dm_ctx_free(ctx);
    return check_done("test_segment_news");
}
