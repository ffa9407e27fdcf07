/*
 * env.h: the runtime's settings, read once from the environment at start-up.
 *   RCMAXPROCS=N                         processors (default: CPUs)
 *   RCDEBUG=seed=N,stacksize=BYTES,mutexbias=0|1,chanbias=0|1   see racecheck.h
 *   RCSCHED=S                            controlled scheduling with seed S (decimal or
 *                                        0x hex; docs/EXPLORE.md): one P, and S
 *                                        replaces RCDEBUG's seed
 * A malformed value is a fatal error naming the variable, not a silent default.
 */
#ifndef RC_ENV_H
#define RC_ENV_H

#include <stddef.h>
#include <stdint.h>

typedef struct rc_env_t {
    int      maxprocs;
    int      ncpu;
    size_t   stacksize;
    uint64_t seed;
    int      seed_set;
    uint64_t sched_seed;    /* RCSCHED */
    int      sched_set;
    int      nomutexbias;   /* RCDEBUG mutexbias=0 */
    int      nochanbias;    /* RCDEBUG chanbias=0 */
} rc_env_t;

extern rc_env_t rc_env;

void rc_env_init(void);

#endif
