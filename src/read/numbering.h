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

typedef struct rd_numbering rd_numbering;

rd_numbering *rd_numbering_new(xmlDoc *numbering_xml, const sj_read_rules *rules);
/* appends the label of the next paragraph of (numId, ilvl) and advances the
 * counters; nothing for an unknown numId or numId 0 */
void rd_numbering_label(rd_numbering *nb, int numId, int ilvl, sj_buf *out);
void rd_numbering_free(rd_numbering *nb);

#endif
