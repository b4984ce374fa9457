// The generic parallel core on synthetic blocks with calibrated busy work per transaction:
// independent transactions, a dependency chain, a hot key read and written by every transaction,
// and a hot key that every transaction only adds to (deltas). Compare with the in-order baseline
// (BM_InOrder, a plain loop over a hash map): speedup = baseline time / executor time; overhead
// per transaction = (executor time - baseline time) / transactions (at 0 µs of work it is the
// engine's whole cost). The ideal_speedup counter is the list-scheduling model on the threads
// used, from the recorded dependencies and execution times.
#include <benchmark/benchmark.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "parallel/executor.hpp"

namespace {

using namespace paraevm::parallel;  // NOLINT: benchmark-local

struct Traits {
  using Key = uint32_t;
  using Value = uint64_t;
  using Delta = uint64_t;
  struct KeyHash {
    size_t operator()(uint32_t k) const { return k; }
  };
  static Value apply(Value v, Delta d) { return v + d; }
  static Delta combine(Delta a, Delta b) { return a + b; }
};

enum Shape : int { kIndependent, kChain, kHotKey, kHotDelta };
constexpr size_t kBlock = 1000;

uint64_t spin(uint64_t iterations, uint64_t x) {
  for (uint64_t i = 0; i < iterations; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return x;
}

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Iterations of spin() per microsecond of CPU time, measured once (CPU time, not wall time, so
// that a loaded machine does not shrink the calibrated work).
uint64_t iterations_per_us() {
  static const uint64_t value = [] {
    const double start = thread_cpu_us();
    benchmark::DoNotOptimize(spin(50'000'000, 1));
    return static_cast<uint64_t>(50'000'000 / (thread_cpu_us() - start));
  }();
  return value;
}

// The transaction program: reads (key_in), busy work, writes (key_out) or adds to key 0.
struct Program {
  Shape shape;
  uint64_t work;
  template <class Read>
  void run(TxIndex tx, Read&& read, WriteSet<Traits>& writes, uint64_t& out) const {
    uint64_t acc = tx;
    switch (shape) {
      case kIndependent:
        acc += read(tx + 1);
        acc = spin(work, acc);
        writes.push_back(Write<Traits>::full(tx + 1, acc));
        break;
      case kChain:
        acc += read(tx);
        acc = spin(work, acc);
        writes.push_back(Write<Traits>::full(tx + 1, acc));
        break;
      case kHotKey:
        acc += read(0);
        acc = spin(work, acc);
        writes.push_back(Write<Traits>::full(0, acc));
        break;
      case kHotDelta:
        acc += read(tx + 1);
        acc = spin(work, acc);
        writes.push_back(Write<Traits>::full(tx + 1, acc));
        writes.push_back(Write<Traits>::add(0, acc & 0xff));
        break;
    }
    out = acc;
  }
};

struct BenchTask final : Task<Traits, uint64_t> {
  Program program;
  explicit BenchTask(Program p) : program(p) {}
  void execute(TxIndex tx, IncarnationView<Traits>& view,
               ExecResult<Traits, uint64_t>& r) override {
    program.run(
        tx, [&](uint32_t k) { return view.read(k); }, r.writes, r.output);
  }
};

struct Base final : BaseReader<Traits> {
  uint64_t read_base(const uint32_t& k) override { return k; }
};

Program program_for(const benchmark::State& state) {
  return {static_cast<Shape>(state.range(0)), state.range(1) * iterations_per_us()};
}

void BM_InOrder(benchmark::State& state) {
  const Program program = program_for(state);
  std::unordered_map<uint32_t, uint64_t> map;
  WriteSet<Traits> writes;
  for (auto _ : state) {
    map.clear();
    for (TxIndex tx = 0; tx < kBlock; ++tx) {
      writes.clear();
      uint64_t out = 0;
      auto read = [&](uint32_t k) {
        auto it = map.find(k);
        return it == map.end() ? uint64_t{k} : it->second;
      };
      program.run(tx, read, writes, out);
      for (const auto& w : writes)
        map[w.key] = w.kind == WriteKind::kValue ? w.value : read(w.key) + w.delta;
      benchmark::DoNotOptimize(out);
    }
  }
  state.counters["ns_per_tx"] = benchmark::Counter(
      static_cast<double>(kBlock),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_Executor(benchmark::State& state) {
  BenchTask task(program_for(state));
  Base base;
  ExecutorOptions o;
  o.threads = static_cast<unsigned>(state.range(2));
  o.sequential_below = 0;
  o.profile = true;
  Executor<Traits, uint64_t> ex(o);
  double aborts = 0, suspensions = 0, ideal = 0;
  for (auto _ : state) {
    if (!ex.execute_block(kBlock, task, base).ok) state.SkipWithError("block failed");
    aborts += static_cast<double>(ex.stats().aborts);
    suspensions += static_cast<double>(ex.stats().suspensions);
  }
  ideal = ideal_speedup(ex.dependency_graph(), o.threads);
  const double iters = static_cast<double>(state.iterations());
  state.counters["ns_per_tx"] = benchmark::Counter(
      static_cast<double>(kBlock),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["aborts"] = aborts / iters;
  state.counters["suspensions"] = suspensions / iters;
  state.counters["ideal_speedup"] = ideal;
}

void shapes(benchmark::internal::Benchmark* b, bool threads) {
  for (int shape : {kIndependent, kChain, kHotKey, kHotDelta})
    for (int work : {0, 20}) {
      if (!threads) {
        b->Args({shape, work});
        continue;
      }
      for (int t : {1, 2}) b->Args({shape, work, t});
    }
  b->ArgNames(threads ? std::vector<std::string>{"shape", "work_us", "threads"}
                      : std::vector<std::string>{"shape", "work_us"});
  b->UseRealTime()->Unit(benchmark::kMillisecond);
}

// Multi-version memory alone: reads of a location that 64 lower transactions wrote (a binary
// search and a walk of one entry), by 1 or 2 threads, on distinct keys (range(0) = 1) or one
// shared key (range(0) = 0): the cost of the location lookup and lock, contended or not.
MvMemory<Traits>& shared_memory() {
  static MvMemory<Traits> memory;
  static const bool filled = [] {
    memory.reset(128);
    for (TxIndex tx = 0; tx < 64; ++tx) {
      WriteSet<Traits> ws;
      for (uint32_t k = 0; k < 64; ++k) ws.push_back(Write<Traits>::full(k, tx));
      memory.record({tx, 0}, ws);
    }
    return true;
  }();
  (void)filled;
  return memory;
}

void BM_MvRead(benchmark::State& state) {
  MvMemory<Traits>& memory = shared_memory();
  const uint32_t key = state.range(0) == 1 ? static_cast<uint32_t>(state.thread_index()) : 0;
  for (auto _ : state) benchmark::DoNotOptimize(memory.read(key, 100));
}
BENCHMARK(BM_MvRead)->Arg(0)->Arg(1)->ArgName("distinct")->Threads(1)->Threads(2)->UseRealTime();

// record() of a 4-location write set over and over (each call replaces the previous one).
void BM_MvRecord(benchmark::State& state) {
  static MvMemory<Traits> memory;
  if (state.thread_index() == 0) memory.reset(64);
  const auto tx = static_cast<TxIndex>(state.thread_index());
  WriteSet<Traits> ws;
  for (uint32_t k = 0; k < 4; ++k) ws.push_back(Write<Traits>::full(tx * 8 + k, k));
  Incarnation inc = 0;
  for (auto _ : state) benchmark::DoNotOptimize(memory.record({tx, inc++}, ws));
}
BENCHMARK(BM_MvRecord)->Threads(1)->Threads(2)->UseRealTime();

BENCHMARK(BM_InOrder)->Apply([](benchmark::internal::Benchmark* b) { shapes(b, false); });
BENCHMARK(BM_Executor)->Apply([](benchmark::internal::Benchmark* b) { shapes(b, true); });

}  // namespace
