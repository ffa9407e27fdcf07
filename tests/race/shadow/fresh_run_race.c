/* A range write of fresh memory (a new heap block) is stored four words at a time
 * (rt/race/access.c check_words): every word of it is still recorded, with its
 * stack. A goroutine memsets a new 256-byte block, then main reads two of its words,
 * one inside a run and the last one, unordered with the write (a relaxed flag
 * sequences them): two races, each with the memset as the previous write. */
// EXIT: 66
// STDERR-COUNT: 2 WARNING: DATA RACE
// STDERR-COUNT: 2 Previous write at
// STDERR-COUNT: 2 {{FILE}}:{{LINE:memset}}
// STDERR-ANY: {{FILE}}:{{LINE:mid}}
// STDERR-ANY: {{FILE}}:{{LINE:last}}
// STDERR: Found 2 data race(s)
#include <racecheck.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 32

long *block; /* not static: the stores must stay */
static atomic_int written; /* relaxed: orders nothing */
static volatile size_t len = WORDS * sizeof(long);
static volatile long sink;

static void writer(void *arg)
{
    (void)arg;
    memset(block, 1, len); // @memset
    atomic_store_explicit(&written, 1, memory_order_relaxed);
}

int main(void)
{
    block = malloc(WORDS * sizeof(long));
    rc_go(writer, NULL);
    while (atomic_load_explicit(&written, memory_order_relaxed) == 0)
        rc_yield();
    sink = block[13]; // @mid
    sink = block[WORDS - 1]; // @last
    return 0; /* (a free here would be a third race: it writes the block) */
}
