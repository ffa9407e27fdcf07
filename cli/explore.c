/*
 * explore.c: what controlled runs add to the command (docs/CLI.md, "Exploring
 * schedules"): the first seed of an exploration, the replay command printed with each
 * report, and the progress line.
 *
 * The seeds of an exploration are base, base+1, base+2, ...: the runtime reads the
 * strategy from the seed's low bit (docs/EXPLORE.md), so consecutive seeds alternate
 * the portfolio's strategies. A random base is below 2^48, so that every seed of a
 * run stays exact in JSON readers that hold numbers as doubles.
 */
#include "cli.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_MS 100 /* the progress line is redrawn at most this often */

bool controlled(void)
{
    return opt.explore || opt.replay;
}

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

unsigned long long explore_random_base(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    return splitmix64(x ^ ((uint64_t)getpid() << 32)) >> 16;
}

/* Appends s quoted for a POSIX shell: as is when it has only safe characters. */
static size_t quote(char *buf, size_t o, size_t n, const char *s)
{
    bool plain = *s != 0;
    for (const char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    "_-./=:,+@%", *p))
            plain = false;
    if (plain)
        return o + (size_t)snprintf(buf + o, o < n ? n - o : 0, "%s", s);
    o += (size_t)snprintf(buf + o, o < n ? n - o : 0, "'");
    for (const char *p = s; *p; p++)
        o += (size_t)snprintf(buf + o, o < n ? n - o : 0, *p == '\'' ? "'\\''" : "%c", *p);
    return o + (size_t)snprintf(buf + o, o < n ? n - o : 0, "'");
}

void replay_command(unsigned long long seed, char *buf, size_t n)
{
    size_t o = (size_t)snprintf(buf, n, "racecheck --seed %llu", seed);
    /* a program named like an option would be taken for one */
    if (opt.argv[0][0] == '-')
        o += (size_t)snprintf(buf + o, o < n ? n - o : 0, " --");
    for (char **a = opt.argv; *a; a++) {
        o += (size_t)snprintf(buf + o, o < n ? n - o : 0, " ");
        o = quote(buf, o, n, *a);
    }
}

/* ---- the progress line ---------------------------------------------------------- */

static bool shown;
static long long start_ms, drawn_ms;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static bool on;

void progress_start(void)
{
    on = opt.explore && !opt.quiet && isatty(STDERR_FILENO);
    start_ms = now_ms();
}

void progress_show(int done, bool force)
{
    if (!on)
        return;
    long long now = now_ms();
    if (!force && shown && now - drawn_ms < PROGRESS_MS)
        return;
    drawn_ms = now;
    char total[32] = "";
    if (opt.explore_n != INT_MAX)
        snprintf(total, sizeof total, "/%d", opt.explore_n);
    double secs = (double)(now - start_ms) / 1000, rate = secs > 0 ? done / secs : 0;
    fprintf(stderr, "\rracecheck: %d%s schedules, %d distinct bug(s), %.*f schedules/s\033[K",
            done, total, nreports, rate < 10 ? 1 : 0, rate);
    fflush(stderr);
    shown = true;
}

void progress_clear(void)
{
    if (!shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    shown = false;
}
