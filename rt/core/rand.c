/* rand.c: seeding of the runtime's random source (see rand.h). */
#include "rand.h"
#include "env.h"

#include <time.h>

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t rc_rand_seed(void)
{
    static uint64_t seed;
    static int ready;
    if (!ready) {
        if (!rc_env.seed_set) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            rc_env.seed = mix((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32));
        }
        seed = rc_env.seed;
        ready = 1;
    }
    return seed;
}

void rc_rand_init(rc_rand *r, uint64_t stream)
{
    r->s = mix(rc_rand_seed() + mix(stream + 1));
}
