/*
 * html_out.c -- HTML escaping and text direction (see html_out.h).
 */
#include "serve/html_out.h"
#include "text/text.h"

int dm_html_escape(dm_buf *b, const char *s, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        if (dm_buf_add(b, s + from, i - from) || dm_buf_adds(b, rep))
            return -1;
        from = i + 1;
    }
    return dm_buf_add(b, s + from, len - from);
}

const char *dm_text_dir(const char *s, size_t len)
{
    int sc = dm_dominant_script(s, len);
    return sc == DM_SCRIPT_ARABIC || sc == DM_SCRIPT_HEBREW || sc == DM_SCRIPT_THAANA ? "rtl" : "ltr";
}
