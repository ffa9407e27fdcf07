/*
 * duration.h: Go's time.ParseDuration, for durations >= 0 ("1h30m", "1.5s", "500ms",
 * "0"), shared by the runtime (RCRACE timeout=) and the racecheck command (--timeout).
 */
#ifndef RC_DURATION_H
#define RC_DURATION_H

#include <stdbool.h>

/* The duration s names, in nanoseconds; false if s is not one. */
bool rc_parse_duration(const char *s, double *ns);

#endif
