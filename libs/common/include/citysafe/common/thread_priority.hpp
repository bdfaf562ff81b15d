#pragma once
// Background work (moving readings into the series) yields the processor to latency-critical
// threads (ingestion) by running at a lower priority.
namespace citysafe {

// Lowers the calling thread's scheduling priority by `nice` steps (Linux: per thread). Best
// effort: does nothing where the system does not allow it.
void lowerThisThreadPriority(int nice);

}  // namespace citysafe
