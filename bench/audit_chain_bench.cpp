// How fast the audit chain hashes records: the cost every write pays, and what verify pays per
// record when it walks the whole log.
#include <benchmark/benchmark.h>

#include "citysafe/core/audit/audit_record.hpp"
#include "citysafe/core/audit/auditor.hpp"

namespace citysafe::audit {
namespace {

AuditRecord typicalRecord() {
  AuditRecord r;
  r.seq = 123456;
  r.at = fromEpochMs(1795000000000);
  r.actor_id = 7;
  r.actor = "street";
  r.scope_path = "/1/2/10/";
  r.entity = "org";
  r.entity_id = "4711";
  r.action = "update";
  r.before_json =
      R"({"id":4711,"name":"和平社区","kind":"community","path":"/1/2/10/4711/","sectors":[],"address":""})";
  r.after_json =
      R"({"id":4711,"name":"和平社区","kind":"community","path":"/1/2/10/4711/","sectors":[],"address":"和平路1号"})";
  r.prev_hash = kGenesisHash;
  return r;
}

// What every write pays now: HMAC-SHA-256 under the audit key.
void BM_ChainHash(benchmark::State& state) {
  AuditRecord r = typicalRecord();
  r.content_hash = std::string(64, 'c');
  const std::string key(kMinKeyBytes, 'k');
  for (auto _ : state) {
    r.prev_hash = keyedChainHash(r, key);
    benchmark::DoNotOptimize(r.prev_hash);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChainHash);

// What records from before migration 12 cost verify: plain SHA-256.
void BM_UnkeyedChainHash(benchmark::State& state) {
  AuditRecord r = typicalRecord();
  for (auto _ : state) {
    r.prev_hash = unkeyedChainHash(r);
    benchmark::DoNotOptimize(r.prev_hash);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_UnkeyedChainHash);

}  // namespace
}  // namespace citysafe::audit

// The alternative: OpenSSL's SHA-256 over the same bytes, to show what our dependency-free
// implementation costs.
#include <openssl/evp.h>

#include "citysafe/common/sha256.hpp"

namespace {
const std::string kPayload(512, 'x');  // about one audit record's hashed fields

void BM_Sha256Ours512B(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(citysafe::sha256Hex(kPayload));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kPayload.size()));
}
BENCHMARK(BM_Sha256Ours512B);

void BM_Sha256OpenSsl512B(benchmark::State& state) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  for (auto _ : state) {
    EVP_Digest(kPayload.data(), kPayload.size(), digest, &length, EVP_sha256(), nullptr);
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kPayload.size()));
}
BENCHMARK(BM_Sha256OpenSsl512B);
}  // namespace
