/*
 * panic.h: how the runtime dies, in Go's words.
 *
 *   rc_panic_msg   "panic: <msg>" + the running goroutine's stack, exit status 2
 *                  (Go's runtime errors: "send on closed channel", ...)
 *   rc_fatal       "fatal error: <msg>" + the running goroutine's stack (if any),
 *                  exit status 2 (Go's throw: "sync: unlock of unlocked mutex", ...)
 *   rc_fatal_all   "fatal error: <msg>" + every goroutine (deadlock), exit status 2
 *
 * Everything goes through rc_out (out.c), one sink for all runtime reports.
 */
#ifndef RC_PANIC_H
#define RC_PANIC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RC_EXIT_PANIC 2

__attribute__((noreturn, format(printf, 1, 2))) void rc_fatal(const char *fmt, ...);
__attribute__((noreturn)) void rc_panic_msg(const char *msg);
__attribute__((noreturn)) void rc_fatal_all(const char *msg);
void rc_dump_all_goroutines(void);

/* Report output: buffered, written to stderr with write(2) (never through stdio). */
void rc_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rc_out_flush(void);
void rc_write_all(int fd, const char *p, size_t n); /* write(2) until done or an error */
void rc_out_lock(void);     /* one report at a time */
bool rc_out_trylock(void);  /* for who must not wait forever (the hang watchdog) */
void rc_out_unlock(void);
/* While capturing (rc_out_lock held), rc_out also copies into dst (truncated at cap);
 * end returns the bytes copied. */
void   rc_out_capture_begin(char *dst, size_t cap);
size_t rc_out_capture_end(void);
/* A panic or fatal error was just printed (rc_out_lock held): the detector's "panic"
 * report of it (hooks.h), text = what was printed since capture_begin. pcs: the
 * goroutine's stack, n = 0 if none. */
void rc_panic_report(const char *msg, bool fatal, const uintptr_t *pcs, int n);
#define RC_PANIC_TEXT_MAX 16384
extern char rc_panic_text[RC_PANIC_TEXT_MAX];

/* Flushes the program's stdio buffers (so output printed before a fatal error is not
 * lost) and exits with status. */
__attribute__((noreturn)) void rc_die(int status);
bool rc_is_dying(void);     /* a panic or fatal error is being reported */
/* Claims the one fatal report for a caller that exits by itself (the hang watchdog):
 * false if another one is already being reported. */
bool rc_dying_begin(void);

#endif
