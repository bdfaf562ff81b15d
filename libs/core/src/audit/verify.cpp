// Auditor::verify: the chain under the key, the tail against the signed checkpoints, and the
// audited tables' rows against the content their last record vouches for.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "citysafe/common/hmac_sha256.hpp"
#include "citysafe/common/sha256.hpp"
#include "citysafe/common/time_format.hpp"
#include "citysafe/core/audit/auditor.hpp"

namespace citysafe::audit {

namespace {
// Enough to act on; a wholesale rewrite would otherwise print every row.
constexpr std::size_t kMaxProblems = 50;

struct LastAudit {
  std::int64_t seq = 0;
  std::string content_hash;  // "" when the record carries none
};
// entity -> entity_id -> its newest record, for the entities whose rows can be checked.
using LastAudits = std::map<std::string, std::unordered_map<std::string, LastAudit>>;

class Findings {
 public:
  explicit Findings(VerifyReport& report) : report_(report) {}
  void add(std::string problem) {
    if (report_.ok) report_.reason = problem;
    report_.ok = false;
    if (report_.problems.size() < kMaxProblems) {
      report_.problems.push_back(std::move(problem));
    } else {
      ++left_out_;
    }
  }
  void finish() {
    if (left_out_ > 0) report_.problems.push_back("... and " + std::to_string(left_out_) + " more");
  }

 private:
  VerifyReport& report_;
  std::int64_t left_out_ = 0;
};

struct ChainState {
  std::int64_t expected_seq = 1;
  std::string expected_prev = kGenesisHash;
  std::int64_t keyed_from = 1;  // records from this seq on must be keyed
  bool keyed_seen = false;
};

// Why this record breaks the chain, or "" when it holds.
std::string chainProblem(const AuditRecord& r, const ChainState& s, std::string_view key) {
  if (r.seq != s.expected_seq)
    return "sequence gap: expected record " + std::to_string(s.expected_seq);
  if (r.prev_hash != s.expected_prev)
    return "link broken: prev_hash does not match the previous record";
  switch (r.hash_version) {
    case kUnkeyedSha256:
      if (s.keyed_seen) return "unkeyed after keyed records: rewritten without the audit key";
      if (r.seq >= s.keyed_from) {
        return "unkeyed, but the chain is keyed from seq " + std::to_string(s.keyed_from) +
               " on: rewritten without the audit key";
      }
      return unkeyedChainHash(r) == r.hash ? "" : "content changed: hash does not match the record";
    case kKeyedHmac:
      return constantTimeEqual(keyedChainHash(r, key), r.hash)
                 ? ""
                 : "content changed: its keyed hash does not hold under the audit key (edited, "
                   "or the chain recomputed without the key)";
    default:
      return "unknown hash version " + std::to_string(r.hash_version);
  }
}

// Signed checkpoints that hold, oldest line first; a line that does not hold is a problem.
Result<std::vector<Checkpoint>> readCheckpoints(CheckpointLog* log, std::string_view key,
                                                Findings& findings) {
  std::vector<Checkpoint> out;
  if (!log) {
    findings.add("no checkpoint log: a truncated tail cannot be detected");
    return out;
  }
  auto lines = log->lines();
  if (!lines) {
    if (lines.error().code != Errc::NotFound) return tl::unexpected(lines.error());
    findings.add("checkpoint log: " + lines.error().message +
                 " (a truncated tail cannot be detected)");
    return out;
  }
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto& line = (*lines)[i];
    if (line.empty()) continue;
    auto cp = parseCheckpoint(line, key);
    if (cp) {
      out.push_back(std::move(*cp));
    } else {
      findings.add("checkpoint line " + std::to_string(i + 1) + ": " + cp.error().message);
    }
  }
  if (out.empty()) findings.add("no signed checkpoint: a truncated tail cannot be detected");
  return out;
}

void noteLastAudit(LastAudits& last, const AuditRecord& r) {
  auto entity = last.find(r.entity);
  if (entity != last.end()) entity->second[r.entity_id] = {r.seq, r.content_hash};
}

std::string rowProblem(const std::string& entity, const std::string& id, std::string_view what) {
  std::string out = entity;
  out.append(" ").append(id).append(": ").append(what);
  return out;
}

// One entity's rows against the newest record for each; `audited` is emptied as rows are seen.
Result<void> checkEntityRows(store::Tx& tx, const std::string& entity,
                             std::unordered_map<std::string, LastAudit>& audited,
                             VerifyReport& report, Findings& findings) {
  static const std::string kAbsentHash = sha256Hex("");
  auto scanned =
      tx.audit().scanContents(entity, [&](const std::string& id, const std::string& content) {
        const auto it = audited.find(id);
        if (it == audited.end()) {
          findings.add(rowProblem(entity, id,
                                  "row has no audit record (written behind the platform's back)"));
          return;
        }
        const LastAudit state = it->second;
        audited.erase(it);
        if (state.content_hash.empty()) {
          ++report.rows_unchecked;
          return;
        }
        ++report.rows_checked;
        if (sha256Hex(content) != state.content_hash) {
          findings.add(rowProblem(entity, id,
                                  "current row differs from its last audited state (seq " +
                                      std::to_string(state.seq) + ")"));
        }
      });
  if (!scanned) return scanned;
  for (const auto& [id, state] : audited) {  // rows the table no longer has
    if (state.content_hash.empty() || state.content_hash == kAbsentHash) continue;
    std::string what = "row is gone, but its last audited state (seq ";
    what.append(std::to_string(state.seq)).append(") has it");
    findings.add(rowProblem(entity, id, what));
  }
  return ok();
}
}  // namespace

Result<VerifyReport> Auditor::verify(store::Store& store) const {
  VerifyReport report;
  Findings findings(report);
  auto checkpoints = CS_TRY(readCheckpoints(checkpoints_, key_, findings));
  report.checkpoints = static_cast<std::int64_t>(checkpoints.size());
  std::multimap<std::int64_t, const Checkpoint*> by_seq;
  for (const auto& c : checkpoints) by_seq.emplace(c.seq, &c);

  ChainState chain;
  // Keying began when the first checkpoint was signed: every later record must be keyed.
  if (!by_seq.empty()) chain.keyed_from = by_seq.begin()->first + 1;
  auto done = store.read([&](store::Tx& tx) -> Result<void> {
    LastAudits last;
    for (const auto& entity : tx.audit().contentEntities()) last[entity];
    bool broken = false;
    bool rewritten = false;
    auto scanned = tx.audit().scan([&](const AuditRecord& r) {
      ++report.checked;
      if (!broken) {
        if (auto why = chainProblem(r, chain, key_); !why.empty()) {
          broken = true;
          report.first_broken_seq = r.seq;
          findings.add("record " + std::to_string(r.seq) + ": " + why);
          report.reason = "record " + std::to_string(r.seq) + ": " + why;  // the break comes first
        }
      }
      for (auto [c, end] = by_seq.equal_range(r.seq); c != end && !rewritten; ++c) {
        if (c->second->head_hash == r.hash) continue;
        rewritten = true;
        findings.add("record " + std::to_string(r.seq) +
                     ": differs from the head checkpointed at " + formatIso8601(c->second->at) +
                     " (the chain was rewritten)");
      }
      chain.keyed_seen = chain.keyed_seen || r.hash_version == kKeyedHmac;
      chain.expected_seq = r.seq + 1;
      chain.expected_prev = r.hash;
      noteLastAudit(last, r);
      return true;
    });
    if (!scanned) return scanned;
    const std::int64_t last_seq = chain.expected_seq - 1;
    if (!by_seq.empty() && by_seq.rbegin()->first > last_seq) {
      const Checkpoint& newest = *by_seq.rbegin()->second;
      findings.add("truncated tail: records " + std::to_string(last_seq + 1) + ".." +
                   std::to_string(newest.seq) + " are missing (the database ends at seq " +
                   std::to_string(last_seq) + "; a checkpoint signed at " +
                   formatIso8601(newest.at) + " vouches for seq " + std::to_string(newest.seq) +
                   ")");
    }
    // Rows are only as good as the records vouching for them.
    if (broken) return ok();
    for (auto& [entity, audited] : last) {
      if (auto checked = checkEntityRows(tx, entity, audited, report, findings); !checked) {
        return checked;
      }
    }
    return ok();
  });
  if (!done) return tl::unexpected(done.error());
  findings.finish();
  return report;
}

}  // namespace citysafe::audit
