// Double-checked locking: get_config() reads a plain `initialized` flag outside the lock
// and takes the lock only to initialise. A goroutine that sees the flag set skips the
// lock, so nothing orders the initialiser's writes (flag and config) before its reads.
// The relaxed `turn` (orders nothing) makes goroutine 2 initialise first and goroutine 3
// take the fast path, so the reports always have the same shape: the flag and the
// config, each read by goroutine 3 against goroutine 2's write under the mutex.
// Verdict: RACE (two reports).
// EXIT: 66
// STDOUT: port=8080 8080
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: get_config()
// STDERR: {{FILE}}:{{LINE:check}}
// STDERR: Previous write at 0x
// STDERR: get_config()
// STDERR: {{FILE}}:{{LINE:setflag}}
// STDERR: Location is global 'initialized'
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: get_config()
// STDERR: {{FILE}}:{{LINE:use}}
// STDERR: Previous write at 0x
// STDERR: load_config()
// STDERR: {{FILE}}:{{LINE:load}}
// STDERR: get_config()
// STDERR: Location is global 'config'
// STDERR: Found 2 data race(s)
// STDERR-COUNT: 2 WARNING:
// STDERR-COUNT: 2 by goroutine 3:
// STDERR-COUNT: 2 by goroutine 2 (mutexes: write M
#include <racecheck.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct { int port; char host[16]; } config_t;

/* Each in its own 8-byte word: the detector's shadow cells are per word, and the
 * atomics of `turn` next to `initialized` could evict the record of the flag's write
 * (tests/race/pending/dcl_flag_evicted.c). */
static rc_mutex mu;
static _Alignas(8) bool initialized;
static _Alignas(8) config_t config;
static _Alignas(8) atomic_int turn;     /* relaxed: orders nothing */
static _Alignas(8) int ports[2];
static rc_waitgroup wg;

static __attribute__((noinline)) void load_config(config_t *c)
{
    c->port = 8080; // @load
    snprintf(c->host, sizeof c->host, "localhost");
}

static __attribute__((noinline)) int get_config(void)
{
    if (!initialized) { // @check
        rc_mutex_lock(&mu);
        if (!initialized) {
            load_config(&config);
            initialized = true; // @setflag
        }
        rc_mutex_unlock(&mu);
    }
    return config.port; // @use
}

static void user(void *arg)
{
    int id = *(int *)arg;
    while (atomic_load_explicit(&turn, memory_order_relaxed) != id)
        rc_yield();
    ports[id] = get_config();
    atomic_store_explicit(&turn, id + 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 2; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(user, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    printf("port=%d %d\n", ports[0], ports[1]);
    return 0;
}
