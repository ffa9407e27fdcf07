// RCDEBUG=mutexbias=0: no Mutex is ever biased, however often one thread locks it.
// ENV: RCDEBUG=mutexbias=0
// STDOUT: bias=2 state=0
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;

int main(void)
{
    for (int i = 0; i < 1000; i++) {
        rc_mutex_lock(&mu);
        rc_mutex_unlock(&mu);
    }
    printf("bias=%d state=%d\n", (int)atomic_load(&mu.bias), (int)atomic_load(&mu.state));
    return 0;
}
