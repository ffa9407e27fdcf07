// NewTicker with a non-positive period panics with Go's message.
// EXIT: 2
// STDERR: panic: non-positive interval for NewTicker
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:new}}
#include <racecheck.h>

int main(void)
{
    rc_ticker *t = rc_ticker_new(0); // @new
    rc_ticker_free(t);
    return 0;
}
