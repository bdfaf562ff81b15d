// The transport under attack (issue 11): slow and idle connections, bodies sent before a login,
// a login storm, anonymous image decoding, malformed framing. Each test failed on the server as
// it was before the limits: it waited for bodies it would refuse, had no connection caps and
// hashed passwords on its network threads.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "test_server.hpp"

namespace citysafe::testing {
namespace {

using namespace std::chrono_literals;

// Small limits, so a test reaches them with a few dozen connections and in a second or two.
void tightLimits(http::AppConfig& config) {
  config.limits.max_connections = 200;
  config.limits.max_connections_per_address = 20;
  config.limits.header_timeout = 700ms;
  config.limits.body_grace = 500ms;
  config.limits.min_body_rate = 1 << 20;
  config.limits.heavy_queue = 2;
}

std::string postHead(const std::string& target, std::size_t length, const std::string& extra = "") {
  return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
         extra + "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

class TransportLimits : public ::testing::Test {
 protected:
  TestPlatform platform_{tightLimits};
};

TEST_F(TransportLimits, OneAddressCannotHoldMoreThanItsShareOfConnections) {
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 20; ++i) {
    held.push_back(std::make_unique<RawConnection>(platform_.port(), "127.0.0.2"));
    ASSERT_TRUE(held.back()->send(postHead("/api/v1/public/tips", 1000)));
  }
  // The 21st from the same address is turned away at once.
  RawConnection extra(platform_.port(), "127.0.0.2");
  const auto answer = extra.read(2000);
  EXPECT_EQ(RawConnection::status(answer), 503) << answer;
  EXPECT_NE(answer.find("Retry-After"), std::string::npos);
  // Everyone else is served meanwhile.
  EXPECT_EQ(httpRequest(platform_.port(), "GET", "/healthz").status, 200);
}

TEST_F(TransportLimits, ABodyThatArrivesTooSlowlyIsCutOff) {
  RawConnection slow(platform_.port(), "127.0.0.3");
  ASSERT_TRUE(slow.send(postHead("/api/v1/public/tips", 1000) + "{\"desc"));
  // Nothing more comes: after the grace period the rate is far below the minimum.
  EXPECT_TRUE(slow.closedWithin(5000));
  const auto metrics = httpRequest(platform_.port(), "GET", "/metrics").body;
  EXPECT_NE(metrics.find("citysafe_slow_clients_cut_total 1"), std::string::npos) << metrics;
}

TEST_F(TransportLimits, HeadersThatNeverEndAreCutOff) {
  RawConnection slow(platform_.port(), "127.0.0.4");
  ASSERT_TRUE(slow.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
  EXPECT_TRUE(slow.closedWithin(5000));
}

TEST_F(TransportLimits, AnUploadWithoutALoginIsRefusedBeforeItsBodyIsRead) {
  RawConnection upload(platform_.port());
  ASSERT_TRUE(
      upload.send("POST /api/v1/hazards/1/media HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Content-Type: image/jpeg\r\nContent-Length: 40000000\r\n\r\n"));
  // Not one byte of the 40 MB was sent: the answer comes from the headers alone.
  const auto answer = upload.read(5000);
  EXPECT_EQ(RawConnection::status(answer), 401) << answer;
}

TEST_F(TransportLimits, AnImportWithoutThePermissionIsRefusedBeforeItsBodyIsRead) {
  const auto enterprise = platform_.loginCookie("enterprise");
  RawConnection upload(platform_.port());
  ASSERT_TRUE(
      upload.send("POST /api/v1/hazards/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Cookie: " +
                  enterprise + "\r\nContent-Type: text/csv\r\nContent-Length: 40000000\r\n\r\n"));
  const auto answer = upload.read(5000);
  EXPECT_EQ(RawConnection::status(answer), 403) << answer;
}

TEST_F(TransportLimits, ALoginStormNeitherStallsHealthNorReadsAndIsShedWhenTheQueueIsFull) {
  const auto duty = platform_.loginCookie("duty");
  platform_.gate.close();  // every password hash now waits, like a slow one
  const auto body = nlohmann::json{{"username", "duty"}, {"password", "wrong-password"}}.dump();
  std::vector<std::future<HttpReply>> logins;
  for (int i = 0; i < 6; ++i) {
    logins.push_back(std::async(std::launch::async, [&] {
      return httpRequest(platform_.port(), "POST", "/api/v1/auth/login", body);
    }));
    std::this_thread::sleep_for(20ms);
  }
  // One hash runs (and waits at the gate), two wait in the queue, the rest are shed.
  int shed = 0;
  for (auto& login : logins) {
    if (login.wait_for(1500ms) == std::future_status::ready) {
      const auto reply = login.get();
      EXPECT_EQ(reply.status, 503) << reply.body;
      EXPECT_EQ(reply.headers.at("retry-after"), "2");
      ++shed;
    }
  }
  EXPECT_EQ(shed, 3);
  EXPECT_EQ(platform_.gate.waiting(), 1);
  // The network threads and the ordinary workers are free.
  EXPECT_EQ(httpRequest(platform_.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(platform_.get("/api/v1/hazards?limit=5", duty).status, 200);
  platform_.gate.open();
  for (auto& login : logins) {
    if (login.valid()) {
      EXPECT_EQ(login.get().status, 401);
    }
  }
}

TEST_F(TransportLimits, PhotosForAnUnknownTipAreNotDecoded) {
  // A PNG signature with nothing behind it: decoding it would fail with 400. The tracking code
  // is checked first, so the answer is 404 and no decoder ever ran.
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x7f\xff\0\0\x7f\xff\x08\x02", 24);
  const auto reply = httpRequest(platform_.port(), "POST", "/api/v1/public/tips/NOSUCHCODE/media",
                                 png, {{"Content-Type", "image/png"}});
  EXPECT_EQ(reply.status, 404) << reply.body;
  EXPECT_EQ(reply.json()["field"], "code");
}

TEST_F(TransportLimits, MalformedFramingGets400AndAClose) {
  for (const std::string& framing :
       {std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
        std::string("Transfer-Encoding: xchunked\r\n"),
        std::string("Content-Length: 5\r\nContent-Length: 7\r\n")}) {
    RawConnection c(platform_.port());
    ASSERT_TRUE(
        c.send("POST /api/v1/public/tips HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: application/json\r\n" +
               framing + "\r\n{}"));
    const auto answer = c.read(3000);
    EXPECT_EQ(RawConnection::status(answer), 400) << framing << answer;
    EXPECT_TRUE(c.closedWithin(3000)) << framing;
  }
}

TEST_F(TransportLimits, ADeeplyNestedBodyIsRefusedWithoutHarm) {
  const std::string deep = R"({"description":"路口井盖缺失，很危险","location":)" +
                           std::string(200000, '[') + std::string(200000, ']') + "}";
  auto tips = [&](const std::string& body) {
    return httpRequest(platform_.port(), "POST", "/api/v1/public/tips", body);
  };
  // Larger than a public body may be: refused from its Content-Length.
  EXPECT_EQ(tips(deep).status, 413);
  // Within the size limit, 65 levels deep: refused before parsing, naming the body.
  const std::string nested = R"({"description":"路口井盖缺失，很危险","location":)" +
                             std::string(64, '[') + std::string(64, ']') + "}";
  const auto reply = tips(nested);
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.json()["field"], "body");
  EXPECT_EQ(httpRequest(platform_.port(), "GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace citysafe::testing
