// racecheck.h marks the parameters through which the runtime copies a value in or
// out, and keeps no reference, RC_NOESCAPE (LLVM's nocapture): a local whose address
// goes only there stays private to its function, so its accesses are not checked,
// and the call goes to the entry point that does not check the runtime's copy either
// (docs/ABI.md, "Private values"). One whose address also escapes elsewhere is
// checked as before, and so is the runtime's copy.
// RUN: %clang -O0 -fno-discard-value-names -I $(dirname %s)/../../rt/include -fpass-plugin=%plugin -S -emit-llvm %s -o - | %FileCheck %s
#include "racecheck.h"

extern long *leak;
static void fn(void *arg) { (void)arg; }

// CHECK-LABEL: define {{.*}}@private_values(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call void @__rc_chan_send_private(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call {{.*}} @__rc_chan_recv_private(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call {{.*}} @__rc_chan_try_send_private(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call {{.*}} @__rc_chan_try_recv_private(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: call {{.*}} @__rc_go_copy_private(
// CHECK-NOT: call void @__rc_{{read|write}}
// CHECK: ret i64
long private_values(rc_chan *c)
{
    long v = 1, w = 0, i = 3;
    bool ok;
    rc_chan_send(c, &v);
    rc_chan_recv(c, &w);
    rc_chan_try_send(c, &v);
    rc_chan_try_recv(c, &w, &ok);
    rc_go_copy(fn, &i, sizeof i);
    return v + w + ok;
}

// CHECK-LABEL: define {{.*}}@published_value(
// CHECK: call void @__rc_write8(
// CHECK-NEXT: store i64 1, {{.*}}%v
// CHECK: call void @rc_chan_send(
long published_value(rc_chan *c)
{
    long v = 1;
    leak = &v;
    rc_chan_send(c, &v);
    leak = 0;
    return v;
}

// A global can be reached by any goroutine: its copy is checked.
// CHECK-LABEL: define {{.*}}@shared_value(
// CHECK: call void @rc_chan_send(
long counter;
void shared_value(rc_chan *c) { rc_chan_send(c, &counter); }
