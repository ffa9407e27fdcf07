// The nil channel (NULL): try forms never proceed, len and cap are 0, select cases on
// it are never chosen, select_try over only nil cases takes the default.
// STDOUT: try_send=0 try_recv=0 len=0 cap=0
// STDOUT: select_try nil only=-1, zero cases=-1
// STDOUT: select with nil + ready: always case 2 (1000 times)
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    int v = 1;
    bool ok = true;
    printf("try_send=%d try_recv=%d len=%zu cap=%zu\n", rc_chan_try_send(NULL, &v),
           rc_chan_try_recv(NULL, &v, &ok), rc_chan_len(NULL), rc_chan_cap(NULL));
    rc_case nils[] = { rc_recv_case(NULL, &v), rc_send_case(NULL, &v) };
    printf("select_try nil only=%d, zero cases=%d\n", rc_select_try(nils, 2),
           rc_select_try(NULL, 0));
    rc_chan *c = rc_chan_make(sizeof(int), 1);
    int bad = 0;
    for (int i = 0; i < 1000; i++) {
        rc_chan_send(c, &i);
        int got = -1;
        rc_case cs[] = { rc_recv_case(NULL, &v), rc_send_case(NULL, &v),
                         rc_recv_case(c, &got), rc_recv_case(NULL, &v) };
        int k = rc_select(cs, 4);
        bad += k != 2 || got != i || !cs[2].ok;
    }
    printf("select with nil + ready: %s (1000 times)\n", bad ? "FAIL" : "always case 2");
    return 0;
}
