// The deadlock dump lists every live goroutine in id order with its wait reason, its
// blocking line and where it was created ("created by F in goroutine N"); goroutines
// that exited are not listed.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [chan receive]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:main_recv}}
// STDERR: goroutine 2 [chan send]:
// STDERR: sender()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go_sender}}
// STDERR: goroutine 3 [chan receive]:
// STDERR: receiver()
// STDERR: {{FILE}}:{{LINE:recv}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go_receiver}}
// STDERR: goroutine 4 [select]:
// STDERR: selector()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go_selector}}
// STDERR: goroutine 6 [chan send (nil chan)]:
// STDERR: nil_sender()
// STDERR: {{FILE}}:{{LINE:nilsend}}
// STDERR: created by spawner in goroutine 5
// STDERR: {{FILE}}:{{LINE:go_nil}}
// STDERR-NOT: goroutine 5 [
// STDERR-NOT: goroutine 7
#include <racecheck.h>

static rc_chan *a, *b, *ready;

static void sender(void *arg)
{
    int v = 1;
    rc_chan_send(ready, NULL);
    rc_chan_send(a, &v); // @send
}

static void receiver(void *arg)
{
    int v;
    rc_chan_send(ready, NULL);
    rc_chan_recv(b, &v); // @recv
}

static void selector(void *arg)
{
    int v, w = 2;
    rc_case cs[] = { rc_recv_case(b, &v), rc_send_case(a, &w), rc_recv_case(NULL, &v) };
    rc_chan_send(ready, NULL);
    rc_select(cs, 3); // @select
}

static void nil_sender(void *arg)
{
    int v = 3;
    rc_chan_send(ready, NULL);
    rc_chan_send(NULL, &v); // @nilsend
}

static void spawner(void *arg)
{
    rc_go(nil_sender, NULL); // @go_nil
    rc_chan_send(ready, NULL);
}

int main(void)
{
    a = rc_chan_make(sizeof(int), 0);
    b = rc_chan_make(sizeof(int), 0);
    ready = rc_chan_make(0, 0);
    rc_go(sender, NULL); // @go_sender
    rc_go(receiver, NULL); // @go_receiver
    rc_go(selector, NULL); // @go_selector
    rc_go(spawner, NULL);
    for (int i = 0; i < 5; i++)
        rc_chan_recv(ready, NULL);
    rc_chan_recv(b, NULL); // @main_recv
    return 0;
}
