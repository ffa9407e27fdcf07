// Unbuffered ping-pong between two goroutines: values pass in order, by copy.
// STDOUT: final=200000
// STDOUT: goroutines=1
#include <racecheck.h>
#include <stdio.h>

static rc_chan *ping, *pong;

static void player(void *arg)
{
    long v;
    while (rc_chan_recv(ping, &v)) {
        v++;
        rc_chan_send(pong, &v);
    }
}


int main(void)
{
    ping = rc_chan_make(sizeof(long), 0);
    pong = rc_chan_make(sizeof(long), 0);
    rc_go(player, NULL);
    long v = 0;
    for (int i = 0; i < 100000; i++) {
        rc_chan_send(ping, &v);
        rc_chan_recv(pong, &v);
        v++;
    }
    printf("final=%ld\n", v);
    rc_chan_close(ping);
    /* the player sees the close and exits */
    while (rc_numgoroutine() > 1)
        rc_yield();
    printf("goroutines=%d\n", rc_numgoroutine());
    return 0;
}
