/* pipeline.c: the 3-stage pipeline of ../rc/pipeline.c on pthreads: the channels are
 * bounded queues (cap 64) made of a mutex and two condition variables, with close. */
#include "../rb.h"

#include <pthread.h>
#include <stdbool.h>

#define CAP 64

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t  nonempty, nonfull;
    long long       buf[CAP];
    int             head, len;
    bool            closed;
} queue;

#define QUEUE_INIT { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, \
                     PTHREAD_COND_INITIALIZER, {0}, 0, 0, false }

static void q_send(queue *q, long long v)
{
    pthread_mutex_lock(&q->mu);
    while (q->len == CAP)
        pthread_cond_wait(&q->nonfull, &q->mu);
    q->buf[(q->head + q->len++) % CAP] = v;
    pthread_cond_signal(&q->nonempty);
    pthread_mutex_unlock(&q->mu);
}

/* false once the queue is closed and drained */
static bool q_recv(queue *q, long long *v)
{
    pthread_mutex_lock(&q->mu);
    while (q->len == 0 && !q->closed)
        pthread_cond_wait(&q->nonempty, &q->mu);
    bool ok = q->len > 0;
    if (ok) {
        *v = q->buf[q->head];
        q->head = (q->head + 1) % CAP;
        q->len--;
        pthread_cond_signal(&q->nonfull);
    }
    pthread_mutex_unlock(&q->mu);
    return ok;
}

static void q_close(queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->nonempty);
    pthread_mutex_unlock(&q->mu);
}

static long long n;
static queue c1 = QUEUE_INIT, c2 = QUEUE_INIT;

static void *produce(void *arg)
{
    (void)arg;
    for (long long i = 0; i < n; i++)
        q_send(&c1, i);
    q_close(&c1);
    return NULL;
}

static void *transform(void *arg)
{
    (void)arg;
    long long v;
    while (q_recv(&c1, &v))
        q_send(&c2, rb_stage(v));
    q_close(&c2);
    return NULL;
}

int main(int argc, char **argv)
{
    n = rb_n(argc, argv, 500000);
    pthread_t t1, t2;
    int64_t t0 = rb_now();
    pthread_create(&t1, NULL, produce, NULL);
    pthread_create(&t2, NULL, transform, NULL);
    long long v, sum = 0;
    while (q_recv(&c2, &v))
        sum += v;
    rb_result("pipeline", rb_now() - t0, n);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    if (sum != 7 * (n * (n - 1) / 2) + n)
        fprintf(stderr, "pipeline: wrong sum %lld\n", sum);
    return 0;
}
