// L1: First(query, replicas...): every replica sends its answer on one unbuffered
// channel and only the first answer is received: the other replicas block forever in
// chan send. One report for both (same stack), naming the send.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: 2 goroutines blocked forever in chan send with this stack
// STDERR: replica()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: created at:
// STDERR: first(
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 2 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static rc_chan *answers;

static void replica(void *arg)
{
    int id = (int)(intptr_t)arg;
    rc_chan_send(answers, &id); // @send
}

static int first(int replicas)
{
    answers = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < replicas; i++)
        rc_go(replica, (void *)(intptr_t)i); // @go
    int id;
    rc_chan_recv(answers, &id);
    return id;
}

int main(void)
{
    printf("first answer from replica %d\n", first(3) >= 0 ? 0 : -1);
    return 0;
}
