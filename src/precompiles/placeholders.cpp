// TEMPORARY: precompiles not implemented yet fail every call (never a fake success). Each
// implementation removes its line here when it lands; this file goes when it is empty.
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
#define PARAEVM_PLACEHOLDER(name) \
  PrecompileResult name(Revision, BytesView, int64_t) { return {false, 0, {}}; }


#undef PARAEVM_PLACEHOLDER
}  // namespace paraevm::precompiles
