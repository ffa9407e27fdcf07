/*
 * output.c: the text and JSON output formats (SARIF is sarif.c's).
 *
 * text: each report's text as the runtime wrote it, shown as soon as it arrives,
 * then (unless --quiet) "seen in K of N runs" per report with --repeat, the
 * runtime's summary lines ("Found N data race(s)") and how many were suppressed.
 * A kind whose text the program already printed on its own stderr (the fatal error
 * "all goroutines are asleep", a panic) is not shown there a second time, except
 * under --explore, where the program's stderr is not shown.
 * Under --seed (a replay) the reports are shown only once the program has ended.
 * Under --explore each report is followed by the seed that found it and the command
 * that replays it (even with --quiet: that line is part of the report), and the end
 * says in how many schedules each was found.
 * json: at the end, one line per report (the runtime's object, plus "runs_seen" and
 * "runs", and for controlled runs "seed" and "replay") and a summary line
 * (docs/CLI.md).
 */
#include "cli.h"
#include "../rt/diag/json.h"

#include <string.h>

static bool printed_by_program(const char *kind)
{
    return !opt.explore && (!strcmp(kind, "all-goroutines-asleep") || !strcmp(kind, "panic"));
}

static void show(const rc_report *r)
{
    if (opt.out == stderr)
        progress_clear();
    if (!(opt.out == stderr && printed_by_program(r->kind)))
        fputs(r->text, opt.out);
    if (opt.explore) {
        char cmd[8192];
        replay_command(r->seed, cmd, sizeof cmd);
        fprintf(opt.out, "racecheck: found with seed %llu; replay: %s\n", r->seed, cmd);
    }
    fflush(opt.out);
}

void output_live(const rc_report *r)
{
    /* a replay shows its reports after the program's own output, not interleaved with
     * it as they happen to be read: the same output, byte for byte, every time */
    if (opt.format == FMT_TEXT && !opt.replay)
        show(r);
}

static void count_kinds(int *counts)
{
    memset(counts, 0, sizeof(int) * (size_t)rc_nkinds);
    for (int i = 0; i < nreports; i++)
        counts[kind_info(reports[i]->kind) - rc_kinds] += reports[i]->count;
}

static void text_final(void)
{
    if (opt.replay)
        for (int i = 0; i < nreports; i++)
            show(reports[i]);
    if (opt.quiet)
        return;
    if (opt.explore) {
        for (int i = 0; i < nreports; i++)
            fprintf(opt.out, "racecheck: %s (found in %d of %d schedules, first with seed %llu)\n",
                    reports[i]->key, reports[i]->runs, opt.repeat, reports[i]->seed);
        fprintf(opt.out, "racecheck: explored %d schedule(s), seeds %llu..%llu, %d distinct "
                "bug(s)\n", opt.repeat, opt.explore_seed,
                opt.explore_seed + (unsigned long long)opt.repeat - 1, nreports);
    } else if (opt.repeat > 1)
        for (int i = 0; i < nreports; i++)
            fprintf(opt.out, "racecheck: %s (seen in %d of %d runs)\n", reports[i]->key,
                    reports[i]->runs, opt.repeat);
    int counts[16];
    count_kinds(counts);
    for (int k = 0; k < rc_nkinds; k++)
        if (counts[k])
            fprintf(opt.out, "Found %d %s\n", counts[k], rc_kinds[k].noun);
    if (nsuppressed)
        fprintf(opt.out, "%d report(s) suppressed\n", nsuppressed);
}

static void put(void *ctx, const char *p, size_t n)
{
    fwrite(p, 1, n, ctx);
}

static void json_final(int exit_status)
{
    for (int i = 0; i < nreports; i++) {
        const rc_report *r = reports[i];
        size_t n = strlen(r->line);
        while (n > 0 && r->line[n - 1] != '}') /* the object's closing brace */
            n--;
        if (n == 0)
            continue;
        fprintf(opt.out, "%.*s,\"runs_seen\":%d,\"runs\":%d", (int)(n - 1), r->line, r->runs,
                opt.repeat);
        if (controlled()) {
            char cmd[8192];
            replay_command(r->seed, cmd, sizeof cmd);
            rc_json j;
            rc_json_init(&j, put, opt.out);
            fprintf(opt.out, ",\"seed\":%llu,\"replay\":", r->seed);
            rc_json_str(&j, cmd);
        }
        fputs("}\n", opt.out);
    }
    int counts[16];
    count_kinds(counts);
    rc_json j;
    rc_json_init(&j, put, opt.out);
    rc_json_object(&j);
    rc_json_kstr(&j, "schema", "racecheck-report/1");
    rc_json_kstr(&j, "kind", "summary");
    for (int k = 0; k < rc_nkinds; k++)
        rc_json_kint(&j, rc_kinds[k].json, counts[k]);
    rc_json_kint(&j, "suppressed", nsuppressed);
    rc_json_kint(&j, "runs", opt.repeat);
    if (opt.explore) {
        rc_json_key(&j, "explore_seed");
        rc_json_uint(&j, opt.explore_seed);
    }
    rc_json_kint(&j, "exit_status", exit_status);
    rc_json_end(&j);
    fputc('\n', opt.out);
}

void output_final(int exit_status)
{
    if (opt.format == FMT_TEXT)
        text_final();
    else if (opt.format == FMT_JSON)
        json_final(exit_status);
    else
        sarif_write(opt.out);
    fflush(opt.out);
}
