// A Cond wait that nobody will ever signal: deadlock, shown as [sync.Cond.Wait].
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.Cond.Wait]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
#include <racecheck.h>

static rc_mutex mu;
static rc_cond cond = RC_COND_INIT(&mu);

int main(void)
{
    rc_mutex_lock(&mu);
    rc_cond_wait(&cond); // @wait
    rc_mutex_unlock(&mu);
    return 0;
}
