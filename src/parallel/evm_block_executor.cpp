#include "parallel/evm_block_executor.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "chain/blob_gas.hpp"
#include "parallel/block_shape.hpp"
#include "parallel/optimistic_block.hpp"
#include "parallel/spin_lock.hpp"
#include "parallel/transfer_block.hpp"
#include "state/state.hpp"

namespace paraevm::parallel {
namespace {

class EvmTask final : public Task<EvmTraits, EvmTxOutput> {
 public:
  EvmTask(const BlockEnv& env, Revision rev, std::span<const Transaction> txs, std::span<const Address> senders,
          EvmBaseReader& base, CodeStore& codes, std::span<const TxIndex> previous_of_sender)
      : env_(env), rev_(rev), txs_(txs), senders_(senders), base_(base), codes_(codes),
        coinbase_{env.coinbase, base.balance_apart(env.coinbase) ? EvmField::Balance : EvmField::Account, {}},
        previous_of_sender_(previous_of_sender) {}

  // Every transaction credits the coinbase with its fee.
  const EvmKey* dense_location() const override { return &coinbase_; }
  // A transaction reads the nonce its sender's previous transaction wrote.
  TxIndex predicted_dependency(TxIndex tx) const override { return previous_of_sender_[tx]; }

  void execute(TxIndex tx, IncarnationView<EvmTraits>& view, ExecResult<EvmTraits, EvmTxOutput>& result) override {
    MvStateView state_view(view, base_, codes_);
    State state(state_view);
    // The block's gas and blob-gas limits depend on every earlier transaction; they are checked
    // in order after the block (see finish()), which rejects the same transaction.
    result.output.outcome = apply_transaction(state, env_, rev_, txs_[tx], senders_[tx]);
    if (!result.output.outcome.valid()) return;
    const StateDiff& diff = result.output.outcome.receipt.diff;
    for (const AccountDiff& account : diff.accounts)
      if (account.code_hash && account.code) codes_.add(*account.code_hash, account.code);
    diff_to_writes(diff, tx, state_view, result.writes);  // into the recycled buffer
  }

 private:
  const BlockEnv& env_;
  Revision rev_;
  std::span<const Transaction> txs_;
  std::span<const Address> senders_;
  EvmBaseReader& base_;
  CodeStore& codes_;
  EvmKey coinbase_;
  std::span<const TxIndex> previous_of_sender_;
};

}  // namespace

void diff_to_writes(const StateDiff& diff, TxIndex tx, MvStateView& view,
                    WriteSet<EvmTraits>& writes) {
  const uint32_t writer = tx + 1;
  for (const AccountDiff& a : diff.accounts) {
    const Address& addr = a.address;
    if (a.credit_only()) {
      // Credited without being read at all (the coinbase's fee): an additive delta, which
      // creates no dependency on the account. It exists once its balance is non-zero.
      const EvmField field = view.balance_apart(addr) ? EvmField::Balance : EvmField::Account;
      writes.push_back(Write<EvmTraits>::add({addr, field, {}}, *a.balance_credit));
      continue;
    }
    // The State read every other listed account: its unchanged fields are those it read.
    const EvmValue before = view.account_location(addr);
    if (a.deleted) {
      EvmValue gone;  // absent, its balance where it was
      gone.balance_apart = before.balance_apart;
      writes.push_back(Write<EvmTraits>::full({addr, EvmField::Account, {}}, gone));
      if (before.balance_apart) writes.push_back(Write<EvmTraits>::full({addr, EvmField::Balance, {}}, EvmValue{}));
      writes.push_back(Write<EvmTraits>::full({addr, EvmField::StorageEpoch, {}}, EvmValue{.word = U256(writer)}));
      continue;
    }
    // It exists afterwards.
    EvmValue account;
    account.exists = true;
    account.balance_apart = before.balance_apart;
    account.nonce = a.nonce.value_or(before.nonce);
    account.code_hash = a.code_hash.value_or(before.code_hash);
    if (!before.balance_apart) {
      if (a.nonce || a.code_hash || a.balance || a.balance_credit || !before.exists) {
        account.word = a.balance.value_or(before.word);
        if (a.balance_credit) account.word = account.word + *a.balance_credit;
        writes.push_back(Write<EvmTraits>::full({addr, EvmField::Account, {}}, account));
      }
    } else {
      if (a.nonce || a.code_hash || !before.exists)
        writes.push_back(Write<EvmTraits>::full({addr, EvmField::Account, {}}, account));
      // A credit stays a delta: no dependency on the balance it adds to.
      if (a.balance)
        writes.push_back(Write<EvmTraits>::full({addr, EvmField::Balance, {}}, EvmValue{.word = *a.balance}));
      else if (a.balance_credit)
        writes.push_back(Write<EvmTraits>::add({addr, EvmField::Balance, {}}, *a.balance_credit));
    }
    if (a.storage_cleared)
      writes.push_back(Write<EvmTraits>::full({addr, EvmField::StorageEpoch, {}}, EvmValue{.word = U256(writer)}));
    for (const StorageChange& s : a.storage)
      writes.push_back(Write<EvmTraits>::full({addr, EvmField::Storage, s.key}, EvmValue{.word = s.value, .writer = writer}));
  }
}

}  // namespace paraevm::parallel

namespace paraevm::parallel {
namespace {
/// Whether a result computed before the block's earlier transactions were known can be kept:
/// it is valid, and its transaction fits the gas and blob gas the block has left (the checks
/// that depend on those earlier transactions).
bool fits_block(const TxOutcome& outcome, const Transaction& tx, const BlockGasLeft& left) {
  return outcome.valid() && tx.gas_limit <= left.gas &&
         tx.blob_versioned_hashes.size() * kGasPerBlob <= left.blob_gas;
}
/// The commit's workers apply the state's shards; more workers than shards would idle.
constexpr unsigned kMaxCommitWorkers = InMemoryState::kShards;
static_assert(InMemoryState::kShards <= 32, "apply_shards takes the shards as a 32-bit set");

/// Which of the state's shards each of `workers` commit workers applies: the shards by the
/// changes they get (sampled: about 512 diffs), largest first, each to the least loaded
/// worker. The changes are far from even when one contract's storage takes most of them (a
/// token's balances: at shard % workers, one worker applied two thirds of an ERC-20 block).
/// A fee credit alone is not counted: the coinbase's, applied to one account just updated.
std::array<uint32_t, kMaxCommitWorkers> shards_by_worker(std::span<const TxReceipt> receipts,
                                                         unsigned workers) {
  constexpr size_t kSamples = 512;  // the diffs are cold here: each costs a few misses
  const size_t stride = std::max<size_t>(1, receipts.size() / kSamples);
  std::array<uint64_t, InMemoryState::kShards> weight{};
  for (size_t i = 0; i < receipts.size(); i += stride)
    for (const AccountDiff& a : receipts[i].diff.accounts)
      if (!a.credit_only()) weight[InMemoryState::shard_of(a.address)] += 1 + a.storage.size();
  std::array<unsigned, InMemoryState::kShards> order;
  for (unsigned s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(), [&](unsigned a, unsigned b) { return weight[a] > weight[b]; });
  std::array<uint32_t, kMaxCommitWorkers> shards{};
  std::array<uint64_t, kMaxCommitWorkers> load{};
  for (unsigned s : order) {
    const unsigned w = static_cast<unsigned>(std::min_element(load.begin(), load.begin() + workers) - load.begin());
    shards[w] |= uint32_t{1} << s;
    load[w] += weight[s] + 1;  // + 1: empty shards spread too
  }
  return shards;
}

/// The probe stops early once the transactions it ran cost at least this many times the
/// engine's own cost per transaction (and the prediction agrees).
constexpr double kCertainMultiple = 8.0;
/// ... and before a transaction whose gas limit is more than 1/kLargeShare of what remains.
constexpr uint64_t kLargeShare = 8;
}  // namespace

struct ParallelBlockExecutor::Impl {
  Impl(ExecutorOptions engine_options, AutomaticMode automatic_mode)
      : engine(engine_options), automatic(automatic_mode), executor(engine_options) {}
  ExecutorOptions engine;
  AutomaticMode automatic;
  Executor<EvmTraits, EvmTxOutput> executor;
  CodeStore codes;
  bool last_in_order = false;  // the last block skipped the parallel engine: in_order_stats
  ExecutionStats in_order_stats;
  double probe_prediction = 0;  // of the last block (0: no probe ran)
  // Blocks of plain transfers (transfer_block.hpp), kept across blocks.
  TransferPlanner planner;
  TransferBlockPlan transfer_plan;
  std::vector<TransferOverlayView> overlays;  // one per worker
  // Results computed outside the engine (transfer blocks, the optimistic round), per transaction.
  std::vector<TxOutcome> outcomes;
  // The optimistic round (optimistic_block.hpp), kept across blocks: per transaction whether
  // its result is there (kRoundPending, kRoundDone, kRoundFailed) and its reads, on a cache line
  // of its own (a worker writes one transaction's while the committer polls its neighbour's).
  struct alignas(64) RoundSlot {
    std::atomic<uint8_t> status{0};
    std::vector<PreStateRead> reads;
  };
  std::unique_ptr<RoundSlot[]> round;
  size_t round_capacity = 0;
  CommittedOverlay overlay;
  // The engine's hint of certain dependencies (Task::predicted_dependency), per block.
  std::vector<TxIndex> previous_of_sender;
  AddressMap<uint32_t> last_of_sender;

  /// The automatic mode's first checks: one thread, or a block too small to share out, runs in
  /// order, without the cost of multi-version memory.
  bool too_small(std::span<const Transaction> txs) const {
    if (executor.threads() <= 1 || txs.size() < engine.sequential_below) return true;
    uint64_t gas = 0;
    for (const Transaction& tx : txs) gas += tx.gas_limit;
    return gas < automatic.min_parallel_gas;
  }
  /// The probe's prediction of the engine's speedup on the rest of the block. A block's first
  /// transactions are not a fair sample of its cost (a few cheap transfers often open a block
  /// of contract calls, heavy MEV bundles others), so the probe's time is scaled by gas limit:
  /// each later transaction costs what the probe cost per unit of gas limit, times its own gas
  /// limit. With perfect scaling T threads then give T * cost / (cost + engine cost).
  struct Probe {
    double elapsed_ns = 0;
    uint64_t gas_limit = 0;  // of the timed transactions
    size_t writes = 0;       // locations they wrote: the engine's cost grows with them
    size_t timed = 0;
  };
  double predicted_speedup(const Probe& p, uint64_t rest_limit, size_t rest) const {
    if (p.timed == 0 || p.gas_limit == 0 || rest == 0) return 0;
    const double cost_ns = p.elapsed_ns / static_cast<double>(p.gas_limit) *
                           (static_cast<double>(rest_limit) / static_cast<double>(rest));
    const double engine_ns = engine_cost_ns(p);
    return executor.threads() * cost_ns / (cost_ns + engine_ns);
  }
  /// Whether `count` gas limits summing to `sum` (squares: `squares`) are all about the same
  /// (coefficient of variation under 0.3): a block of one or two kinds of transaction.
  static bool uniform_gas_limits(uint64_t sum, double squares, size_t count) {
    if (count == 0 || sum == 0) return false;
    const double mean = static_cast<double>(sum) / static_cast<double>(count);
    const double variance = std::max(0.0, squares / static_cast<double>(count) - mean * mean);
    return variance < 0.09 * mean * mean;
  }
  /// The engine's cost per transaction like those of the probe.
  double engine_cost_ns(const Probe& p) const {
    return static_cast<double>(automatic.engine_cost_ns) +
           static_cast<double>(automatic.engine_cost_per_write_ns) * static_cast<double>(p.writes) /
               static_cast<double>(p.timed);
  }
  /// The last: transactions that form chains (block_shape.hpp) run in order.
  bool chained(std::span<const Transaction> txs, std::span<const Address> senders) const {
    return automatic.min_predicted_speedup > 0 &&
           predicted_speedup_below(txs, senders, executor.threads(), automatic.min_predicted_speedup);
  }
};

ParallelBlockExecutor::ParallelBlockExecutor(ExecutorOptions engine, AutomaticMode automatic)
    : impl_(std::make_unique<Impl>(engine, automatic)) {}
ParallelBlockExecutor::~ParallelBlockExecutor() = default;

ExecutionStats ParallelBlockExecutor::stats() const {
  ExecutionStats s = impl_->last_in_order ? impl_->in_order_stats : impl_->executor.stats();
  s.probe_prediction = impl_->probe_prediction;
  return s;
}
DependencyGraph ParallelBlockExecutor::dependency_graph() const { return impl_->executor.dependency_graph(); }
std::vector<ConflictEdge> ParallelBlockExecutor::conflict_edges() const {
  std::vector<ConflictEdge> edges;
  impl_->executor.for_each_dependency(
      [&](TxIndex reader, TxIndex writer, const EvmKey& key) { edges.push_back({reader, writer, key}); });
  return edges;
}
unsigned ParallelBlockExecutor::threads() const { return impl_->executor.threads(); }

BlockExecution ParallelBlockExecutor::execute(InMemoryState& state, const BlockEnv& env, Revision rev,
                                              std::span<const Transaction> transactions,
                                              std::span<const Address> senders) {
  impl_->probe_prediction = 0;
  impl_->last_in_order = impl_->too_small(transactions);
  if (impl_->last_in_order) {
    impl_->in_order_stats = {.executions = transactions.size(), .sequential = true};
    return execute_transactions(state, env, rev, transactions, senders);
  }
  BlockExecution out;
  out.receipts.reserve(transactions.size());
  out.cumulative_gas.reserve(transactions.size());
  if (impl_->automatic.transfer_blocks && run_transfer_block(state, env, rev, transactions, senders, out))
    return out;
  // The probe: the first transactions in order, committed as execute_transactions() would. The
  // first quarter warms the caches (code analysis, state) and is not timed. The probe ends
  // early once it shows transactions so expensive that the engine certainly pays off: running
  // more of them in order would only give away parallelism (a block opened by heavy bundles).
  const size_t probe_limit = std::min(impl_->automatic.probe_txs, transactions.size() / 8);
  const size_t warm = probe_limit / 4;
  auto run_in_order_up_to = [&](size_t from, size_t end) {
    return execute_range(out, state, env, rev, transactions, senders, from, end);
  };
  uint64_t rest_limit = 0;
  double limit_squares = 0;  // for the spread of gas limits
  for (size_t i = warm; i < transactions.size(); ++i) {
    rest_limit += transactions[i].gas_limit;
    limit_squares += static_cast<double>(transactions[i].gas_limit) * static_cast<double>(transactions[i].gas_limit);
  }
  const bool uniform = impl_->uniform_gas_limits(rest_limit, limit_squares, transactions.size() - warm);
  // The optimistic round, where it applies, costs less per transaction than the engine, so
  // its bar on the probe's prediction (made for the engine) is lower.
  const OptimisticRound round = impl_->automatic.optimistic_round;
  const bool optimistic = impl_->executor.threads() > 1 &&
                          (round == OptimisticRound::kAlways || (round == OptimisticRound::kUniformBlocks && uniform));
  const double probe_threshold = optimistic ? impl_->automatic.min_probe_speedup_optimistic
                                 : uniform  ? impl_->automatic.min_probe_speedup_uniform
                                            : impl_->automatic.min_probe_speedup;
  Impl::Probe measured;
  double predicted = 0;
  size_t probe = warm;
  bool ok = run_in_order_up_to(0, warm);
  while (ok && probe < probe_limit) {
    // A transaction that may take a large share of the block is better left to the engine,
    // to run beside the others: the probe stops before it (deciding on what it measured).
    if (transactions[probe].gas_limit > rest_limit / kLargeShare) break;
    const auto started = std::chrono::steady_clock::now();
    ok = run_in_order_up_to(probe, probe + 1);
    measured.elapsed_ns +=
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started).count();
    if (!ok) break;
    measured.gas_limit += transactions[probe].gas_limit;
    rest_limit -= transactions[probe].gas_limit;
    for (const AccountDiff& a : out.receipts[probe].diff.accounts) measured.writes += 1 + a.storage.size();
    ++measured.timed;
    ++probe;
    predicted = impl_->predicted_speedup(measured, rest_limit, transactions.size() - probe);
    if (predicted >= probe_threshold &&
        measured.elapsed_ns >= kCertainMultiple * measured.timed * impl_->engine_cost_ns(measured))
      break;
  }
  if (!ok) {
    impl_->last_in_order = true;
    impl_->in_order_stats = {.executions = probe, .sequential = true};
    return out;
  }
  // Nothing timed (the first was large): the engine, if the block's shape allows.
  impl_->last_in_order = measured.timed > 0 && predicted < probe_threshold;
  impl_->probe_prediction = predicted;
  // After the probe, which is cheaper and usually decides: the shape of what remains.
  if (!impl_->last_in_order)
    impl_->last_in_order = impl_->chained(transactions.subspan(probe), senders.subspan(probe));
  if (impl_->last_in_order) {
    impl_->in_order_stats = {.executions = transactions.size(), .sequential = true};
    run_in_order_up_to(probe, transactions.size());
    return out;
  }
  if (optimistic && run_optimistic(state, env, rev, transactions.subspan(probe), senders.subspan(probe), probe, out))
    return out;
  commit_parallel(state, env, rev, transactions.subspan(probe), senders.subspan(probe), probe, out);
  return out;
}

void ParallelBlockExecutor::commit_parallel(InMemoryState& state, const BlockEnv& env, Revision rev,
                                            std::span<const Transaction> transactions,
                                            std::span<const Address> senders, size_t offset,
                                            BlockExecution& out) {
  impl_->codes.clear();
  // Each transaction's sender's previous transaction in this block (kNoTx for its first).
  std::vector<TxIndex>& previous = impl_->previous_of_sender;
  previous.assign(transactions.size(), kNoTx);
  impl_->last_of_sender.reset(transactions.size());
  for (size_t i = 0; i < transactions.size(); ++i) {
    uint32_t& last = impl_->last_of_sender[senders[i]];  // index + 1
    if (last != 0) previous[i] = static_cast<TxIndex>(last - 1);
    last = static_cast<uint32_t>(i + 1);
  }
  EvmBaseReader base(state);
  EvmTask task(env, rev, transactions, senders, base, impl_->codes, previous);
  const BlockStatus status = impl_->executor.execute_block(transactions.size(), task, base);
  if (!status.ok) std::rethrow_exception(status.error);  // what in-order execution would throw

  // A credit to an account whose balance the transaction never read is reported as the
  // account's new balance, as in-order execution reports it: the balance it would have read is
  // the block's multi-version memory below it (over the pre-block state, not yet updated).
  for (size_t i = 0; i < transactions.size(); ++i) {
    StateDiff& diff = impl_->executor.result(static_cast<TxIndex>(i)).output.outcome.receipt.diff;
    if (!diff.balance_unread) continue;
    for (AccountDiff& a : diff.accounts) {
      if (!a.balance_unread) continue;
      const EvmValue before =
          impl_->executor.value_before({a.address, EvmField::Balance, {}}, static_cast<TxIndex>(i), base);
      a.balance = before.word + *a.balance_credit;
      a.balance_credit.reset();
      a.balance_unread = false;
    }
    diff.balance_unread = false;
  }
  commit_outcomes(state, env, rev, transactions, senders, offset, out, [&](size_t i) -> TxOutcome& {
    return impl_->executor.result(static_cast<TxIndex>(i)).output.outcome;
  });
}

bool ParallelBlockExecutor::run_transfer_block(InMemoryState& state, const BlockEnv& env, Revision rev,
                                               std::span<const Transaction> transactions,
                                               std::span<const Address> senders, BlockExecution& out) {
  Impl& im = *impl_;
  TransferBlockPlan& plan = im.transfer_plan;
  // Components run whole, each on one worker: the largest bounds the speedup.
  const size_t n = transactions.size();
  const unsigned threads = im.executor.threads();
  const double max_share = im.automatic.min_predicted_speedup > 0 ? 1.0 / im.automatic.min_predicted_speedup : 1.0;
  if (!plan_transfer_block(env, rev, transactions, senders, im.planner, plan, max_share)) return false;
  const double share = std::max<double>(static_cast<double>(plan.largest),
                                        static_cast<double>(n) / threads);
  if (static_cast<double>(n) / share < im.automatic.min_predicted_speedup) return false;

  if (im.outcomes.size() < n) im.outcomes.resize(n);
  im.overlays.resize(threads);
  for (TransferOverlayView& o : im.overlays) o.reset(state, env.coinbase, 2 * n / threads);
  // Components are taken a chunk at a time, in block order: their sizes vary.
  constexpr size_t kChunk = 16;
  std::atomic<size_t> next_head{0};
  // Set by a worker that meets a recipient with code: the block does not qualify after all.
  std::atomic<bool> code_met{false};
  try {
    im.executor.run_on_workers([&](unsigned w, unsigned) {
      TransferOverlayView& view = im.overlays[w];
      for (;;) {
        const size_t first = next_head.fetch_add(kChunk, std::memory_order_relaxed);
        if (first >= plan.heads.size() || code_met.load(std::memory_order_relaxed)) return;
        const size_t end = std::min(first + kChunk, plan.heads.size());
        for (size_t h = first; h < end; ++h)
          for (TxIndex i = plan.heads[h]; i != kNoTx; i = plan.next[i]) {
            // No transaction of the block gives an account code: the pre-block state answers.
            if (state.read_code_hash(*transactions[i].to) != kEmptyCodeHash) {
              code_met.store(true, std::memory_order_relaxed);
              return;
            }
            if (im.engine.faults) im.engine.faults->maybe_fail(FaultPoint::kBeforeExecute, {i, 0}, w);
            TxOutcome& o = im.outcomes[i];
            // The block's gas limits are checked in order at commit.
            o = apply_transaction(view, env, rev, transactions[i], senders[i]);
            // Only later transactions of the component read what this one changed.
            if (o.valid() && plan.next[i] != kNoTx)
              view.apply(o.receipt.diff, *transactions[i].to, plan.recipient_read[i]);
          }
      }
    });
  } catch (...) {
    // A worker failed (out of memory, an injected fault): nothing is committed yet, and the
    // block goes the usual way, whose engine recovers from failures itself.
    return false;
  }
  if (code_met.load(std::memory_order_relaxed)) return false;  // nothing committed either
  im.last_in_order = true;
  im.in_order_stats = {.executions = n, .transfer_block = true};
  commit_outcomes(state, env, rev, transactions, senders, 0, out,
                  [&](size_t i) -> TxOutcome& { return im.outcomes[i]; });
  return true;
}

bool ParallelBlockExecutor::run_optimistic(InMemoryState& state, const BlockEnv& env, Revision rev,
                                           std::span<const Transaction> transactions,
                                           std::span<const Address> senders, size_t offset,
                                           BlockExecution& out) {
  constexpr uint8_t kRoundPending = 0, kRoundDone = 1, kRoundFailed = 2;
  Impl& im = *impl_;
  const AutomaticMode& mode = im.automatic;
  const size_t n = transactions.size();
  if (im.outcomes.size() < n) im.outcomes.resize(n);
  if (im.round_capacity < n) {
    im.round = std::make_unique<Impl::RoundSlot[]>(n);
    im.round_capacity = n;
  }
  for (size_t i = 0; i < n; ++i) im.round[i].status.store(kRoundPending, std::memory_order_relaxed);
  im.overlay.reset(state, 2 * n);

  // Watching: over every `group` transactions the committer counts the results it had to run
  // again; too many, and the rest of the block goes to the engine, which runs conflicting
  // transactions side by side where the committer runs them one after the other (conflicts
  // often grow along a block: swaps over 500 pools rarely meet in its first hundred
  // transactions, and most do after a thousand). The round runs at most `window` transactions
  // ahead of the committer, so that little of it is thrown away then.
  const size_t group = mode.optimistic_group_txs;
  const size_t window = group == 0 ? n : 4 * size_t{im.executor.threads()};
  std::atomic<size_t> next{0};                     // the round's next transaction
  std::atomic<size_t> limit{std::min(n, window)};  // and the first it may not take yet
  std::atomic<bool> stop{false};  // the committer is done (or failed): the round stops
  size_t committed = n;           // committer: the transactions it went through
  bool hand_over = false;         // committer: too many conflicts, the engine takes the rest
  uint64_t reruns = 0;            // committer: results it ran again
  uint64_t group_reruns = 0;      // of them, in the current group
  FaultInjector* faults = im.engine.faults;
  // Claims the round's next transaction below `limit`; n when the round is over.
  auto claim = [&]() -> std::optional<size_t> {
    size_t j = next.load(std::memory_order_relaxed);
    for (;;) {
      if (j >= n) return n;
      if (j >= limit.load(std::memory_order_relaxed)) return std::nullopt;  // wait for the committer
      if (next.compare_exchange_weak(j, j + 1, std::memory_order_relaxed)) return j;
    }
  };
  // One transaction of the round, on the pre-block state (read concurrently, written by nobody).
  auto run_round = [&](size_t i, unsigned worker) {
    std::vector<PreStateRead>& reads = im.round[i].reads;
    reads.clear();
    uint8_t status = kRoundDone;
    try {
      if (faults) faults->maybe_fail(FaultPoint::kBeforeExecute, {static_cast<TxIndex>(i), 0}, worker);
      RecordingPreStateView view(state, reads);
      im.outcomes[i] = apply_transaction(view, env, rev, transactions[i], senders[i]);
    } catch (...) {
      status = kRoundFailed;  // the committer runs it again
    }
    // release: the committer that sees the status sees the outcome and the reads.
    im.round[i].status.store(status, std::memory_order_release);
  };
  auto commit_in_order = [&] {
    uint64_t gas_used = out.gas_used, blob_gas_used = out.blob_gas_used;
    for (size_t i = 0; i < n; ++i) {
      if (group > 0 && i > 0 && i % group == 0) {
        if (static_cast<double>(group_reruns) > mode.max_rerun_share * static_cast<double>(group)) {
          committed = i;
          hand_over = true;
          return;
        }
        group_reruns = 0;
      }
      uint8_t status;
      // While the next result is not there, the committer runs the round's next transaction.
      for (SpinWait wait; (status = im.round[i].status.load(std::memory_order_acquire)) == kRoundPending;) {
        if (const std::optional<size_t> j = claim(); j && *j < n) {
          run_round(*j, 0);
        } else {
          wait.pause();
        }
      }
      const BlockGasLeft left = gas_left(env, gas_used, blob_gas_used);
      TxOutcome& outcome = im.outcomes[i];
      bool keep = status == kRoundDone && fits_block(outcome, transactions[i], left);
      for (size_t r = 0; keep && r < im.round[i].reads.size(); ++r)
        keep = !im.overlay.changed(im.round[i].reads[r]);
      if (!keep) {
        // On what the transactions before it committed: exactly what in-order execution sees.
        if (faults) faults->maybe_fail(FaultPoint::kBeforeExecute, {static_cast<TxIndex>(i), 1}, 0);
        outcome = apply_transaction(im.overlay, env, rev, transactions[i], senders[i], nullptr, left);
        ++reruns;
        ++group_reruns;
      }
      if (!outcome.valid()) {  // the block is invalid here: commit_outcomes gives the verdict
        committed = i + 1;
        return;
      }
      im.overlay.accept(outcome.receipt.diff);  // stays in im.outcomes until the commit
      gas_used += outcome.receipt.gas_used;
      blob_gas_used += outcome.receipt.blob_gas_used;
      limit.store(std::min(n, i + 1 + window), std::memory_order_relaxed);
    }
  };
  try {
    im.executor.run_on_workers([&](unsigned w, unsigned) {
      if (w != 0) {
        for (SpinWait wait; !stop.load(std::memory_order_relaxed);) {
          const std::optional<size_t> j = claim();
          if (j && *j >= n) return;
          if (j) {
            run_round(*j, w);
            wait.reset();
          } else {
            wait.pause();
          }
        }
        return;
      }
      // The others stop with the committer, whether it finished or threw.
      struct StopRound {
        std::atomic<bool>& stop;
        ~StopRound() { stop.store(true, std::memory_order_relaxed); }
      } stop_round{stop};
      commit_in_order();
    });
  } catch (...) {
    // The committer failed (out of memory, an injected fault): nothing is committed yet, and
    // the block goes the engine's way, which recovers from failures itself.
    return false;
  }
  commit_outcomes(state, env, rev, transactions.first(committed), senders.first(committed), offset, out,
                  [&](size_t i) -> TxOutcome& { return im.outcomes[i]; });
  if (hand_over) {
    commit_parallel(state, env, rev, transactions.subspan(committed), senders.subspan(committed),
                    offset + committed, out);
    im.last_in_order = false;  // the engine's counters
    return true;
  }
  im.last_in_order = true;
  im.in_order_stats = {.executions = n + reruns, .aborts = reruns, .optimistic = true};
  return true;
}

void ParallelBlockExecutor::commit_outcomes(InMemoryState& state, const BlockEnv& env, Revision rev,
                                            std::span<const Transaction> transactions,
                                            std::span<const Address> senders, size_t offset,
                                            BlockExecution& out,
                                            const std::function<TxOutcome&(size_t)>& outcome_of) {
  // Commit in block order. The results equal in-order execution; only the checks that depend
  // on the gas of earlier transactions remain. While every transaction passes them
  // (every valid block), the receipts are recorded in order and the diffs applied afterwards by
  // all workers, each to its own shards of the state. From the first that fails them (or was
  // invalid), the rest is committed one by one: such a transaction is re-run in order on the
  // committed state for the exact verdict.
  const size_t first_receipt = out.receipts.size();
  size_t first_unchecked = 0;
  for (; first_unchecked < transactions.size(); ++first_unchecked) {
    const size_t i = first_unchecked;
    TxOutcome& parallel = outcome_of(i);
    if (!fits_block(parallel, transactions[i], gas_left(out, env))) break;
    record_receipt(out, std::move(parallel.receipt), parallel.bloom);
  }
  const std::span<const TxReceipt> recorded(out.receipts.data() + first_receipt,
                                            out.receipts.size() - first_receipt);
  // A few hundred diffs take less time to apply than the workers take to start.
  if (recorded.size() < 256) {
    for (const TxReceipt& r : recorded) state.apply(r.diff);
  } else {
    const std::array<uint32_t, kMaxCommitWorkers> shards =
        shards_by_worker(recorded, std::min(impl_->executor.threads(), kMaxCommitWorkers));
    impl_->executor.run_on_workers([&](unsigned worker, unsigned) {
      if (worker >= kMaxCommitWorkers || shards[worker] == 0) return;
      for (const TxReceipt& r : recorded) {
        state.apply_shards(r.diff, shards[worker]);
        if (worker == 0) state.add_codes(r.diff);  // the code map is in no shard: one writer
      }
    });
  }
  for (size_t i = first_unchecked; i < transactions.size(); ++i) {
    const BlockGasLeft left = gas_left(out, env);
    TxOutcome& parallel = outcome_of(i);
    TxOutcome outcome;
    if (fits_block(parallel, transactions[i], left))
      outcome = std::move(parallel);
    else
      outcome = apply_transaction(state, env, rev, transactions[i], senders[i], nullptr, left);
    if (!commit_outcome(out, state, offset + i, std::move(outcome))) break;
  }
}

}  // namespace paraevm::parallel
