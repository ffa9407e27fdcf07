/*
 * sarif.c: --format sarif, SARIF 2.1.0 as GitHub code scanning takes it
 * (docs/CLI.md, "SARIF"). One run; tool.driver has a rule per report kind (the
 * table in reports.c, the last rule for kinds this racecheck does not know); each
 * report is a result whose primary location is where it happened (the access that
 * found a race, where leaked goroutines wait), relatedLocations the innermost frame
 * of every other stack (the previous access, creation sites), stacks every stack in
 * full, and partialFingerprints its key with paths made relative, so that it is the
 * same on every machine and every run. Controlled runs add the seed of the schedule
 * that found it and the replay command to its properties.
 */
#include "cli.h"
#include "../rt/diag/json.h"

#include <string.h>
#include <strings.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *const help[] = {
    "Two goroutines accessed the same memory at the same time, at least one of them "
    "writing, with no happens-before order between them (no channel operation, lock, "
    "WaitGroup or atomic between them). Add the missing synchronisation.",
    "Goroutines were still blocked on a channel, select or sync primitive when the "
    "program exited: nothing could ever wake them.",
    "Goroutines wait for each other in a cycle of Mutex/RWMutex waits: none of them "
    "can go on.",
    "Two mutexes were locked in both orders by different goroutines: run at the wrong "
    "moment, they deadlock.",
    "Every goroutine was blocked: the program could not go on (Go's fatal error).",
    "The program was still running when --timeout expired: every goroutine's stack "
    "was dumped.",
    "The program panicked or died of a fatal error (Go's wording: send on closed "
    "channel, negative WaitGroup counter, unlock of unlocked mutex, ...).",
    "A report of a kind this racecheck does not know; see its text.",
};

static void write_uri(rc_json *j, const char *file)
{
    char rel[4096], enc[12288];
    const char *p = rel_path(file, rel, sizeof rel);
    size_t o = 0;
    if (p[0] == '/')
        o += (size_t)snprintf(enc, sizeof enc, "file://");
    for (; *p && o + 4 < sizeof enc; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 0x7f || strchr("%#?[]\"<>\\^`{|}", c))
            o += (size_t)snprintf(enc + o, sizeof enc - o, "%%%02X", c);
        else
            enc[o++] = (char)c;
    }
    enc[o] = 0;
    rc_json_key(j, "artifactLocation");
    rc_json_object(j);
    rc_json_kstr(j, "uri", enc);
    if (rel[0] != '/')
        rc_json_kstr(j, "uriBaseId", "%SRCROOT%");
    rc_json_end(j);
}

/* {"physicalLocation":{...},"logicalLocations":[...]} members of a location. */
static void location_members(rc_json *j, const rc_loc *l)
{
    if (l->file) {
        rc_json_key(j, "physicalLocation");
        rc_json_object(j);
        write_uri(j, l->file);
        if (l->line > 0) {
            rc_json_key(j, "region");
            rc_json_object(j);
            rc_json_kint(j, "startLine", l->line);
            rc_json_end(j);
        }
        rc_json_end(j);
    }
    if (l->func) {
        rc_json_key(j, "logicalLocations");
        rc_json_array(j);
        rc_json_object(j);
        rc_json_kstr(j, "name", l->func);
        rc_json_kstr(j, "kind", "function");
        rc_json_end(j);
        rc_json_end(j);
    }
}

static void message(rc_json *j, const char *text)
{
    rc_json_key(j, "message");
    rc_json_object(j);
    rc_json_kstr(j, "text", text);
    rc_json_end(j);
}

static void rules(rc_json *j)
{
    rc_json_key(j, "rules");
    rc_json_array(j);
    for (int k = 0; k < rc_nkinds; k++) {
        const rc_kind_info *ki = &rc_kinds[k];
        rc_json_object(j);
        rc_json_kstr(j, "id", ki->kind[0] ? ki->kind : "other");
        char name[64], *o = name; /* "DataRace": the title as an identifier */
        for (const char *t = ki->title; *t && o < name + sizeof name - 1; t++)
            if (*t != ' ' && *t != '-')
                *o++ = t > ki->title && (t[-1] == ' ' || t[-1] == '-') && *t >= 'a' && *t <= 'z'
                           ? (char)(*t - 'a' + 'A') : *t;
        *o = 0;
        if (strcasecmp(name, ki->kind)) /* SARIF 3.49.7: a name equal to the id is left out */
            rc_json_kstr(j, "name", name);
        rc_json_key(j, "shortDescription");
        rc_json_object(j);
        rc_json_kstr(j, "text", ki->title);
        rc_json_end(j);
        rc_json_key(j, "fullDescription");
        rc_json_object(j);
        rc_json_kstr(j, "text", help[k]);
        rc_json_end(j);
        rc_json_key(j, "help"); /* required by GitHub code scanning (rule GH2012) */
        rc_json_object(j);
        rc_json_kstr(j, "text", help[k]);
        rc_json_end(j);
        rc_json_key(j, "defaultConfiguration");
        rc_json_object(j);
        rc_json_kstr(j, "level", ki->level);
        rc_json_end(j);
        rc_json_key(j, "properties");
        rc_json_object(j);
        rc_json_key(j, "tags");
        rc_json_array(j);
        rc_json_str(j, "concurrency");
        rc_json_end(j);
        rc_json_end(j);
        rc_json_end(j);
    }
    rc_json_end(j);
}

struct related { rc_json *j; const rc_report *r; int id; bool skip_first; };

static void related_one(const char *path, const jv *frames, void *ctx)
{
    struct related *rl = ctx;
    rc_loc l;
    if (!stack_top(frames, &l))
        return;
    if (rl->skip_first) { /* the primary location */
        rl->skip_first = false;
        return;
    }
    char label[300];
    stack_label(rl->r, path, label, sizeof label);
    rc_json_object(rl->j);
    rc_json_kint(rl->j, "id", ++rl->id);
    location_members(rl->j, &l);
    message(rl->j, label);
    rc_json_end(rl->j);
}

static void stack_one(const char *path, const jv *frames, void *ctx)
{
    struct related *rl = ctx;
    rc_json *j = rl->j;
    char label[300];
    stack_label(rl->r, path, label, sizeof label);
    rc_json_object(j);
    message(j, label);
    rc_json_key(j, "frames");
    rc_json_array(j);
    for (size_t i = 0; i < frames->n; i++) {
        rc_loc l;
        frame_loc(frames->items[i], &l);
        rc_json_object(j);
        rc_json_key(j, "location");
        rc_json_object(j);
        location_members(j, &l);
        if (!l.file && !l.func)
            message(j, "?");
        rc_json_end(j);
        rc_json_end(j);
    }
    rc_json_end(j);
    rc_json_end(j);
}

static void result(rc_json *j, const rc_report *r)
{
    const rc_kind_info *ki = kind_info(r->kind);
    char sentence[4096], key[4096];
    report_sentence(r, sentence, sizeof sentence);
    stable_key(r->key, key, sizeof key);
    rc_json_object(j);
    rc_json_kstr(j, "ruleId", ki->kind[0] ? ki->kind : "other");
    rc_json_kint(j, "ruleIndex", ki - rc_kinds);
    rc_json_kstr(j, "level", ki->level);
    message(j, sentence);

    rc_loc l;
    bool has = report_primary(r, &l);
    if (!has) /* code scanning wants a location: the program's own, then */
        l = (rc_loc){ .func = NULL, .file = opt.argv[0], .line = 0 };
    rc_json_key(j, "locations");
    rc_json_array(j);
    rc_json_object(j);
    location_members(j, &l);
    rc_json_end(j);
    rc_json_end(j);

    struct related rl = { j, r, 0, has };
    rc_json_key(j, "relatedLocations");
    rc_json_array(j);
    report_stacks(r, related_one, &rl);
    rc_json_end(j);
    rc_json_key(j, "stacks");
    rc_json_array(j);
    report_stacks(r, stack_one, &rl);
    rc_json_end(j);

    rc_json_key(j, "partialFingerprints");
    rc_json_object(j);
    rc_json_kstr(j, "racecheckKey/v1", key);
    rc_json_end(j);
    rc_json_key(j, "properties");
    rc_json_object(j);
    rc_json_kstr(j, "kind", r->kind);
    rc_json_kint(j, "runsSeen", r->runs);
    rc_json_kint(j, "runs", opt.repeat);
    if (controlled()) { /* the schedule that found it first, and how to run it again */
        char cmd[8192];
        replay_command(r->seed, cmd, sizeof cmd);
        rc_json_key(j, "seed");
        rc_json_uint(j, r->seed);
        rc_json_kstr(j, "replay", cmd);
    }
    rc_json_kstr(j, "text", r->text);
    rc_json_end(j);
    rc_json_end(j);
}

void sarif_write(FILE *f)
{
    jv_pretty pp = { .f = f };
    rc_json j;
    rc_json_init(&j, jv_pretty_write, &pp);
    rc_json_object(&j);
    rc_json_kstr(&j, "$schema", SARIF_SCHEMA);
    rc_json_kstr(&j, "version", "2.1.0");
    rc_json_key(&j, "runs");
    rc_json_array(&j);
    rc_json_object(&j);
    rc_json_key(&j, "tool");
    rc_json_object(&j);
    rc_json_key(&j, "driver");
    rc_json_object(&j);
    rc_json_kstr(&j, "name", "racecheck");
    rc_json_kstr(&j, "version", RC_VERSION);
    rules(&j);
    rc_json_end(&j);
    rc_json_end(&j);
    rc_json_key(&j, "results");
    rc_json_array(&j);
    for (int i = 0; i < nreports; i++)
        result(&j, reports[i]);
    rc_json_end(&j);
    rc_json_end(&j);
    rc_json_end(&j);
    rc_json_end(&j);
    fputc('\n', f);
    if (j.error)
        fprintf(stderr, "racecheck: internal error: malformed SARIF\n");
}
