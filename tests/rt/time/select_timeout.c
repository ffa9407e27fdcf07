// select with a timeout: the work channel is never ready, the timer's case is chosen
// once the timer fires (never before: the select cannot return earlier than d).
// STDOUT: chose: timeout
// STDOUT: waited long enough: yes
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_chan *work = rc_chan_make(sizeof(int), 0);
    int64_t start = rc_now();
    rc_timer *t = rc_timer_new(20 * RC_MILLISECOND);
    int w;
    int64_t when;
    rc_case cases[] = { rc_recv_case(work, &w), rc_recv_case(rc_timer_chan(t), &when) };
    int i = rc_select(cases, 2);
    printf("chose: %s\n", i == 1 ? "timeout" : "work");
    printf("waited long enough: %s\n",
           rc_now() - start >= 20 * RC_MILLISECOND && cases[1].ok ? "yes" : "no");
    rc_timer_free(t);
    rc_chan_release(work);
    return 0;
}
