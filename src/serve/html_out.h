/*
 * html_out.h -- writing HTML safely: escaping, and the direction of a text (right-to-left for
 * Arabic, Hebrew, Thaana and Syriac scripts). Used by the web viewer and the HTML reports.
 */
#ifndef DM_SERVE_HTML_OUT_H
#define DM_SERVE_HTML_OUT_H

#include "util/buf.h"

#include <stddef.h>

/* Append text with & < > " ' escaped. */
int dm_html_escape(dm_buf *b, const char *s, size_t len);
/* "rtl" when most letters of the text are in a right-to-left script, else "ltr". */
const char *dm_text_dir(const char *s, size_t len);

#endif
