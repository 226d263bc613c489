/* normalize.h - decoded UTF-8 in, normalized UTF-8 out, with a map back.
 *
 * What it does, line by line:
 *  - Unicode NFKC per grapheme cluster (utf8proc): full-width digits,
 *    letters, % ( ) , ; : become ASCII; ideographic spaces become spaces;
 *  - markdown: heading marks (#) and bold marks (**) are removed; a pipe
 *    table row becomes a tab-separated row; its |---| rule line is dropped;
 *  - leading and trailing white space is removed, spaces next to CJK
 *    characters are removed (到 2020 年 -> 到2020年), tabs between cells
 *    are kept (runs collapse to one tab, a leading empty cell keeps one);
 *  - dashes between digits (2021—2023, 2021–2023, 2021－2023), or after a
 *    [range_dash] character (2021年—2023年), become '-';
 *  - page-number lines ([page_number] rules: — 3 —, - 12 -, 第3页) are
 *    dropped;
 *  - a prose line broken by a page break (a long line not ending in
 *    sentence punctuation, then blank lines, then a line that is not a
 *    heading (a [heading] rule matches its start) or table row) is joined to its continuation, up to 16 KB
 *    of joined text (text where every line looks broken stays in
 *    paragraphs of bounded size).
 * Output lines are separated by '\n'; blank lines stay (one per original
 * blank line or dropped line) except those swallowed by a join.
 *
 * The map (types and queries in the model, text.h): sj_norm_pos() turns
 * any byte offset in the normalized text into the original 1-based line
 * and column (columns count characters), and sj_norm_src(), while the
 * decoded text is held, into a byte offset in the decoded text.
 */
#ifndef SJ_NORMALIZE_H
#define SJ_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "text.h"

/* src must stay alive as long as the sj_norm is used. rs and m give the
 * [heading] rules (a heading is never joined to the line before it); with
 * rs NULL no line counts as a heading. */
void sj_normalize(const char *src, size_t len, const sj_ruleset *rs,
                  sj_matcher *m, sj_norm *out);
/* The same, for a caller that frees src once it is normalized (out->src
 * is then to be set NULL): src is read once from the front, and the pages
 * behind the line being read are given back as it goes (sj_mem_release),
 * so that a long text and its normalized copy are not both resident. src
 * must not be read after this. */
void sj_normalize_consuming(char *src, size_t len, const sj_ruleset *rs,
                            sj_matcher *m, sj_norm *out);

#endif
