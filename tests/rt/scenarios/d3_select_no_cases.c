// D3: select {} with no cases, and a nil-channel send in a goroutine. Verdict:
// DEADLOCK with the wait reasons "select (no cases)" and "chan send (nil chan)".
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [select (no cases)]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: goroutine 2 [chan send (nil chan)]:
// STDERR: sender()
// STDERR: {{FILE}}:{{LINE:nilsend}}
#include <racecheck.h>

static void sender(void *arg)
{
    int v = 1;
    rc_chan_send(NULL, &v); // @nilsend
}

int main(void)
{
    rc_go(sender, NULL);
    rc_select(NULL, 0); // @select
    return 0;
}
