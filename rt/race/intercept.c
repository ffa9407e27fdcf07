/*
 * intercept.c: libc's memory and string functions, checked. The program's calls to
 * memcpy, strlen, strcpy, ... reach these definitions (this static library defines
 * the symbols, as malloc.c does for malloc), which check the bytes the function
 * really reads and writes as accesses at the caller's pc, so a report's top frame is
 * the program's call site, then call libc's implementation (found once with
 * dlsym(RTLD_NEXT)). Code the pass instruments turns most mem* calls into
 * __rc_memcpy & co (access.c) before they get here; these catch the rest: str*
 * functions, calls through pointers, code built without the pass.
 *
 * A call is checked only when a goroutine runs under the detector, the detector is
 * not at work (rc_rg.ignore), and the caller is the program's code: in the executable
 * (not a shared library, libc's internal calls to free included) and not the runtime
 * (its code is in the section rc_rt_text, see section.h). The runtime's own calls,
 * including ours to libc below and the detector's, go straight to libc, so nothing
 * recurses.
 *
 * Bytes read are those the function's result shows it must have read (strchr: up to
 * the match; strcmp: up to the first difference), as TSan counts them.
 */
#include "alloc.h"
#include "race.h"
#include "../diag/panic.h"

#include <dlfcn.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void rc_race_heap_remember(void *p, size_t n, uintptr_t pc);
rc_g *rc_intercept_checked(uintptr_t pc);

extern const char __start_rc_rt_text[] __attribute__((weak, visibility("hidden")));
extern const char __stop_rc_rt_text[] __attribute__((weak, visibility("hidden")));
extern const char __executable_start[], etext[];

/* The goroutine a libc call from pc is checked for, or NULL. Only calls from the
 * program's own code (the executable's, outside the runtime) are checked: a check can
 * yield (access.c preempts every so many events), which must never happen inside a
 * library that may hold a lock of its own, as libc does when fclose frees a buffer
 * or libunwind when it copies memory. */
rc_g *rc_intercept_checked(uintptr_t pc)
{
    if (pc < (uintptr_t)__executable_start || pc >= (uintptr_t)etext)
        return NULL;
    if (pc >= (uintptr_t)__start_rc_rt_text && pc < (uintptr_t)__stop_rc_rt_text)
        return NULL;
    rc_m *m = rc_tls_m;
    rc_g *g = m ? m->curg : NULL;
    rc_rg *rg = g ? g->race : NULL;
    if (!rg || rg->ignore > 0)
        return NULL;
    return g;
}

static inline void rd(rc_g *g, const void *p, size_t n, uintptr_t pc)
{
    rc_race_access_hook(g, p, n, false, pc);
}

static inline void wr(rc_g *g, const void *p, size_t n, uintptr_t pc)
{
    rc_race_access_hook(g, p, n, true, pc);
}

/* ---- libc's implementations ----------------------------------------------------- */

#define REAL_FUNCS(X)                                                                  \
    X(memcpy) X(memmove) X(memset) X(memcmp) X(bcmp) X(memchr) X(strlen) X(strnlen)    \
    X(strcpy) X(stpcpy) X(strncpy) X(strcat) X(strncat) X(strcmp) X(strncmp)          \
    X(strchr) X(strrchr) X(strstr) X(strspn) X(strcspn) X(strpbrk) X(strdup) X(strndup)

#define X(f) static __typeof__(f) *real_##f;
REAL_FUNCS(X)
#undef X

static __attribute__((noinline)) void *lookup(void **slot, const char *name)
{
    void *p = dlsym(RTLD_NEXT, name);
    if (!p) {
        static const char msg[] = "racecheck: cannot find libc's string functions\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(RC_EXIT_PANIC);
    }
    __atomic_store_n(slot, p, __ATOMIC_RELAXED);
    return p;
}

/* libc's f; resolved on first use (a constructor could run after the program's) */
#define REAL(f)                                                                        \
    ((__typeof__(&f))({                                                                \
        void *p_ = __atomic_load_n((void **)&real_##f, __ATOMIC_RELAXED);              \
        __builtin_expect(p_ != NULL, 1) ? p_ : lookup((void **)&real_##f, #f);         \
    }))

void *rc_libc_memset(void *d, int c, size_t n) { return REAL(memset)(d, c, n); }
void *rc_libc_memcpy(void *d, const void *s, size_t n) { return REAL(memcpy)(d, s, n); }

/* The length of the common prefix of a and b plus one (the first differing or, for
 * strings, terminating byte), at most n: the bytes a comparison reads. */
static size_t compared(const unsigned char *a, const unsigned char *b, size_t n, bool str)
{
    size_t i = 0;
    while (i < n && a[i] == b[i] && !(str && a[i] == 0))
        i++;
    return i < n ? i + 1 : n;
}

/* ---- memory --------------------------------------------------------------------- */

void *memcpy(void *d, const void *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        rd(g, s, n, pc);
        wr(g, d, n, pc);
    }
    return REAL(memcpy)(d, s, n);
}

void *memmove(void *d, const void *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        rd(g, s, n, pc);
        wr(g, d, n, pc);
    }
    return REAL(memmove)(d, s, n);
}

void *memset(void *d, int c, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        wr(g, d, n, pc);
    return REAL(memset)(d, c, n);
}

/* memcmp and bcmp read the bytes up to the first difference on both sides. */
static void check_compared(const void *a, const void *b, size_t n, uintptr_t pc)
{
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t k = compared(a, b, n, false);
        rd(g, a, k, pc);
        rd(g, b, k, pc);
    }
}

int memcmp(const void *a, const void *b, size_t n)
{
    check_compared(a, b, n, RC_CALLER_PC());
    return REAL(memcmp)(a, b, n);
}

int bcmp(const void *a, const void *b, size_t n)
{
    check_compared(a, b, n, RC_CALLER_PC());
    return REAL(bcmp)(a, b, n);
}

void *memchr(const void *s, int c, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    void *r = REAL(memchr)(s, c, n);
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        rd(g, s, r ? (size_t)((const char *)r - (const char *)s) + 1 : n, pc);
    return r;
}

/* ---- strings: reading ----------------------------------------------------------- */

size_t strlen(const char *s)
{
    uintptr_t pc = RC_CALLER_PC();
    size_t r = REAL(strlen)(s);
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        rd(g, s, r + 1, pc);
    return r;
}

size_t strnlen(const char *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    size_t r = REAL(strnlen)(s, n);
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        rd(g, s, r < n ? r + 1 : n, pc);
    return r;
}

int strcmp(const char *a, const char *b)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t k = compared((const unsigned char *)a, (const unsigned char *)b, SIZE_MAX, true);
        rd(g, a, k, pc);
        rd(g, b, k, pc);
    }
    return REAL(strcmp)(a, b);
}

int strncmp(const char *a, const char *b, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t k = compared((const unsigned char *)a, (const unsigned char *)b, n, true);
        rd(g, a, k, pc);
        rd(g, b, k, pc);
    }
    return REAL(strncmp)(a, b, n);
}

char *strchr(const char *s, int c)
{
    uintptr_t pc = RC_CALLER_PC();
    char *r = REAL(strchr)(s, c);
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        rd(g, s, r ? (size_t)(r - s) + 1 : REAL(strlen)(s) + 1, pc);
    return r;
}

char *strrchr(const char *s, int c)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g)
        rd(g, s, REAL(strlen)(s) + 1, pc);
    return REAL(strrchr)(s, c);
}

char *strstr(const char *h, const char *nd)
{
    uintptr_t pc = RC_CALLER_PC();
    char *r = REAL(strstr)(h, nd);
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t nl = REAL(strlen)(nd);
        rd(g, nd, nl + 1, pc);
        rd(g, h, r ? (size_t)(r - h) + nl : REAL(strlen)(h) + 1, pc);
    }
    return r;
}

size_t strspn(const char *s, const char *accept)
{
    uintptr_t pc = RC_CALLER_PC();
    size_t r = REAL(strspn)(s, accept);
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        rd(g, s, r + 1, pc);
        rd(g, accept, REAL(strlen)(accept) + 1, pc);
    }
    return r;
}

size_t strcspn(const char *s, const char *reject)
{
    uintptr_t pc = RC_CALLER_PC();
    size_t r = REAL(strcspn)(s, reject);
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        rd(g, s, r + 1, pc);
        rd(g, reject, REAL(strlen)(reject) + 1, pc);
    }
    return r;
}

char *strpbrk(const char *s, const char *accept)
{
    uintptr_t pc = RC_CALLER_PC();
    char *r = REAL(strpbrk)(s, accept);
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        rd(g, s, r ? (size_t)(r - s) + 1 : REAL(strlen)(s) + 1, pc);
        rd(g, accept, REAL(strlen)(accept) + 1, pc);
    }
    return r;
}

/* ---- strings: writing ----------------------------------------------------------- */

char *strcpy(char *d, const char *s)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t n = REAL(strlen)(s) + 1;
        rd(g, s, n, pc);
        wr(g, d, n, pc);
    }
    return REAL(strcpy)(d, s);
}

char *stpcpy(char *d, const char *s)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t n = REAL(strlen)(s) + 1;
        rd(g, s, n, pc);
        wr(g, d, n, pc);
    }
    return REAL(stpcpy)(d, s);
}

char *strncpy(char *d, const char *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t m = REAL(strnlen)(s, n);
        rd(g, s, m < n ? m + 1 : n, pc);
        wr(g, d, n, pc); /* the rest is padded with zeros */
    }
    return REAL(strncpy)(d, s, n);
}

char *strcat(char *d, const char *s)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t dl = REAL(strlen)(d), sl = REAL(strlen)(s);
        rd(g, d, dl + 1, pc);
        rd(g, s, sl + 1, pc);
        wr(g, d + dl, sl + 1, pc);
    }
    return REAL(strcat)(d, s);
}

char *strncat(char *d, const char *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (g) {
        size_t dl = REAL(strlen)(d), m = REAL(strnlen)(s, n);
        rd(g, d, dl + 1, pc);
        rd(g, s, m < n ? m + 1 : n, pc);
        wr(g, d + dl, m + 1, pc);
    }
    return REAL(strncat)(d, s, n);
}

/* Copies are allocated here, not by libc's strdup calling malloc, so the block's
 * allocation stack starts at the program's call. */
char *strdup(const char *s)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (!g)
        return REAL(strdup)(s);
    size_t n = REAL(strlen)(s) + 1;
    rd(g, s, n, pc);
    char *p = __libc_malloc(n);
    if (p) {
        rc_race_heap_remember(p, n, pc);
        REAL(memcpy)(p, s, n);
    }
    return p;
}

char *strndup(const char *s, size_t n)
{
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g = rc_intercept_checked(pc);
    if (!g)
        return REAL(strndup)(s, n);
    size_t m = REAL(strnlen)(s, n);
    rd(g, s, m < n ? m + 1 : n, pc);
    char *p = __libc_malloc(m + 1);
    if (p) {
        rc_race_heap_remember(p, m + 1, pc);
        REAL(memcpy)(p, s, m);
        p[m] = 0;
    }
    return p;
}
