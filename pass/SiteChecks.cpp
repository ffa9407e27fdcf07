//===- SiteChecks.cpp - one range check for a source location's adjacent bytes -===//
//
// See SiteChecks.h for what is merged and why it is sound.
//
//===----------------------------------------------------------------------===//

#include "SiteChecks.h"
#include "Access.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"

#include <algorithm>
#include <map>
#include <tuple>

using namespace llvm;

namespace racecheck {

namespace {

struct Member {
  unsigned Index; // position in Checks: program order within a stretch
  int64_t Off;
  uint64_t Size;
};

// What merged accesses must share: stretch, kind, base pointer and source
// location (a DILocation's line, column, scope and inlined-at; not its
// discriminator, which unrolled copies may differ in).
using GroupKey =
    std::tuple<unsigned, bool, const Value *, unsigned, unsigned,
               const MDNode *, const MDNode *>;

// The group's contiguous runs of two or more accesses become site checks; Drop
// marks the accesses they cover.
void mergeRuns(SmallVectorImpl<Member> &Ms, Value *Base, bool Write,
               SmallVectorImpl<Instruction *> &Checks, SmallVectorImpl<bool> &Drop,
               SmallVectorImpl<SiteCheck> &Out) {
  llvm::sort(Ms, [](const Member &A, const Member &B) {
    return A.Off < B.Off || (A.Off == B.Off && A.Index < B.Index);
  });
  for (size_t I = 0; I < Ms.size();) {
    int64_t Lo = Ms[I].Off, Hi = Lo + (int64_t)Ms[I].Size;
    unsigned First = Ms[I].Index;
    size_t J = I + 1;
    for (; J < Ms.size() && Ms[J].Off <= Hi; ++J) {
      Hi = std::max(Hi, Ms[J].Off + (int64_t)Ms[J].Size);
      First = std::min(First, Ms[J].Index);
    }
    if (J - I >= 2) {
      for (size_t K = I; K < J; ++K)
        Drop[Ms[K].Index] = true;
      Out.push_back({Checks[First], Base, Lo, Hi, Write});
    }
    I = J;
  }
}

} // namespace

void planSiteChecks(SmallVectorImpl<Instruction *> &Checks,
                    const DenseMap<const Instruction *, unsigned> &Stretch,
                    const DataLayout &DL, SmallVectorImpl<SiteCheck> &Out) {
  // Groups in order of first appearance, so the output does not depend on
  // pointer values.
  struct Group {
    Value *Base;
    bool Write;
    SmallVector<Member, 4> Members;
  };
  std::map<GroupKey, unsigned> Index;
  SmallVector<Group, 8> Groups;
  for (unsigned Idx = 0; Idx < Checks.size(); ++Idx) {
    Instruction *I = Checks[Idx];
    const DILocation *Loc = I->getDebugLoc().get();
    auto S = Stretch.find(I);
    if (!Loc || S == Stretch.end())
      continue; // no location to keep exact: checked alone
    int64_t Off = 0;
    Value *Base = GetPointerBaseWithConstantOffset(
        getLoadStorePointerOperand(I), Off, DL, /*AllowNonInbounds=*/true);
    bool Write = isa<StoreInst>(I);
    GroupKey K(S->second, Write, Base, Loc->getLine(), Loc->getColumn(),
               Loc->getScope(), Loc->getInlinedAt());
    auto It = Index.emplace(K, Groups.size()).first;
    if (It->second == Groups.size())
      Groups.push_back({Base, Write, {}});
    Groups[It->second].Members.push_back({Idx, Off, accessSize(DL, I)});
  }
  SmallVector<bool, 32> Drop(Checks.size(), false);
  size_t Before = Out.size();
  for (Group &G : Groups)
    if (G.Members.size() >= 2)
      mergeRuns(G.Members, G.Base, G.Write, Checks, Drop, Out);
  if (Out.size() == Before)
    return;
  unsigned W = 0;
  for (unsigned Idx = 0; Idx < Checks.size(); ++Idx)
    if (!Drop[Idx])
      Checks[W++] = Checks[Idx];
  Checks.resize(W);
}

} // namespace racecheck
