/* sijian.h - the library's face: what the command line (src/cli) and the
 * tests include. A plan is read into the document model (parse.h,
 * extract.h), aligned with its parent (align.h), checked (check.h) into
 * findings (findings.h) and rendered (render.h); a scan (scan.h) does so
 * for every plan under a folder.
 *
 * job.h is the one place where those stages are chained: the command line
 * and the scan both use it. */
#ifndef SJ_SIJIAN_H
#define SJ_SIJIAN_H

#include <stdio.h>

#include "align.h"
#include "baseline.h"
#include "check.h"
#include "doc.h"
#include "extract.h"
#include "findings.h"
#include "job.h"
#include "parse.h"
#include "pipeline.h"
#include "render.h"
#include "rules.h"
#include "scan.h"

#endif
