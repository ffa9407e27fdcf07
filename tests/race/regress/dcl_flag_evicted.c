// Regression (false negative by shadow eviction): double-checked locking, where
// goroutine 3 reads the plain `initialized` flag (unlocked) after goroutine 2 wrote it
// under the mutex. `initialized` shares its 8-byte word with the atomic `turn`:
// goroutine 2 fills all 4 shadow cells of that word (atomic read of turn, read and
// write of initialized, atomic write of turn), and goroutine 3's atomic load of turn
// must evict one. Evicting by epoch alone dropped the write of `initialized`, hiding
// the race; check_word now evicts the weakest cell (an atomic read) first.
// Verdict: RACE (two reports).
// On one P: the test is about which cell the eviction picks, and at two Ps goroutine
// 3's spin stores its atomic reads into the same word while goroutine 2 fills it, two
// records replaced at the same instant can lose one (docs/REPORTS.md), and the race
// went unreported about once in 20 full runs of the race tests.
// ENV: RCMAXPROCS=1
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

static rc_mutex mu;
static bool initialized;
static config_t config;
static atomic_int turn;     /* relaxed: orders nothing */
static int ports[2];
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
