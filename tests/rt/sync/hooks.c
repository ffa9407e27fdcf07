// Detector hooks: each primitive reports the documented events (hooks.h), in order,
// on the right objects. A counting "detector" records what main does.
// STDOUT: mutex: mutex_lock(m,try=0) mutex_unlock(m)
// STDOUT: trylock: mutex_lock(m,try=1) mutex_unlock(m)
// STDOUT: rlock: acquire(rw) locked(rw,w=0,try=0) unlocked(rw,w=0) release_merge(rw.readers)
// STDOUT: lock: acquire(rw) acquire(rw.readers) locked(rw,w=1,try=0) unlocked(rw,w=1) release(rw)
// STDOUT: tryrlock: acquire(rw) locked(rw,w=0,try=1) unlocked(rw,w=0) release_merge(rw.readers)
// STDOUT: waitgroup: release_merge(wg) acquire(wg)
// STDOUT: once: release(o) acquire(o) acquire(o)
// STDOUT: cond: release(c) release(c)
// STDOUT: cond wait: mutex_unlock(m) acquire(c) mutex_lock(m,try=0)
#include <racecheck.h>
#include "../../../rt/hooks.h"
#include <stdio.h>
#include <string.h>

static rc_mutex m;
static rc_rwmutex rw;
static rc_waitgroup wg;
static rc_once o;
static rc_cond c = RC_COND_INIT(&m);
static char line[512];

static const char *name(const void *obj)
{
    if (obj == &m) return "m";
    if (obj == &rw) return "rw";
    if (obj == &rw.writer_sem) return "rw.readers";
    if (obj == &wg) return "wg";
    if (obj == &o) return "o";
    if (obj == &c) return "c";
    return NULL;
}

static void ev(const char *what, const void *obj)
{
    const char *n = name(obj);
    if (n && rc_goid() == 1)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %s(%s)", what, n);
}

static void h_acquire(rc_g *g, const void *obj) { ev("acquire", obj); }
static void h_release(rc_g *g, const void *obj) { ev("release", obj); }
static void h_release_merge(rc_g *g, const void *obj) { ev("release_merge", obj); }
static void h_locked(rc_g *g, const void *obj, bool w, bool t, uintptr_t pc)
{
    char what[32];
    snprintf(what, sizeof what, "locked(%s,w=%d,try=%d)", name(obj), w, t);
    if (name(obj) && rc_goid() == 1)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %s", what);
}
static void h_unlocked(rc_g *g, const void *obj, bool w)
{
    char what[32];
    snprintf(what, sizeof what, "unlocked(%s,w=%d)", name(obj), w);
    if (name(obj) && rc_goid() == 1)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %s", what);
}

static void h_mutex_lock(rc_g *g, const void *obj, bool t, uintptr_t pc)
{
    char what[32];
    snprintf(what, sizeof what, "mutex_lock(%s,try=%d)", name(obj), t);
    if (name(obj) && rc_goid() == 1)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %s", what);
}
static void h_mutex_unlock(rc_g *g, const void *obj, uintptr_t pc) { ev("mutex_unlock", obj); }

static const rc_hooks hooks = {
    .acquire = h_acquire, .release = h_release, .release_merge = h_release_merge,
    .mutex_locked = h_locked, .mutex_unlocked = h_unlocked,
    .mutex_lock = h_mutex_lock, .mutex_unlock = h_mutex_unlock,
};

static void report(const char *what)
{
    printf("%s:%s\n", what, line);
    line[0] = 0;
}

static void nop(void *arg) {}

static void signaller(void *arg)
{
    rc_mutex_lock(&m);
    rc_cond_signal(&c);
    rc_mutex_unlock(&m);
}

int main(void)
{
    rc_hooks_active = &hooks;
    rc_mutex_lock(&m);
    rc_mutex_unlock(&m);
    report("mutex");
    rc_mutex_trylock(&m);
    rc_mutex_unlock(&m);
    report("trylock");
    rc_rwmutex_rlock(&rw);
    rc_rwmutex_runlock(&rw);
    report("rlock");
    rc_rwmutex_lock(&rw);
    rc_rwmutex_unlock(&rw);
    report("lock");
    rc_rwmutex_tryrlock(&rw);
    rc_rwmutex_runlock(&rw);
    report("tryrlock");
    rc_waitgroup_add(&wg, 1);
    rc_waitgroup_done(&wg);
    rc_waitgroup_wait(&wg);
    report("waitgroup");
    rc_once_do(&o, nop, NULL);
    rc_once_do(&o, nop, NULL);
    report("once");
    rc_cond_signal(&c);
    rc_cond_broadcast(&c);
    report("cond");
    rc_mutex_lock(&m);
    rc_go(signaller, NULL);
    line[0] = 0;
    rc_cond_wait(&c);
    report("cond wait");
    rc_mutex_unlock(&m);
    rc_hooks_active = NULL;
    return 0;
}
