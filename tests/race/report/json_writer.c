// The JSON writer (rt/diag/json.c) on its own: commas, nesting, escaping (quotes,
// backslashes, control characters, invalid UTF-8 -> \ufffd, valid UTF-8 kept),
// integers and addresses; misuse sets the error flag instead of writing bad JSON.
// STDOUT: {"s":"a\"b\\c\n\t\u0001\ufffd\ufffdé€","n":-42,"u":18446744073709551615,"e":[],"o":{},"a":[1,true,null,"0x0",[false]],"addr":"0xdeadbeef"}
// STDOUT: valid=1 error=0
// STDOUT: value where a key is due: error=1
// STDOUT: end with nothing open: error=1
// STDOUT: too deep: error=1
#include "../../../rt/diag/json.h"
#include "../../tools/json_check.h"

#include <stdio.h>
#include <string.h>

static char out[4096];
static size_t used;

static void put(void *ctx, const char *p, size_t n)
{
    (void)ctx;
    memcpy(out + used, p, n);
    used += n;
}

int main(void)
{
    rc_json j;
    rc_json_init(&j, put, NULL);
    rc_json_object(&j);
    rc_json_kstr(&j, "s", "a\"b\\c\n\t\x01\xff\xc3" "\xc3\xa9\xe2\x82\xac");
    rc_json_kint(&j, "n", -42);
    rc_json_key(&j, "u");
    rc_json_uint(&j, 18446744073709551615ull);
    rc_json_key(&j, "e");
    rc_json_array(&j);
    rc_json_end(&j);
    rc_json_key(&j, "o");
    rc_json_object(&j);
    rc_json_end(&j);
    rc_json_key(&j, "a");
    rc_json_array(&j);
    rc_json_int(&j, 1);
    rc_json_bool(&j, true);
    rc_json_null(&j);
    rc_json_addr(&j, 0);
    rc_json_array(&j);
    rc_json_bool(&j, false);
    rc_json_end(&j);
    rc_json_end(&j);
    rc_json_kaddr(&j, "addr", 0xdeadbeef);
    rc_json_end(&j);
    printf("%.*s\n", (int)used, out);
    printf("valid=%d error=%d\n", json_check(out, used), j.error);

    rc_json_init(&j, put, NULL);
    rc_json_object(&j);
    rc_json_int(&j, 1);
    printf("value where a key is due: error=%d\n", j.error);

    rc_json_init(&j, put, NULL);
    rc_json_end(&j);
    printf("end with nothing open: error=%d\n", j.error);

    rc_json_init(&j, put, NULL);
    used = 0;
    for (int i = 0; i < RC_JSON_MAX_DEPTH + 1; i++)
        rc_json_array(&j);
    printf("too deep: error=%d\n", j.error);
    return 0;
}
