/* Lock and Unlock each read the mutex word (a plain write to a Mutex in use races with
 * them); the Unlock's read is checked only if a release came since the Lock's
 * (rt/race/race.c h_mutex_unlock). Here one did: goroutine 2 locks mu, sends on c
 * (a release), and goroutine 3, which received, writes mu's word (the value it holds,
 * so the Mutex still works) while goroutine 2 still holds it. That write is ordered
 * after the Lock's read but not before the Unlock's: the race is the Unlock's.
 * (Missed if the Unlock's read is skipped whenever its Lock's was made.) */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: holder()
// STDERR: {{FILE}}:{{LINE:unlock}}
// STDERR: Previous write at 0x
// STDERR: scribbler()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>
#include <stdatomic.h>
#include <stdint.h>

rc_mutex mu;
int32_t *word = (int32_t *)&mu; /* the Mutex's state word, as plain memory */
static rc_chan *c;
static atomic_int step; /* relaxed: orders nothing */

static void holder(void *arg) /* goroutine 2 */
{
    (void)arg;
    rc_mutex_lock(&mu);
    rc_chan_send(c, &(int){ 1 });
    while (atomic_load_explicit(&step, memory_order_relaxed) != 1)
        rc_yield();
    rc_mutex_unlock(&mu); // @unlock
    atomic_store_explicit(&step, 2, memory_order_relaxed);
}

static void scribbler(void *arg) /* goroutine 3 */
{
    (void)arg;
    rc_chan_recv(c, NULL);
    int32_t v = *word;
    *word = v | 1; // @write
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_go(holder, NULL);
    rc_go(scribbler, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) != 2)
        rc_yield();
    return 0;
}
