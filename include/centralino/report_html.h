/* The progress report for the people who commissioned the survey: one
 * self-contained HTML file (styles inline, charts drawn here as inline SVG,
 * no external request of any kind) that prints on A4.
 *
 * It holds, in the interface's language: the headline (submitted against
 * the denominator, late, days left, pace, projection, pace needed), the
 * cumulative submissions against the line to 100% at the deadline, one
 * stacked bar per regione with the same figures as `report progress
 * --format tsv` in a table beside it, the late respondents, the proroghe in
 * force and the day-by-day table. Every text from the database goes through
 * the output escaper (text_escape with TEXT_ESC_HTML). */
#ifndef CENTRALINO_REPORT_HTML_H
#define CENTRALINO_REPORT_HTML_H

struct cn_ctx;
struct cn_buf;

/* The whole document appended to out. Supervisore and up. */
int report_html_build(struct cn_ctx *ctx, const char *campaign_key, struct cn_buf *out);

/* report_html_build written to path (created 0600 or truncated; written to
 * a temporary file beside it and renamed, so a failed run leaves no half
 * file). CN_ECANTCREAT / CN_EIO with the path in the message. */
int report_html_write(struct cn_ctx *ctx, const char *campaign_key, const char *path);

#endif
