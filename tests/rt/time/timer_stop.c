// Stop before the fire returns true and no value ever arrives; a second Stop returns
// false (already stopped).
// STDOUT: first stop: true
// STDOUT: second stop: false
// STDOUT: len after deadline: 0
// STDOUT: value: none
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_timer *t = rc_timer_new(300 * RC_MILLISECOND); /* long: Stop surely comes first */
    printf("first stop: %s\n", rc_timer_stop(t) ? "true" : "false");
    printf("second stop: %s\n", rc_timer_stop(t) ? "true" : "false");
    rc_sleep(400 * RC_MILLISECOND);
    printf("len after deadline: %zu\n", rc_chan_len(rc_timer_chan(t)));
    int64_t v;
    printf("value: %s\n", rc_chan_try_recv(rc_timer_chan(t), &v, NULL) ? "got one" : "none");
    rc_timer_free(t);
    return 0;
}
