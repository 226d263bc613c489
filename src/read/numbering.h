/* numbering.h - Word's automatic numbering (word/numbering.xml) rendered
 * as the reader sees it: 一、 （一） 1. ① ...
 *
 * Promises: counters are kept per abstract list and level, as Word does
 * (two numIds of one abstractNum continue one list); a num's
 * lvlOverride/startOverride restarts its level the first time the numId is
 * used; a list using a list style (numStyleLink) takes the levels of the
 * list defining it (styleLink); using a level restarts the deeper ones (w:lvlRestart honoured,
 * 0 = never). lvlText's %1..%9 take each level's own numFmt: decimal,
 * decimalZero, decimalFullWidth, decimalEnclosedCircle(/Chinese),
 * decimalEnclosedParen, decimalEnclosedFullstop, chineseCounting,
 * chineseCountingThousand, chineseLegalSimplified (as counting),
 * japaneseCounting, taiwaneseCounting, ideographTraditional, ideographZodiac,
 * lower/upperLetter, lower/upperRoman, bullet, none; anything else decimal.
 * The numerals come from read.rules. w:suff tab or space gives one space.
 */
#ifndef SJ_READ_NUMBERING_H
#define SJ_READ_NUMBERING_H

#include "read_int.h"

typedef enum {
    F_DECIMAL, F_DECIMAL_ZERO, F_FULLWIDTH, F_CIRCLE, F_PAREN, F_FULLSTOP, F_CHINESE,
    F_TIANGAN, F_DIZHI, F_LOWER_LETTER, F_UPPER_LETTER, F_LOWER_ROMAN, F_UPPER_ROMAN,
    F_BULLET, F_NONE
} rd_numfmt;

/* appends n written in format f (numbers out of a format's range: decimal) */
void rd_number_format(const sj_read_rules *rules, rd_numfmt f, int n, sj_buf *out);

typedef struct rd_numbering rd_numbering;

rd_numbering *rd_numbering_new(xmlDoc *numbering_xml, const sj_read_rules *rules);
/* appends the label of the next paragraph of (numId, ilvl) and advances the
 * counters; nothing for an unknown numId or numId 0 */
void rd_numbering_label(rd_numbering *nb, int numId, int ilvl, sj_buf *out);
void rd_numbering_free(rd_numbering *nb);


/* --- odf_numbering.c: OpenDocument list and outline numbering ---------
 * List styles (text:list-style, from content.xml and styles.xml) and the
 * outline style (text:outline-style) rendered as text: num-prefix, the
 * display-levels numbers joined by ".", num-suffix. num-format "1 a A i I"
 * and the CJK formats LibreOffice writes ("一, 二, 三, ...", 甲, 子, ①,
 * fullwidth), recognized by their first character against read.rules.
 * Counters per list style and level; a top-level text:list restarts its
 * style unless text:continue-numbering="true" or text:continue-list; an
 * item's text:start-value sets its number; numbering a level restarts the
 * deeper ones. Bullets and headers (text:list-header) get no label; a
 * paragraph carrying its own text:number keeps it and gets none. */
typedef struct rd_odf_lists rd_odf_lists;

rd_odf_lists *rd_odf_lists_new(const sj_read_rules *rules);
void rd_odf_lists_add(rd_odf_lists *l, xmlDoc *d); /* styles of one part */
void rd_odf_list_enter(rd_odf_lists *l, xmlNode *list);   /* on each text:list */
void rd_odf_label(rd_odf_lists *l, xmlNode *p, sj_buf *out); /* text:p / text:h */
void rd_odf_lists_free(rd_odf_lists *l);

#endif
