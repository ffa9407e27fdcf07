// Every panic the runtime prints is also a "panic" report in JSON mode (docs/REPORTS.md),
// written before the process dies: the text on stderr, then the JSON line with the
// same text (in the report frame). Normal (uncontrolled) run.
// ENV: RCRACE=format=json log_path=stderr
// EXIT: 2
// STDERR: panic: send on closed channel
// STDERR: goroutine 1 [running]:
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: "text":"==================\npanic: send on closed channel\n\ngoroutine 1 [running]:\nmain()\n\t{{FILE}}:{{LINE:send}}
// STDERR-ANY: "kind":"panic"
// STDERR-NOT: "kind":"data-race"
#include <racecheck.h>
#include <stdio.h>

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 1);
    rc_chan_close(c);
    int v = 1;
    rc_chan_send(c, &v); // @send
    printf("not reached\n");
    return 0;
}
