/*
 * emit.h: how a report kind writes itself (emit.c owns the output: target file,
 * buffering, the ================== frame, JSON's common members).
 *
 * A kind is an rc_emitter: its JSON "kind" name, a stable fingerprint ("key"), its
 * text (from "WARNING: ..." on, written with the helpers below) and its own JSON
 * members. rc_emit writes one report in the current format:
 *   text:  ==================\n <text> ==================\n
 *   json:  {"schema","kind","pid","key", <members>, "text": <the text report>}\n
 * Callers hold rc_out_lock and pass data that is already collected and symbolized
 * (report.h); the helpers are only valid inside an rc_emitter callback.
 */
#ifndef RC_RACE_EMIT_H
#define RC_RACE_EMIT_H

#include "report.h"
#include "../diag/json.h"

typedef struct rc_emitter {
    const char *kind;                                   /* "data-race", ... */
    void (*key)(const void *d, char *buf, size_t n);    /* "<kind>:<sites>" */
    void (*text)(const void *d);
    void (*json)(rc_json *j, const void *d);
} rc_emitter;

void rc_emit(const rc_emitter *e, const void *d);

/* Text: printf-style output; a stack as "  func()\n      file:line +0xoff" lines. */
__attribute__((format(printf, 1, 2))) void rc_emit_out(const char *fmt, ...);
void rc_emit_text_stack(const rc_rstack *s);
/* "main goroutine", "goroutine 7", "unknown goroutine". */
void rc_emit_goroutine_name(const rc_rgoroutine *g, char *b, size_t n);
/* JSON: a stack as an array of frames, a goroutine as an object (docs/REPORTS.md). */
void rc_emit_json_stack(rc_json *j, const char *key, const rc_rstack *s);
void rc_emit_json_goroutine(rc_json *j, const char *key, const rc_rgoroutine *g, bool state);
/* "Goroutine 7 (running) created at:" + stack, for each; "Mutex M1 is global 'mu' at
 * 0x..." for each mutex (M<index+1>); and their JSON arrays. state NULL: running or
 * finished, from the goroutine; "": not said. */
void rc_emit_text_created(const rc_rcreated *c, int n, const char *state);
void rc_emit_text_mutexes(const rc_rmutex_info *m, int n);
void rc_emit_json_created(rc_json *j, const rc_rcreated *c, int n, const char *state);
void rc_emit_json_mutexes(rc_json *j, const rc_rmutex_info *m, int n);
/* The innermost frame as "file:line" ("?" if unknown): the stable part of keys. */
void rc_emit_site(const rc_rstack *s, char *b, size_t n);
/* "<kind>:<site>|<site>...": the sites of stacks[0..count), sorted, so the key is the
 * same whichever of them the detector met first. count <= RC_RCYCLE. */
void rc_emit_sites_key(char *key, size_t n, const char *kind, const rc_rstack *const *stacks,
                       int count);

#endif
