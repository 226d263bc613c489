/* trigger.h - the trigger and rest of a rule (trigger.c), made by the
 * loader once a rule's pattern is expanded; the matcher uses them to skip
 * subjects where the rule cannot match. */
#ifndef SJ_TRIGGER_H
#define SJ_TRIGGER_H

#include "rules.h"

/* Sets r->trigger (or leaves it NULL) from r->pattern. */
void sj_rule_make_trigger(sj_rule *r);
/* Sets r->rest and the lead words (or leaves them unset) from r->pattern. */
void sj_rule_make_rest(sj_rule *r);

#endif
