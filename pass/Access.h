//===- Access.h - what a plain load or store touches -------------------------===//
//
// Owns: the value type and byte size of a plain load or store, which the
// instrumenter, loop check coalescing and site check coalescing all need.
//
//===----------------------------------------------------------------------===//
#ifndef RACECHECK_PASS_ACCESS_H
#define RACECHECK_PASS_ACCESS_H

#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"

namespace racecheck {

// The type a load produces or a store writes.
inline llvm::Type *accessType(const llvm::Instruction *I) {
  if (auto *SI = llvm::dyn_cast<llvm::StoreInst>(I))
    return SI->getValueOperand()->getType();
  return I->getType();
}

// Its size in bytes (a fixed-size type: scalable vectors are never checked).
inline uint64_t accessSize(const llvm::DataLayout &DL, const llvm::Instruction *I) {
  return DL.getTypeStoreSize(accessType(I)).getFixedValue();
}

} // namespace racecheck

#endif
