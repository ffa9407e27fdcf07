//===- RaceCheckPass.cpp - racecheck instrumentation pass plugin ----------===//
//
// Owns: the compile-time half of racecheck (directory pass/). A new pass
// manager plugin that rewrites a module's memory operations into calls to the
// detector runtime, exactly as specified by docs/ABI.md (__rc_readN/writeN,
// __rc_atomicN_*, __rc_memcpy/..., __rc_func_entry/exit, __rc_preempt_poll and
// the link-check constructor). Nothing here knows how races are detected.
//
// Usage:  clang -fpass-plugin=libracecheck_pass.so ...        (any -O level)
//         opt -load-pass-plugin=libracecheck_pass.so -passes=racecheck ...
//
// Builds against LLVM 14 (typed pointers) and LLVM 19 (opaque pointers only);
// version differences are #if LLVM_VERSION_MAJOR shims (mostly right below).
// pass/README.md explains what is instrumented, what is skipped and why.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include "Access.h"
#include "LoopChecks.h"
#include "SiteChecks.h"

#include <cstdlib>
#include <cstring>

using namespace llvm;
using racecheck::accessSize;
using racecheck::accessType;
using racecheck::LoopCheck;
using racecheck::LoopCoalescer;
using racecheck::SiteCheck;

namespace {

// ---- LLVM version shims --------------------------------------------------

// The pointer type of every `void *` runtime parameter. LLVM 14 still has typed
// pointers (so addresses are cast to i8*); from LLVM 17 Type::getInt8PtrTy is
// gone and all pointers are the opaque `ptr`, making the casts no-ops.
Type *voidPtrTy(LLVMContext &C) {
#if LLVM_VERSION_MAJOR >= 17
  return PointerType::getUnqual(C);
#else
  return Type::getInt8PtrTy(C);
#endif
}

Function *intrinsicDecl(Module &M, Intrinsic::ID ID) {
#if LLVM_VERSION_MAJOR >= 20
  return Intrinsic::getOrInsertDeclaration(&M, ID);
#else
  return Intrinsic::getDeclaration(&M, ID);
#endif
}

// ---- ABI constants ---------------------------------------------------------

// C11 numbering required by docs/ABI.md. LLVM has no "consume" (clang already
// lowers it to acquire) and "unordered" (Java-style) is at least as weak as
// relaxed, so both weaker orders map to 0.
int c11Order(AtomicOrdering O) {
  switch (O) {
  case AtomicOrdering::NotAtomic:
  case AtomicOrdering::Unordered:
  case AtomicOrdering::Monotonic:
    return 0;
  case AtomicOrdering::Acquire:
    return 2;
  case AtomicOrdering::Release:
    return 3;
  case AtomicOrdering::AcquireRelease:
    return 4;
  case AtomicOrdering::SequentiallyConsistent:
    return 5;
  }
  return 5;
}

const char *rmwName(AtomicRMWInst::BinOp Op) {
  switch (Op) {
  case AtomicRMWInst::Xchg:
    return "exchange";
  case AtomicRMWInst::Add:
    return "fetch_add";
  case AtomicRMWInst::Sub:
    return "fetch_sub";
  case AtomicRMWInst::And:
    return "fetch_and";
  case AtomicRMWInst::Or:
    return "fetch_or";
  case AtomicRMWInst::Xor:
    return "fetch_xor";
  case AtomicRMWInst::Nand:
    return "fetch_nand";
  default:
    return nullptr; // min/max/fadd/...: no ABI entry
  }
}

// StringRef::startswith is deprecated in LLVM 19, starts_with absent in 14.
bool hasPrefix(StringRef S, StringRef P) { return S.substr(0, P.size()) == P; }

bool isRuntimeName(StringRef N) {
  return hasPrefix(N, "__rc_") || hasPrefix(N, "rc_");
}

// Loop check coalescing (LoopChecks.h) is on unless the environment of the
// compiler says RACECHECK_COALESCE_LOOPS=0, so its effect can be measured.
// (A plugin's cl::opt cannot be set with clang's -mllvm: clang parses those
// before it loads -fpass-plugin plugins.)
bool envOn(const char *Name) {
  const char *E = std::getenv(Name);
  return !E || std::strcmp(E, "0") != 0;
}
bool coalesceLoops() { return envOn("RACECHECK_COALESCE_LOOPS"); }
// Likewise RACECHECK_COALESCE_SITES=0 for "Optimisations" 8 (SiteChecks.h).
bool coalesceSites() { return envOn("RACECHECK_COALESCE_SITES"); }

// The racecheck API calls that copy a value in or out through their second
// argument and keep no reference to it (racecheck.h, RC_NOESCAPE), with the
// entry point that skips the runtime's check of that copy (docs/ABI.md,
// "Private values"): for a value in a stack slot nothing else can reach.
struct ValueCall {
  const char *Name, *Private;
};
const ValueCall ValueCalls[] = {
    {"rc_chan_send", "__rc_chan_send_private"},
    {"rc_chan_recv", "__rc_chan_recv_private"},
    {"rc_chan_try_send", "__rc_chan_try_send_private"},
    {"rc_chan_try_recv", "__rc_chan_try_recv_private"},
    {"rc_go_copy", "__rc_go_copy_private"},
};

// ---- the instrumenter ------------------------------------------------------

class Instrumenter {
public:
  explicit Instrumenter(Module &M)
      : M(M), DL(M.getDataLayout()), Ctx(M.getContext()),
        VoidTy(Type::getVoidTy(Ctx)), PtrTy(voidPtrTy(Ctx)),
        I32Ty(Type::getInt32Ty(Ctx)), SizeTy(DL.getIntPtrType(Ctx)) {}

  bool run();

private:
  Module &M;
  const DataLayout &DL;
  LLVMContext &Ctx;
  Type *VoidTy, *PtrTy, *I32Ty, *SizeTy;
  DenseMap<const Value *, bool> CapturedCache; // alloca -> may escape

  FunctionCallee rt(const Twine &Name, Type *Ret, ArrayRef<Type *> Params);
  void setDebugLoc(IRBuilder<> &IRB, Function &F);
  static CallInst *emit(IRBuilder<> &IRB, FunctionCallee FC,
                        ArrayRef<Value *> Args = {});
  bool mayRace(Value *Ptr);
  const char *privateEntry(CallBase &CB);
  bool isHandledAtomic(Instruction &I);
  bool instrumentFunction(Function &F);
  static void dropMemoryAttrs(Function &F);
  void dedupSegment(ArrayRef<Instruction *> Seg,
                    SmallVectorImpl<Instruction *> &Out,
                    DenseMap<const Instruction *, unsigned> &StretchOf);
  void instrumentPlain(Instruction *I, Instruction *Before);
  void emitRange(IRBuilder<> &IRB, bool Write, Value *Addr, Value *Len);
  void instrumentLoopCheck(const LoopCheck &LC, LoopCoalescer &LCo);
  void instrumentSiteCheck(const SiteCheck &SC);
  void instrumentAtomic(Instruction *I);
  void instrumentMemIntrinsic(MemIntrinsic *MI);
  void addLinkCheckCtor();
};

// Declares (once) a runtime function. Declarations are created lazily so a
// module only references the entry points it uses.
FunctionCallee Instrumenter::rt(const Twine &Name, Type *Ret,
                                ArrayRef<Type *> Params) {
  SmallString<64> Buf;
  FunctionCallee FC =
      M.getOrInsertFunction(Name.toStringRef(Buf),
                            FunctionType::get(Ret, Params, /*isVarArg=*/false));
  if (auto *Fn = dyn_cast<Function>(FC.getCallee())) {
    if (Fn->isDeclaration()) {
      // The runtime never unwinds; lets calls stay plain `call`s in nounwind
      // code.
      Fn->addFnAttr(Attribute::NoUnwind);
      // uint8_t/uint16_t (atomic values) are zero-extended per the C ABI; the
      // runtime, compiled from C, relies on that.
      for (unsigned i = 0; i < Params.size(); ++i)
        if (Params[i]->isIntegerTy() && Params[i]->getIntegerBitWidth() < 32)
          Fn->addParamAttr(i, Attribute::ZExt);
      if (Ret->isIntegerTy() && Ret->getIntegerBitWidth() < 32)
        Fn->addRetAttr(Attribute::ZExt);
    }
  }
  return FC;
}

// Calls a runtime function, repeating the declaration's attributes (zeroext,
// nounwind) on the call: codegen must extend i8/i16 arguments even if the
// callee were ever seen through a cast.
CallInst *Instrumenter::emit(IRBuilder<> &IRB, FunctionCallee FC,
                             ArrayRef<Value *> Args) {
  CallInst *CI = IRB.CreateCall(FC, Args);
  if (auto *Fn = dyn_cast<Function>(FC.getCallee()))
    CI->setAttributes(Fn->getAttributes());
  return CI;
}

// Inserted calls carry the location of the instruction they stand for (the
// IRBuilder(Instruction*) constructor already copies it) so the runtime's stack
// traces name the right line. Where there is none, use line 0 of the function
// so debuggers/symbolizers still attribute the call to the right function.
void Instrumenter::setDebugLoc(IRBuilder<> &IRB, Function &F) {
  if (IRB.getCurrentDebugLocation())
    return;
  if (DISubprogram *SP = F.getSubprogram())
    IRB.SetCurrentDebugLocation(DILocation::get(Ctx, 0, 0, SP));
}

// A relaxed load of rc_hooks_active, the runtime's "is a detector linked" flag
// that racecheck.h's inline Mutex fast paths test: written once before main,
// read-only after, and no synchronisation (relaxed): checking it would only cost
// a detector call per Lock and Unlock.
static bool isRuntimeFlagLoad(Instruction &I) {
  auto *LI = dyn_cast<LoadInst>(&I);
  if (!LI || !LI->isAtomic() || isStrongerThanMonotonic(LI->getOrdering()))
    return false;
  auto *GV = dyn_cast<GlobalVariable>(LI->getPointerOperand()->stripPointerCasts());
  return GV && GV->getName() == "rc_hooks_active";
}

// Can a plain access through Ptr take part in a race?
bool Instrumenter::mayRace(Value *Ptr) {
  // Non-default address spaces (GPU, TLS-like segments) are not ordinary
  // shared memory and the runtime takes `void *` in address space 0.
  if (Ptr->getType()->getPointerAddressSpace() != 0)
    return false;
  const Value *Obj = getUnderlyingObject(Ptr);
  if (const auto *GV = dyn_cast<GlobalVariable>(Obj)) {
    // Read-only data cannot race; llvm.* and __llvm_* (profiling counters)
    // globals belong to the compiler, not the program.
    if (GV->isConstant())
      return false;
    StringRef N = GV->getName();
    if (hasPrefix(N, "llvm.") || hasPrefix(N, "__llvm_"))
      return false;
  }
  if (const auto *AI = dyn_cast<AllocaInst>(Obj)) {
    // A stack slot whose address never escapes is visible to this thread only.
    auto It = CapturedCache.find(AI);
    if (It == CapturedCache.end())
      It = CapturedCache
               .insert({AI, PointerMayBeCaptured(AI, /*ReturnCaptures=*/true,
                                                 /*StoreCaptures=*/true)})
               .first;
    if (!It->second)
      return false;
  }
  return true;
}

// The entry point to call instead of CB's callee, or null: CB is a ValueCall
// whose value cannot race (a private stack slot, read-only data).
const char *Instrumenter::privateEntry(CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || CB.arg_size() < 2)
    return nullptr;
  for (const ValueCall &VC : ValueCalls)
    if (Callee->getName() == VC.Name)
      return mayRace(CB.getArgOperand(1)) ? nullptr : VC.Private;
  return nullptr;
}

// The integer type the ABI uses for an atomic of type Ty (ints, pointers and
// floats of 8..128 bits), or null when there is no matching entry point.
static IntegerType *atomicIntTy(const DataLayout &DL, Type *Ty) {
  if (!Ty->isIntegerTy() && !Ty->isPointerTy() && !Ty->isFloatingPointTy())
    return nullptr;
  TypeSize Bits = DL.getTypeStoreSizeInBits(Ty);
  if (Bits.isScalable())
    return nullptr;
  uint64_t N = Bits.getFixedValue();
  if (N != 8 && N != 16 && N != 32 && N != 64 && N != 128)
    return nullptr;
  return IntegerType::get(Ty->getContext(), (unsigned)N);
}

static Value *toInt(IRBuilder<> &IRB, Value *V, IntegerType *IT) {
  if (V->getType()->isPointerTy())
    return IRB.CreatePtrToInt(V, IT);
  return IRB.CreateBitCast(V, IT); // no-op for ints, reinterpret for floats
}

static Value *fromInt(IRBuilder<> &IRB, Value *V, Type *Ty) {
  if (Ty->isPointerTy())
    return IRB.CreateIntToPtr(V, Ty);
  return IRB.CreateBitCast(V, Ty);
}

bool Instrumenter::isHandledAtomic(Instruction &I) {
  Value *Ptr = getLoadStorePointerOperand(&I);
  Type *Ty = nullptr;
  if (auto *LI = dyn_cast<LoadInst>(&I)) {
    Ty = LI->getType();
  } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
    Ty = SI->getValueOperand()->getType();
  } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
    if (!rmwName(RMW->getOperation()))
      return false;
    Ptr = RMW->getPointerOperand();
    Ty = RMW->getValOperand()->getType();
    // Only exchange may operate on non-integers (floats, pointers).
    if (!Ty->isIntegerTy() && RMW->getOperation() != AtomicRMWInst::Xchg)
      return false;
  } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
    Ptr = CX->getPointerOperand();
    Ty = CX->getCompareOperand()->getType();
  } else {
    return isa<FenceInst>(I);
  }
  return Ptr->getType()->getPointerAddressSpace() == 0 && atomicIntTy(DL, Ty);
}

// Plain access -> __rc_{,unaligned_}{read,write}N or __rc_{read,write}_range,
// placed before the access (docs/ABI.md "Plain accesses"), or before Before
// (a loop preheader's terminator) for a check hoisted out of a loop; the call
// keeps the access's debug location either way.
void Instrumenter::instrumentPlain(Instruction *I, Instruction *Before) {
  bool IsWrite = isa<StoreInst>(I);
  Value *Ptr = getLoadStorePointerOperand(I);
  Align A =
      IsWrite ? cast<StoreInst>(I)->getAlign() : cast<LoadInst>(I)->getAlign();
  uint64_t Size = accessSize(DL, I);

  IRBuilder<> IRB(Before);
  IRB.SetCurrentDebugLocation(I->getDebugLoc());
  setDebugLoc(IRB, *I->getFunction());
  Value *Addr = IRB.CreatePointerCast(Ptr, PtrTy);
  const char *Kind = IsWrite ? "write" : "read";
  if (Size == 1 || Size == 2 || Size == 4 || Size == 8 || Size == 16) {
    bool Aligned = A.value() >= Size; // "aligned to their size" (ABI)
    emit(IRB,
         rt(Twine("__rc_") + (Aligned ? "" : "unaligned_") + Kind + Twine(Size),
            VoidTy, {PtrTy}),
         {Addr});
  } else {
    emitRange(IRB, IsWrite, Addr, ConstantInt::get(SizeTy, Size));
  }
}

// __rc_read_range / __rc_write_range(Addr, Len) at the builder's position.
void Instrumenter::emitRange(IRBuilder<> &IRB, bool Write, Value *Addr,
                             Value *Len) {
  emit(IRB,
       rt(Twine("__rc_") + (Write ? "write" : "read") + "_range", VoidTy,
          {PtrTy, SizeTy}),
       {Addr, Len});
}

// One range check for adjacent accesses of one source location (SiteChecks.h),
// before the first of them.
void Instrumenter::instrumentSiteCheck(const SiteCheck &SC) {
  IRBuilder<> IRB(SC.At);
  IRB.SetCurrentDebugLocation(SC.At->getDebugLoc());
  Value *Base = IRB.CreatePointerCast(SC.Base, PtrTy);
  Value *Addr = IRB.CreateConstGEP1_64(IRB.getInt8Ty(), Base, SC.Lo);
  emitRange(IRB, SC.Write, Addr, ConstantInt::get(SizeTy, SC.Hi - SC.Lo));
}

// A check standing for accesses of a whole loop (LoopChecks.h): the access's
// own check hoisted to the preheader, or __rc_{read,write}_range over the bytes
// all iterations touch.
void Instrumenter::instrumentLoopCheck(const LoopCheck &LC,
                                       LoopCoalescer &LCo) {
  Instruction *At = LCo.insertPoint(LC.L);
  if (!LC.Range) {
    instrumentPlain(LC.Rep, At);
    return;
  }
  IRBuilder<> IRB(At);
  IRB.SetCurrentDebugLocation(LC.Rep->getDebugLoc());
  setDebugLoc(IRB, *LC.Rep->getFunction());
  auto AddrLen = LCo.rangeOf(LC, IRB, PtrTy, SizeTy);
  emitRange(IRB, LC.Write, AddrLen.first, AddrLen.second);
}

// Atomic instruction -> the runtime call that performs it; the instruction is
// removed (docs/ABI.md "Atomics"). Pointer/float values travel as integers.
void Instrumenter::instrumentAtomic(Instruction *I) {
  IRBuilder<> IRB(I);
  setDebugLoc(IRB, *I->getFunction());
  auto Order = [&](AtomicOrdering O) {
    return ConstantInt::get(I32Ty, c11Order(O));
  };

  if (auto *FI = dyn_cast<FenceInst>(I)) {
    // A single-thread fence only orders against signal handlers.
    bool Signal = FI->getSyncScopeID() == SyncScope::SingleThread;
    emit(IRB,
         rt(Signal ? "__rc_atomic_signal_fence" : "__rc_atomic_thread_fence",
            VoidTy, {I32Ty}),
         {Order(FI->getOrdering())});
    I->eraseFromParent();
    return;
  }

  Value *Ptr;
  Type *Ty;
  if (auto *RMW = dyn_cast<AtomicRMWInst>(I)) {
    Ptr = RMW->getPointerOperand();
    Ty = RMW->getValOperand()->getType();
  } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(I)) {
    Ptr = CX->getPointerOperand();
    Ty = CX->getCompareOperand()->getType();
  } else {
    Ptr = getLoadStorePointerOperand(I);
    Ty = accessType(I);
  }
  IntegerType *IT = atomicIntTy(DL, Ty);
  std::string Prefix = ("__rc_atomic" + Twine(IT->getBitWidth()) + "_").str();
  Value *Addr = IRB.CreatePointerCast(Ptr, PtrTy);
  Value *Result = nullptr;

  if (auto *LI = dyn_cast<LoadInst>(I)) {
    Value *V = emit(IRB, rt(Prefix + "load", IT, {PtrTy, I32Ty}),
                    {Addr, Order(LI->getOrdering())});
    Result = fromInt(IRB, V, Ty);
  } else if (auto *SI = dyn_cast<StoreInst>(I)) {
    emit(IRB, rt(Prefix + "store", VoidTy, {PtrTy, IT, I32Ty}),
         {Addr, toInt(IRB, SI->getValueOperand(), IT),
          Order(SI->getOrdering())});
  } else if (auto *RMW = dyn_cast<AtomicRMWInst>(I)) {
    Value *V = emit(
        IRB, rt(Prefix + rmwName(RMW->getOperation()), IT, {PtrTy, IT, I32Ty}),
        {Addr, toInt(IRB, RMW->getValOperand(), IT),
         Order(RMW->getOrdering())});
    Result = fromInt(IRB, V, Ty);
  } else {
    // cmpxchg yields {old, success}; the runtime returns only the old value,
    // so success is recomputed as old == expected (a strong CAS, which is a
    // valid implementation of a weak one too).
    auto *CX = cast<AtomicCmpXchgInst>(I);
    Value *Cmp = toInt(IRB, CX->getCompareOperand(), IT);
    Value *Old = emit(
        IRB,
        rt(Prefix + "compare_exchange_val", IT, {PtrTy, IT, IT, I32Ty, I32Ty}),
        {Addr, Cmp, toInt(IRB, CX->getNewValOperand(), IT),
         Order(CX->getSuccessOrdering()), Order(CX->getFailureOrdering())});
    Value *Success = IRB.CreateICmpEQ(Old, Cmp);
    Value *Pair = UndefValue::get(CX->getType());
    Pair = IRB.CreateInsertValue(Pair, fromInt(IRB, Old, Ty), 0);
    Result = IRB.CreateInsertValue(Pair, Success, 1);
  }
  if (Result)
    I->replaceAllUsesWith(Result);
  I->eraseFromParent();
}

// llvm.mem{cpy,move,set}[.inline] -> __rc_mem{cpy,move,set}, which perform the
// operation and check the whole range.
void Instrumenter::instrumentMemIntrinsic(MemIntrinsic *MI) {
  IRBuilder<> IRB(MI);
  setDebugLoc(IRB, *MI->getFunction());
  Value *Dst = IRB.CreatePointerCast(MI->getRawDest(), PtrTy);
  Value *Len = IRB.CreateIntCast(MI->getLength(), SizeTy, /*isSigned=*/false);
  if (auto *MS = dyn_cast<MemSetInst>(MI)) {
    emit(IRB, rt("__rc_memset", PtrTy, {PtrTy, I32Ty, SizeTy}),
         {Dst, IRB.CreateZExt(MS->getValue(), I32Ty), Len});
  } else {
    auto *MT = cast<MemTransferInst>(MI);
    const char *Name = isa<MemMoveInst>(MT) ? "__rc_memmove" : "__rc_memcpy";
    emit(IRB, rt(Name, PtrTy, {PtrTy, PtrTy, SizeTy}),
         {Dst, IRB.CreatePointerCast(MT->getRawSource(), PtrTy), Len});
  }
  MI->eraseFromParent();
}

// Redundant-check elimination inside one call-free stretch of a basic block
// (Seg, in program order). Between two calls this thread performs no
// synchronisation, so all of Seg happens "at the same time" for the detector:
//  * a write check of (addr,size) also covers every read of (addr,size) there:
//    anything racing with the read races with the write too;
//  * a second identical check adds nothing.
// So per (addr,size): keep only the first write if there is one, else only the
// first read. Addresses are compared as the same SSA value. The checks kept are
// numbered with the stretch (StretchOf) for SiteChecks.h.
void Instrumenter::dedupSegment(ArrayRef<Instruction *> Seg,
                                SmallVectorImpl<Instruction *> &Out,
                                DenseMap<const Instruction *, unsigned> &StretchOf) {
  using Key = std::pair<Value *, uint64_t>;
  auto KeyOf = [&](Instruction *I) {
    return Key(getLoadStorePointerOperand(I), accessSize(DL, I));
  };
  DenseSet<Key> Written, Done;
  const unsigned Id = StretchOf.size(); // unused by earlier stretches
  for (Instruction *I : Seg)
    if (isa<StoreInst>(I))
      Written.insert(KeyOf(I));
  for (Instruction *I : Seg) {
    Key K = KeyOf(I);
    if (!isa<StoreInst>(I) && Written.count(K))
      continue; // covered by the write check
    if (!Done.insert(K).second)
      continue; // identical check already emitted
    Out.push_back(I);
    StretchOf[I] = Id;
  }
}

bool Instrumenter::instrumentFunction(Function &F) {
  // Phase 1: look at the untouched IR and decide everything.
  SmallVector<Instruction *, 32> Plain, Atomics, Rets;
  SmallVector<MemIntrinsic *, 8> MemOps;
  SmallVector<AllocaInst *, 2> DynAllocas;
  SmallVector<std::pair<CallBase *, const char *>, 4> PrivateCalls;
  SmallVector<Instruction *, 16> Seg;
  DenseMap<const Instruction *, unsigned> StretchOf; // Plain's stretches
  DenseSet<const BasicBlock *> BusyBlocks; // will call something
  bool HasCalls = false;

  for (BasicBlock &BB : F) {
    for (Instruction &I : BB) {
      if (isa<ReturnInst>(I) || isa<ResumeInst>(I))
        Rets.push_back(&I);
      // Clang tags its own sanitizer-check code with !nosanitize.
      if (I.getMetadata("nosanitize"))
        continue;
      // Barrier: may synchronise, so it ends a call-free stretch
      // (dedupSegment). Busy: the block will enter the runtime (no poll needed,
      // see below).
      bool Barrier = false, Busy = false;
      if (isRuntimeFlagLoad(I))
        continue;
      if (auto *AI = dyn_cast<AllocaInst>(&I)) {
        // A dynamic alloca (VLA, alloca()) below the frame __rc_func_entry saw:
        // the runtime must know how deep the stack's shadow goes (rc_go_exit
        // clears it for the stack's next goroutine).
        if (!AI->isStaticAlloca() && mayRace(AI))
          DynAllocas.push_back(AI);
        continue;
      }
      if (I.isAtomic()) {
        Barrier = true; // even an atomic we leave alone synchronises
        if (isHandledAtomic(I)) {
          Atomics.push_back(&I); // load/store/rmw/cmpxchg/fence -> call
          Busy = true;
        }
      } else if (isa<LoadInst>(I) || isa<StoreInst>(I)) {
        Value *Ptr = getLoadStorePointerOperand(&I);
        if (DL.getTypeStoreSize(accessType(&I)).isScalable() || !mayRace(Ptr) ||
            (isa<StoreInst>(I) && cast<StoreInst>(I).isSwiftError()))
          continue;
        Seg.push_back(&I); // BusyBlocks: once we know where its check goes
      } else if (auto *MI = dyn_cast<MemIntrinsic>(&I)) {
        Barrier = true;
        Value *Src = isa<MemTransferInst>(MI)
                         ? cast<MemTransferInst>(MI)->getRawSource()
                         : nullptr;
        bool AS0 = MI->getDestAddressSpace() == 0 &&
                   (!Src || Src->getType()->getPointerAddressSpace() == 0);
        // Copying between thread-private/constant objects needs no check.
        if (AS0 && (mayRace(MI->getRawDest()) || (Src && mayRace(Src)))) {
          MemOps.push_back(MI);
          Busy = true;
        }
      } else if (auto *CB = dyn_cast<CallBase>(&I)) {
        if (CB->isInlineAsm()) {
          Barrier = true; // may hide a fence or a lock, but is no real call
        } else if (!isa<IntrinsicInst>(CB)) { // dbg/lifetime/... are no calls
          Barrier = Busy = HasCalls = true;
          if (const char *P = privateEntry(*CB))
            PrivateCalls.push_back({CB, P});
        }
      }
      if (Busy)
        BusyBlocks.insert(&BB);
      if (Barrier) {
        dedupSegment(Seg, Plain, StretchOf);
        Seg.clear();
      }
    }
    dedupSegment(Seg, Plain, StretchOf);
    Seg.clear();
  }

  // Checks of quiet loops move to the loop's preheader (LoopChecks.h).
  DominatorTree DT(F);
  LoopInfo LI(DT);
  LoopCoalescer LCo(F, DT, LI);
  SmallVector<LoopCheck, 8> LoopChecks;
  if (coalesceLoops())
    LCo.plan(Plain, LoopChecks);
  // Then adjacent checks of one source location, one range each (SiteChecks.h).
  SmallVector<SiteCheck, 8> SiteChecks;
  if (coalesceSites())
    racecheck::planSiteChecks(Plain, StretchOf, DL, SiteChecks);
  for (Instruction *I : Plain)
    BusyBlocks.insert(I->getParent());
  for (const SiteCheck &SC : SiteChecks)
    BusyBlocks.insert(SC.At->getParent());
  for (const LoopCheck &LC : LoopChecks) // its preheader or the block before
    if (BasicBlock *Pred = LC.L->getLoopPredecessor())
      BusyBlocks.insert(Pred);

  // Loops that contain no call and no instrumented access would never enter
  // the runtime, so a thread spinning in one (`for(;;){}`, or a spin on a load
  // the optimiser hoisted out, or whose check moved to the preheader) could
  // never be preempted: poll at the header. Every qualifying loop gets its own
  // poll, nested ones too: an outer loop may iterate without ever entering its
  // inner loop.
  SmallVector<BasicBlock *, 4> PollHeaders;
  for (Loop *L : LI.getLoopsInPreorder())
    if (llvm::none_of(L->blocks(), [&](BasicBlock *B) {
          return BusyBlocks.count(B) != 0;
        }))
      PollHeaders.push_back(L->getHeader());

  // Phase 2: rewrite. Loop checks first: their address arithmetic is expanded
  // from ScalarEvolution, which describes the untouched IR.
  for (const LoopCheck &LC : LoopChecks)
    instrumentLoopCheck(LC, LCo);
  for (Instruction *I : Plain)
    instrumentPlain(I, I);
  for (const SiteCheck &SC : SiteChecks)
    instrumentSiteCheck(SC);
  for (Instruction *I : Atomics)
    instrumentAtomic(I);
  for (MemIntrinsic *MI : MemOps)
    instrumentMemIntrinsic(MI);
  for (auto &PC : PrivateCalls)
    PC.first->setCalledFunction(
        M.getOrInsertFunction(PC.second, PC.first->getFunctionType()));
  for (AllocaInst *AI : DynAllocas) {
    IRBuilder<> IRB(AI->getNextNode());
    setDebugLoc(IRB, F);
    emit(IRB, rt("__rc_stack_alloca", VoidTy, {PtrTy}),
         {IRB.CreatePointerCast(AI, PtrTy)});
  }
  for (BasicBlock *H : PollHeaders) {
    IRBuilder<> IRB(&*H->getFirstInsertionPt());
    setDebugLoc(IRB, F);
    emit(IRB, rt("__rc_preempt_poll", VoidTy, {}));
  }

  // Entry/exit keep the runtime's shadow stack exact. A function with no
  // runtime event and no call can never be on the stack of a reported event,
  // so it is left without them (saves two calls per leaf, e.g. getters on
  // thread-private data).
  bool Changed = !Plain.empty() || !LoopChecks.empty() ||
                 !SiteChecks.empty() || !Atomics.empty() ||
                 !MemOps.empty() || !PollHeaders.empty() || !DynAllocas.empty();
  if (!Changed && !HasCalls)
    return false;

  BasicBlock &Entry = F.getEntryBlock();
  BasicBlock::iterator IP = Entry.getFirstInsertionPt();
  while (isa<AllocaInst>(*IP)) // keep the static allocas together at the top
    ++IP;
  IRBuilder<> IRB(&*IP);
  if (DISubprogram *SP = F.getSubprogram())
    IRB.SetCurrentDebugLocation(DILocation::get(Ctx, SP->getLine(), 0, SP));
  else
    IRB.SetCurrentDebugLocation(DebugLoc());
  Value *RetAddr = IRB.CreateCall(intrinsicDecl(M, Intrinsic::returnaddress),
                                  {IRB.getInt32(0)});
  emit(IRB, rt("__rc_func_entry", VoidTy, {PtrTy}),
       {IRB.CreatePointerCast(RetAddr, PtrTy)});

  for (Instruction *R : Rets) {
    // `musttail call` must stay immediately before its `ret`.
    Instruction *Before = R;
    if (CallInst *MT = R->getParent()->getTerminatingMustTailCall())
      Before = MT;
    IRBuilder<> IRBExit(Before);
    setDebugLoc(IRBExit, F);
    emit(IRBExit, rt("__rc_func_exit", VoidTy, {}));
  }
  dropMemoryAttrs(F);
  return true;
}

// An instrumented function calls into the runtime, which writes its own state
// and may synchronise, so attributes inferred earlier in the pipeline
// (readnone/readonly/writeonly/argmemonly, LLVM >= 16 memory(...), nosync,
// speculatable) no longer hold. Left in place they would let later passes
// (e.g. in LTO) delete, merge or hoist calls to it, losing or faking events.
void Instrumenter::dropMemoryAttrs(Function &F) {
#if LLVM_VERSION_MAJOR >= 16
  F.removeFnAttr(Attribute::Memory); // memory(...) replaced readnone & co.
#else
  for (Attribute::AttrKind K :
       {Attribute::ReadNone, Attribute::ReadOnly, Attribute::WriteOnly,
        Attribute::ArgMemOnly, Attribute::InaccessibleMemOnly,
        Attribute::InaccessibleMemOrArgMemOnly})
    F.removeFnAttr(K);
#endif
  F.removeFnAttr(Attribute::NoSync);
  F.removeFnAttr(Attribute::Speculatable);
}

// docs/ABI.md "Link check": linking an instrumented object without the
// detector runtime fails with an undefined symbol whose name says what to do.
void Instrumenter::addLinkCheckCtor() {
  Function *Ctor =
      Function::Create(FunctionType::get(VoidTy, false),
                       GlobalValue::InternalLinkage, "__rc_module_ctor", M);
  IRBuilder<> IRB(BasicBlock::Create(Ctx, "", Ctor));
  emit(IRB, rt("__rc_abi_v1_link_with_racecheck_race_runtime", VoidTy, {}));
  IRB.CreateRetVoid();
  // Priority 0, like the sanitizers: the runtime may also initialise itself
  // here, before any ordinary constructor touches memory.
  appendToGlobalCtors(M, Ctor, 0);
}

bool Instrumenter::run() {
  // Already instrumented (e.g. pass requested twice, or LTO post-link after a
  // pre-link run): doing it again would double every check.
  if (M.getFunction("__rc_module_ctor"))
    return false;
  for (Function &F : M) {
    if (F.isDeclaration() || isRuntimeName(F.getName()))
      continue;
    // `__attribute__((disable_sanitizer_instrumentation))` opts a function out;
    // naked functions are pure asm and may not contain calls.
    // no_sanitize("thread") is only visible in IR under -fsanitize=thread
    // (as the absence of sanitize_thread), so it cannot be honoured here.
    if (F.hasFnAttribute(Attribute::DisableSanitizerInstrumentation) ||
        F.hasFnAttribute(Attribute::Naked))
      continue;
    instrumentFunction(F);
  }
  addLinkCheckCtor(); // always: the module is "instrumented" even if trivial
  return true;
}

// ---- pass + plugin registration ------------------------------------------

struct RaceCheckPass : PassInfoMixin<RaceCheckPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    return Instrumenter(M).run() ? PreservedAnalyses::none()
                                 : PreservedAnalyses::all();
  }
  // Must run at -O0 too (and on optnone functions): without it the program
  // silently loses race detection.
  static bool isRequired() { return true; }
};

void registerCallbacks(PassBuilder &PB) {
  // `opt -passes=racecheck`
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != "racecheck")
          return false;
        MPM.addPass(RaceCheckPass());
        return true;
      });
  // `clang -fpass-plugin=`: at the very end of the optimisation pipeline, so
  // we instrument optimised IR (fewer, merged accesses; promoted locals gone)
  // and later passes cannot move accesses across our calls. The O0 pipeline
  // also runs this extension point.
#if LLVM_VERSION_MAJOR >= 20
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel, ThinOrFullLTOPhase) {
        MPM.addPass(RaceCheckPass());
      });
#else
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(RaceCheckPass());
      });
#endif
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "racecheck", LLVM_VERSION_STRING,
          registerCallbacks};
}
