// R3: a string cache {table; ttl} with Get/Put and no lock. A goroutine Puts while the
// main goroutine Gets. The relaxed `step` flag only fixes the interleaving (Put first)
// so the report's roles are known; relaxed atomics order nothing, so the race stays.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: cache_get()
// STDERR: {{FILE}}:{{LINE:get}}
// STDERR: Previous write at 0x
// STDERR: cache_put()
// STDERR: {{FILE}}:{{LINE:put}}
// STDERR: Goroutine 2 (finished) created at:
// STDERR: {{FILE}}:{{LINE:go}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NSLOTS 16

typedef struct entry {
    const char *key;
    int         value;
    int64_t     expires;
} entry;

typedef struct cache {
    entry       slots[NSLOTS]; /* open addressing, no deletion */
    rc_duration ttl;
} cache;

static cache c = { .ttl = RC_SECOND };
static atomic_int step; /* relaxed: orders nothing */

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h % NSLOTS;
}

static __attribute__((noinline)) void cache_put(cache *cc, const char *key, int value)
{
    unsigned h = hash(key);
    while (cc->slots[h].key && strcmp(cc->slots[h].key, key) != 0)
        h = (h + 1) % NSLOTS;
    cc->slots[h] = (entry){ key, value, rc_now() + cc->ttl }; // @put
}

static __attribute__((noinline)) bool cache_get(cache *cc, const char *key, int *value)
{
    for (unsigned h = hash(key), n = 0; n < NSLOTS; h = (h + 1) % NSLOTS, n++) {
        entry e = cc->slots[h]; // @get
        if (!e.key)
            return false;
        if (strcmp(e.key, key) == 0 && e.expires > rc_now()) {
            *value = e.value;
            return true;
        }
    }
    return false;
}

static void putter(void *arg)
{
    (void)arg;
    cache_put(&c, "alpha", 1);
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(putter, NULL); // @go
    while (atomic_load_explicit(&step, memory_order_relaxed) < 1)
        rc_yield();
    int v = 0;
    bool ok = cache_get(&c, "alpha", &v);
    printf("ok=%d v=%d\n", ok, v);
    return 0;
}
