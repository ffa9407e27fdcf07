/* A read must not replace, in shadow, a write it is ordered after: main writes x, then
 * starts B, which reads x at once (ordered after the write); C, started before the
 * write, reads x 50 ms later and is not ordered after it. If B's read had been stored
 * over main's write, C would never see the write (found by porting TestRaceRange). */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: late_reader()
// STDERR: Previous write at
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:write}}
#include <racecheck.h>
typedef struct { int64_t x; rc_chan *done; } env;
static void late_reader(void *arg)   /* C: not ordered after main's write */
{
    env *e = arg;
    rc_sleep(50 * RC_MILLISECOND);
    volatile int64_t r = e->x;
    (void)r;
    rc_chan_send(e->done, &(bool){true});
}
static void ordered_reader(void *arg) /* B: created after the write, so ordered after it */
{
    env *e = arg;
    volatile int64_t r = e->x;
    (void)r;
    rc_chan_send(e->done, &(bool){true});
}
int main(void)
{
    env e = { 0, rc_chan_make(sizeof(bool), 2) };
    rc_go(late_reader, &e);
    e.x = 1; // @write
    rc_go(ordered_reader, &e);
    rc_chan_recv(e.done, NULL);
    rc_chan_recv(e.done, NULL);
    return 0;
}
