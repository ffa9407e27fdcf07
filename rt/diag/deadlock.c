/*
 * deadlock.c: Go's checkdead. Called by the scheduler, with sched.lock held, when the
 * last M goes idle. Then no goroutine runs, none is in a blocking system call (its M
 * would not be idle), and if no goroutine is queued and no timer can still fire,
 * nothing can ever wake anything: the program is dead.
 */
#include "panic.h"
#include "../sched/control.h"
#include "../sched/proc.h"
#include "../sched/runq.h"

static const char *const reasons[RC_WAIT_COUNT] = {
    [RC_WAIT_NONE] = "waiting",
    [RC_WAIT_CHAN_SEND] = "chan send",
    [RC_WAIT_CHAN_RECV] = "chan receive",
    [RC_WAIT_CHAN_SEND_NIL] = "chan send (nil chan)",
    [RC_WAIT_CHAN_RECV_NIL] = "chan receive (nil chan)",
    [RC_WAIT_SELECT] = "select",
    [RC_WAIT_SELECT_NO_CASES] = "select (no cases)",
    [RC_WAIT_MUTEX_LOCK] = "sync.Mutex.Lock",
    [RC_WAIT_RWMUTEX_RLOCK] = "sync.RWMutex.RLock",
    [RC_WAIT_RWMUTEX_LOCK] = "sync.RWMutex.Lock",
    [RC_WAIT_WAITGROUP_WAIT] = "sync.WaitGroup.Wait",
    [RC_WAIT_COND_WAIT] = "sync.Cond.Wait",
    [RC_WAIT_SLEEP] = "sleep",
    [RC_WAIT_SEMACQUIRE] = "semacquire",
};

const char *rc_wait_reason_string(rc_wait_reason r)
{
    return (unsigned)r < RC_WAIT_COUNT && reasons[r] ? reasons[r] : "waiting";
}

void rc_checkdead(void)
{
    if (rc_globrunq_size() > 0 || (rc_ctl_on && rc_ctl_nrunnable() > 0))
        return;
    for (int i = 0; i < rc_sched_nprocs(); i++) {
        rc_p *p = rc_sched_p(i);
        if (p && !rc_runq_empty(p))
            return;
    }
    if (rc_timers_pending())
        return;
    if (rc_goroutine_count() == 0 && atomic_load(&rc_main_exited)) {
        static const char msg[] = "no goroutines (main called runtime.Goexit) - deadlock!";
        rc_out_lock();
        rc_out_capture_begin(rc_panic_text, sizeof rc_panic_text);
        rc_out("fatal error: %s\n", msg);
        rc_panic_report(msg, true, NULL, 0);
        rc_out_unlock();
        rc_die(RC_EXIT_PANIC);
    }
    rc_fatal_all("all goroutines are asleep - deadlock!");
}
