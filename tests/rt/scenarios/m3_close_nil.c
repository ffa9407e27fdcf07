// M3: close a nil channel (var ch chan int; close(ch)). Verdict: PANIC "close of nil
// channel" with main's stack.
// EXIT: 2
// STDERR: panic: close of nil channel
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:close}}
// STDOUT-NOT: closed
#include <racecheck.h>
#include <stdio.h>

static rc_chan *ch; /* never made */

int main(void)
{
    rc_chan_close(ch); // @close
    printf("closed\n");
    return 0;
}
