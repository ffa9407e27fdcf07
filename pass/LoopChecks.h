//===- LoopChecks.h - one check per loop entry instead of per iteration ---===//
//
// Owns: the decision which plain-access checks inside loops are replaced by one
// check per loop entry, placed in the loop's preheader (pass/README.md,
// "Optimisations" 6), and the arithmetic of the replacing range check. The
// Instrumenter (RaceCheckPass.cpp) emits the runtime calls.
//
// The soundness argument: a loop in which nothing the runtime sees happens (no
// call, atomic, fence, inline asm, memory intrinsic or side-effecting intrinsic)
// does not synchronise, so for happens-before all its accesses happen at one
// moment; checking them together when the loop is entered finds the same races.
// What must never happen is checking memory the loop would not touch, so:
//  * invariant address: the access's block must run on every entry (it
//    dominates every latch and every exiting block);
//  * strided address {Start,+,Step}: single exiting block with an exact
//    backedge-taken count, the block runs on every iteration, and the accesses
//    of one group tile a contiguous interval at least |Step| long.
//
//===----------------------------------------------------------------------===//
#ifndef RACECHECK_PASS_LOOPCHECKS_H
#define RACECHECK_PASS_LOOPCHECKS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"

#include <memory>

namespace llvm {
class SCEVExpander;
}

namespace racecheck {

// One check standing for accesses of a loop, emitted once per entry into L
// (at insertPoint(L)). Invariant: Rep's own address and size. Range: the
// bytes [Start+Lo, Start+Hi) of every iteration that runs the group's blocks,
// i.e. iterations 0..N-1 with N = BTC + PlusOne.
struct LoopCheck {
  llvm::Instruction *Rep; // an access it stands for (debug location, kind)
  llvm::Loop *L;
  bool Write;
  bool Range;
  const llvm::SCEV *Start = nullptr, *BTC = nullptr;
  bool PlusOne = false;
  int64_t Step = 0, Lo = 0, Hi = 0;
};

class LoopCoalescer {
public:
  LoopCoalescer(llvm::Function &F, llvm::DominatorTree &DT, llvm::LoopInfo &LI);
  ~LoopCoalescer();

  // Checks: the (deduplicated) plain accesses to check. Removes from it those
  // a loop check covers and appends these loop checks to Out.
  void plan(llvm::SmallVectorImpl<llvm::Instruction *> &Checks,
            llvm::SmallVectorImpl<LoopCheck> &Out);

  // Where L's checks go: the end of its preheader, made on first use by
  // splitting the edge from its only outside predecessor if it has none. Only
  // after plan(); changes the CFG (DT and LI are kept up to date).
  llvm::Instruction *insertPoint(llvm::Loop *L);

  // Address (i8*/ptr) and length (SizeTy) of a Range check, computed at the
  // builder's position (insertPoint(LC.L)).
  std::pair<llvm::Value *, llvm::Value *>
  rangeOf(const LoopCheck &LC, llvm::IRBuilder<> &IRB, llvm::Type *PtrTy,
          llvm::Type *SizeTy);

private:
  struct Member {
    llvm::Instruction *I;
    int64_t Off;
    uint64_t Size;
  };
  // Strided accesses of one loop, kind, step and trip count whose starts
  // differ by constants; Off is relative to Start.
  struct Group {
    llvm::Loop *L;
    bool Write, PlusOne;
    int64_t Step;
    const llvm::SCEV *Start, *BTC;
    llvm::SmallVector<Member, 4> Members;
    int64_t Lo = 0, Hi = 0; // hull of the members' bytes
    bool Contiguous = false;
  };

  llvm::Function &F;
  llvm::DominatorTree &DT;
  llvm::LoopInfo &LI;
  const llvm::DataLayout &DL;
  std::unique_ptr<llvm::TargetLibraryInfoImpl> TLII;
  std::unique_ptr<llvm::TargetLibraryInfo> TLI;
  std::unique_ptr<llvm::AssumptionCache> AC;
  std::unique_ptr<llvm::ScalarEvolution> SE;
  std::unique_ptr<llvm::SCEVExpander> Exp;
  llvm::DenseMap<const llvm::Loop *, bool> QuietCache;

  bool quiet(const llvm::Loop *L);
  llvm::BasicBlock *entryEdgeSource(const llvm::Loop *L);
  bool runsOnEntry(const llvm::BasicBlock *B, const llvm::Loop *L);
  bool safeToExpand(const llvm::SCEV *S, llvm::Instruction *At);
  bool planInvariant(llvm::Instruction *I,
                     llvm::SmallVectorImpl<LoopCheck> &Out);
  bool addStrided(llvm::Instruction *I, llvm::SmallVectorImpl<Group> &Groups);
  static void measure(Group &G);
};

} // namespace racecheck

#endif
