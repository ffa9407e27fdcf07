//===- SiteChecks.h - one range check for a source location's adjacent bytes -===//
//
// Owns: the decision which plain-access checks of one call-free stretch are
// replaced by a single range check (pass/README.md, "Optimisations" 8). The
// Instrumenter (RaceCheckPass.cpp) emits the runtime calls.
//
// The soundness argument is same-block deduplication's: within a stretch that
// contains no call, atomic, fence, inline asm or memory intrinsic this thread
// does not synchronise, so all its accesses happen at one moment for
// happens-before, and checking them together finds the races checking them one
// by one finds. Reports stay exact because only accesses with the same debug
// location (line, column, scope and inlining) are merged: an unrolled loop's
// stores, a struct or array initialised by one statement. And no byte is
// checked that is not accessed: the merged accesses share a base pointer and
// their constant offsets tile one contiguous interval.
//
//===----------------------------------------------------------------------===//
#ifndef RACECHECK_PASS_SITECHECKS_H
#define RACECHECK_PASS_SITECHECKS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instruction.h"

namespace racecheck {

// The bytes [Base+Lo, Base+Hi), checked before At (the first of the merged
// accesses in program order) with At's debug location.
struct SiteCheck {
  llvm::Instruction *At;
  llvm::Value *Base;
  int64_t Lo, Hi;
  bool Write;
};

// Checks: plain loads and stores still to be checked one by one, in program
// order; Stretch: each one's call-free stretch. Removes from Checks the accesses
// a site check covers and appends those site checks to Out.
void planSiteChecks(llvm::SmallVectorImpl<llvm::Instruction *> &Checks,
                    const llvm::DenseMap<const llvm::Instruction *, unsigned> &Stretch,
                    const llvm::DataLayout &DL,
                    llvm::SmallVectorImpl<SiteCheck> &Out);

} // namespace racecheck

#endif
