/* out.c: the runtime's report sink (see panic.h). A static buffer, so reporting works
 * with a corrupt heap and inside a signal handler. */
#include "panic.h"
#include "../core/spin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char buf[8192];
static size_t used;
static _Atomic uint32_t lock;

/* A copy of what is written, for a fatal report's JSON twin (panic.c); lock held. */
static char *capture;
static size_t capture_cap, capture_used;

void rc_out_capture_begin(char *dst, size_t cap)
{
    capture = dst;
    capture_cap = cap;
    capture_used = 0;
}

size_t rc_out_capture_end(void)
{
    capture = NULL;
    return capture_used;
}

void rc_write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

void rc_out_flush(void)
{
    rc_write_all(2, buf, used);
    used = 0;
}

void rc_out(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof line)
        n = sizeof line - 1;
    if (used + (size_t)n > sizeof buf)
        rc_out_flush();
    for (int i = 0; i < n; i++)
        buf[used++] = line[i];
    for (int i = 0; capture && i < n && capture_used < capture_cap; i++)
        capture[capture_used++] = line[i];
}

void rc_out_lock(void)   { rc_spin_lock(&lock); }
bool rc_out_trylock(void) { return !atomic_exchange_explicit(&lock, 1, memory_order_acquire); }
void rc_out_unlock(void) { rc_out_flush(); rc_spin_unlock(&lock); }

void rc_die(int status)
{
    rc_out_flush();
    exit(status);
}
