//===- LoopChecks.cpp - one check per loop entry instead of per iteration -===//
//
// Owns: loop check coalescing (see LoopChecks.h for the soundness argument and
// pass/README.md "Optimisations" 6 for what it buys). Decides which plain
// accesses of quiet loops are checked once in the preheader, and computes the
// byte range a strided group touches.
//
//===----------------------------------------------------------------------===//

#include "LoopChecks.h"
#include "Access.h"

#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR >= 17
#include "llvm/TargetParser/Triple.h"
#else
#include "llvm/ADT/Triple.h"
#endif
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

#include <algorithm>

using namespace llvm;

namespace racecheck {

// Offsets and steps beyond this are left alone (no overflow in the arithmetic
// below, and nothing a C loop over an array produces).
static const int64_t Limit = int64_t(1) << 32;

// S as a constant strictly between -Limit and Limit.
static bool smallConstant(const SCEV *S, int64_t &V) {
  const auto *C = dyn_cast<SCEVConstant>(S);
  if (!C || !C->getAPInt().isSignedIntN(63))
    return false;
  V = C->getAPInt().getSExtValue();
  return V > -Limit && V < Limit;
}

// Could I be seen by the runtime (a call into it or into code that is), or
// synchronise? Debug info, lifetime markers, assumptions and intrinsics that
// touch no memory cannot.
static bool runtimeSees(const Instruction &I) {
  if (I.isAtomic())
    return true; // atomics, fences (instrumented or not: they synchronise)
  const auto *CB = dyn_cast<CallBase>(&I);
  if (!CB)
    return false;
  const auto *II = dyn_cast<IntrinsicInst>(CB);
  if (!II)
    return true; // real calls, invokes and inline asm
  if (isa<DbgInfoIntrinsic>(II))
    return false;
  switch (II->getIntrinsicID()) {
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::assume:
  case Intrinsic::experimental_noalias_scope_decl:
    return false;
  default:
    return !II->doesNotAccessMemory(); // mem*, masked/x86 stores, mfence, ...
  }
}

LoopCoalescer::LoopCoalescer(Function &F, DominatorTree &DT, LoopInfo &LI)
    : F(F), DT(DT), LI(LI), DL(F.getParent()->getDataLayout()) {}

LoopCoalescer::~LoopCoalescer() = default;

bool LoopCoalescer::quiet(const Loop *L) {
  auto It = QuietCache.find(L);
  if (It != QuietCache.end())
    return It->second;
  bool Q = true;
  for (const BasicBlock *B : L->blocks())
    for (const Instruction &I : *B)
      if (runtimeSees(I))
        Q = false;
  QuietCache[L] = Q;
  return Q;
}

// The block every entry into L comes from: its preheader, or else its only
// outside predecessor if a plain branch with one edge to the header leaves it
// (insertPoint splits that edge). Null when L cannot get a preheader.
BasicBlock *LoopCoalescer::entryEdgeSource(const Loop *L) {
  if (BasicBlock *Pre = L->getLoopPreheader())
    return Pre;
  BasicBlock *Pred = L->getLoopPredecessor();
  if (!Pred || !isa<BranchInst>(Pred->getTerminator()) ||
      L->getHeader()->isEHPad())
    return nullptr;
  return llvm::count(successors(Pred), L->getHeader()) == 1 ? Pred : nullptr;
}

Instruction *LoopCoalescer::insertPoint(Loop *L) {
  if (BasicBlock *Pre = L->getLoopPreheader())
    return Pre->getTerminator();
  BasicBlock *Pred = entryEdgeSource(L);
  assert(Pred && "plan() only keeps loops that can get a preheader");
  return SplitEdge(Pred, L->getHeader(), &DT, &LI)->getTerminator();
}

// Does every entry into L that reaches a latch or an exit run B first? Then an
// access in B happens at least once per entry (the loop is entered only
// through its preheader and runs its header at least once).
bool LoopCoalescer::runsOnEntry(const BasicBlock *B, const Loop *L) {
  SmallVector<BasicBlock *, 4> Ends;
  L->getExitingBlocks(Ends);
  L->getLoopLatches(Ends);
  return llvm::all_of(Ends,
                      [&](BasicBlock *E) { return DT.dominates(B, E); });
}

bool LoopCoalescer::safeToExpand(const SCEV *S, Instruction *At) {
#if LLVM_VERSION_MAJOR >= 15
  return Exp->isSafeToExpandAt(S, At);
#else
  return isSafeToExpandAt(S, At, *SE);
#endif
}

// An access whose address does not change in the loop: one check per entry of
// the outermost enclosing quiet loop it runs on every entry of. Checks hoisted
// to the same place for the same address and size merge (a write covers reads).
bool LoopCoalescer::planInvariant(Instruction *I,
                                  SmallVectorImpl<LoopCheck> &Out) {
  Value *Ptr = getLoadStorePointerOperand(I);
  BasicBlock *B = I->getParent();
  Loop *Best = nullptr;
  for (Loop *X = LI.getLoopFor(B); X; X = X->getParentLoop()) {
    if (!X->isLoopInvariant(Ptr) || !entryEdgeSource(X) || !quiet(X) ||
        !runsOnEntry(B, X))
      break;
    Best = X;
  }
  if (!Best)
    return false;
  bool Write = isa<StoreInst>(I);
  uint64_t Size = accessSize(DL, I);
  for (LoopCheck &LC : Out) {
    if (LC.Range || LC.L != Best || accessSize(DL, LC.Rep) != Size ||
        getLoadStorePointerOperand(LC.Rep) != Ptr)
      continue;
    if (Write && !LC.Write) {
      LC.Rep = I;
      LC.Write = true;
    }
    return true;
  }
  Out.push_back({I, Best, Write, /*Range=*/false});
  return true;
}

// An access whose address is {Start,+,Step} over its innermost loop L, in a
// block that runs on every iteration, in a quiet loop with a single exiting
// block and an exact trip count: joins the group of L's accesses of the same
// kind, step and count whose start differs from its own by a constant.
bool LoopCoalescer::addStrided(Instruction *I, SmallVectorImpl<Group> &Groups) {
  BasicBlock *B = I->getParent();
  Loop *L = LI.getLoopFor(B);
  if (!L || !quiet(L))
    return false;
  BasicBlock *Pre = entryEdgeSource(L), *Latch = L->getLoopLatch(),
             *Exiting = L->getExitingBlock();
  if (!Pre || !Latch || !Exiting || !DT.dominates(B, Latch))
    return false;
  // Iterations 0..BTC run the header; the last one leaves from Exiting. B runs
  // in all of them if it comes before the exit test, in all but the last if
  // it comes after it; anything else is conditional.
  bool PlusOne;
  if (DT.dominates(B, Exiting))
    PlusOne = true;
  else if (DT.properlyDominates(Exiting, B))
    PlusOne = false;
  else
    return false;
  const SCEV *BTC = SE->getBackedgeTakenCount(L);
  if (isa<SCEVCouldNotCompute>(BTC) || !BTC->getType()->isIntegerTy() ||
      BTC->getType()->getIntegerBitWidth() > DL.getPointerSizeInBits())
    return false;
  const auto *AR = dyn_cast<SCEVAddRecExpr>(SE->getSCEV(getLoadStorePointerOperand(I)));
  if (!AR || AR->getLoop() != L || !AR->isAffine())
    return false;
  int64_t Step;
  uint64_t Size = accessSize(DL, I);
  if (!smallConstant(AR->getStepRecurrence(*SE), Step) || Step == 0 ||
      Size >= (uint64_t)Limit)
    return false;
  Instruction *At = Pre->getTerminator();
  const SCEV *Start = AR->getStart();
  if (!safeToExpand(Start, At) || !safeToExpand(BTC, At))
    return false;

  bool Write = isa<StoreInst>(I);
  for (Group &G : Groups) {
    if (G.L != L || G.Write != Write || G.PlusOne != PlusOne || G.Step != Step)
      continue;
    int64_t Off;
    if (!smallConstant(SE->getMinusSCEV(Start, G.Start), Off))
      continue;
    G.Members.push_back({I, Off, Size});
    return true;
  }
  Group G{L, Write, PlusOne, Step, Start, BTC, {}};
  G.Members.push_back({I, 0, Size});
  Groups.push_back(std::move(G));
  return true;
}

// The hull [Lo,Hi) of one iteration's bytes; Contiguous if they have no hole
// and the next iteration's bytes start no later than this one's end, so that
// all iterations together touch exactly [Lo, Hi + (N-1)*|Step|) (shifted for a
// negative step).
void LoopCoalescer::measure(Group &G) {
  SmallVector<Member, 4> M(G.Members.begin(), G.Members.end());
  std::sort(M.begin(), M.end(),
            [](const Member &A, const Member &B) { return A.Off < B.Off; });
  G.Lo = M[0].Off;
  G.Hi = M[0].Off + (int64_t)M[0].Size;
  bool Holes = false;
  for (const Member &X : M) {
    if (X.Off > G.Hi)
      Holes = true;
    G.Hi = std::max(G.Hi, X.Off + (int64_t)X.Size);
  }
  int64_t Abs = G.Step < 0 ? -G.Step : G.Step;
  G.Contiguous = !Holes && G.Hi - G.Lo >= Abs;
}

void LoopCoalescer::plan(SmallVectorImpl<Instruction *> &Checks,
                         SmallVectorImpl<LoopCheck> &Out) {
  if (LI.empty())
    return;
  TLII = std::make_unique<TargetLibraryInfoImpl>(
      Triple(F.getParent()->getTargetTriple()));
  TLI = std::make_unique<TargetLibraryInfo>(*TLII, &F);
  AC = std::make_unique<AssumptionCache>(F);
  SE = std::make_unique<ScalarEvolution>(F, *TLI, *AC, DT, LI);
  Exp = std::make_unique<SCEVExpander>(*SE, DL, "rc.loop",
                                       /*PreserveLCSSA=*/false);

  SmallVector<Instruction *, 32> Keep;
  SmallVector<Group, 8> Groups;
  for (Instruction *I : Checks) {
    if (!LI.getLoopFor(I->getParent())) {
      Keep.push_back(I);
      continue;
    }
    if (planInvariant(I, Out))
      continue;
    if (!addStrided(I, Groups))
      Keep.push_back(I);
  }
  for (Group &G : Groups)
    measure(G);

  auto Emit = [&](Group &G) {
    LoopCheck LC{G.Members[0].I, G.L, G.Write, /*Range=*/true};
    LC.Start = G.Start;
    LC.BTC = G.BTC;
    LC.PlusOne = G.PlusOne;
    LC.Step = G.Step;
    LC.Lo = G.Lo;
    LC.Hi = G.Hi;
    Out.push_back(LC);
  };
  // Writes first: a read group inside a contiguous write group's bytes of the
  // same iterations is covered by the write range (whatever races with the
  // read races with the write).
  for (Group &G : Groups)
    if (G.Write && G.Contiguous)
      Emit(G);
  for (Group &G : Groups) {
    if (G.Write) {
      if (!G.Contiguous)
        for (const Member &X : G.Members)
          Keep.push_back(X.I);
      continue;
    }
    bool Covered = false;
    for (Group &W : Groups) {
      if (!W.Write || !W.Contiguous || W.L != G.L || W.PlusOne != G.PlusOne ||
          W.Step != G.Step)
        continue;
      int64_t Off;
      if (smallConstant(SE->getMinusSCEV(G.Start, W.Start), Off) &&
          G.Lo + Off >= W.Lo && G.Hi + Off <= W.Hi) {
        Covered = true;
        break;
      }
    }
    if (Covered)
      continue;
    if (G.Contiguous) {
      Emit(G);
      continue;
    }
    for (const Member &X : G.Members)
      Keep.push_back(X.I);
  }
  Checks.assign(Keep.begin(), Keep.end());
}

// Computed in ScalarEvolution (which folds e.g. 4 + 4*(n-1) to 4*n) and
// expanded at the builder's position:
//   len  = (Hi - Lo) + (N - 1) * |Step|          (0 when N = 0)
//   addr = Start + Lo [+ (N - 1) * Step when Step < 0: the last iteration's
//          bytes are the lowest]
std::pair<Value *, Value *> LoopCoalescer::rangeOf(const LoopCheck &LC,
                                                   IRBuilder<> &IRB,
                                                   Type *PtrTy, Type *SizeTy) {
  Instruction *At = &*IRB.GetInsertPoint();
  auto C = [&](int64_t V) { return SE->getConstant(SizeTy, V, /*signed=*/true); };
  const SCEV *BTC = SE->getZeroExtendExpr(LC.BTC, SizeTy);
  const SCEV *NMinus1 = LC.PlusOne ? BTC : SE->getMinusSCEV(BTC, C(1));
  int64_t Abs = LC.Step < 0 ? -LC.Step : LC.Step;
  const SCEV *Len = SE->getAddExpr(C(LC.Hi - LC.Lo), SE->getMulExpr(NMinus1, C(Abs)));
  const SCEV *Off = C(LC.Lo);
  if (LC.Step < 0)
    Off = SE->getAddExpr(Off, SE->getMulExpr(NMinus1, C(LC.Step)));
  const SCEV *Addr = SE->getAddExpr(LC.Start, Off);

  Value *LenV = Exp->expandCodeFor(Len, SizeTy, At);
  if (!LC.PlusOne) { // the group's blocks run BTC times, maybe never
    Value *BTCV = Exp->expandCodeFor(BTC, SizeTy, At);
    LenV = IRB.CreateSelect(IRB.CreateICmpEQ(BTCV, ConstantInt::get(SizeTy, 0)),
                            ConstantInt::get(SizeTy, 0), LenV);
  }
  Value *AddrV = Exp->expandCodeFor(Addr, Addr->getType(), At);
  return {IRB.CreatePointerCast(AddrV, PtrTy), LenV};
}

} // namespace racecheck
