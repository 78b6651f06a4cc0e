// cld2_shim.cc -- a C entry point to Debian's libcld2 (a C++ library), for the langid benchmark
// only: the library never links CLD2.
#include <cstdio> // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cld2/internal/lang_script.h>

extern "C" const char *bench_cld2_detect(const char *text, int len, int *reliable);

extern "C" const char *bench_cld2_detect(const char *text, int len, int *reliable)
{
    bool ok = false;
    CLD2::Language lang = CLD2::DetectLanguage(text, len, true, &ok);
    *reliable = ok;
    if (lang == CLD2::UNKNOWN_LANGUAGE)
        return "und";
    return CLD2::LanguageCode(lang);
}
