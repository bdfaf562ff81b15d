// MQTT transport security against a real Mosquitto: a TLS listener (client certificates required)
// with a certificate from a CA made for the test, a password file, an ACL file and no anonymous
// access. Readings sent over TLS with credentials are stored and acknowledged; a wrong password,
// a client trusting another CA, and anonymous clients of the plain listener are all refused.
#include <regex>

#include "mqtt_fixture.hpp"
#include "mqtt_flags.hpp"

namespace citysafe::testing {
namespace {

// Runs a shell command for the test set-up; false when it fails.
bool shell(const std::string& command) { return std::system(command.c_str()) == 0; }

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

class MqttSecurity : public MqttFixture {
 protected:
  void SetUp() override {
    makeWorkDir();
    pki_ = dir_ / "pki";
    std::filesystem::create_directories(pki_);
    ASSERT_TRUE(makeCa("ca") && makeCa("other-ca")) << "openssl could not make the test CAs";
    ASSERT_TRUE(makeCert("server", "ca",
                         "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                         "extendedKeyUsage=serverAuth\n"));
    ASSERT_TRUE(makeCert("citysafe", "ca", "extendedKeyUsage=clientAuth\n"));
    const auto passwords = pki_ / "passwd";
    ASSERT_TRUE(shell("mosquitto_passwd -c -b " + passwords.string() + " citysafe ingest-pw") &&
                shell("mosquitto_passwd -b " + passwords.string() + " gw-1 gateway-pw") &&
                shell("mosquitto_passwd -b " + passwords.string() + " replay replay-pw"));
    // The consumer reads everything; a gateway writes only its own batch topic.
    writeFile(pki_ / "acl",
              "user citysafe\ntopic read citysafe/v1/#\n"
              "user replay\ntopic write citysafe/v1/readings/#\n"
              "pattern write citysafe/v1/batch/%u\n");
    // Mosquitto reads them after dropping to its own user.
    for (const auto& file : std::filesystem::directory_iterator(pki_)) {
      std::filesystem::permissions(file.path(), std::filesystem::perms::owner_read |
                                                    std::filesystem::perms::owner_write |
                                                    std::filesystem::perms::group_read |
                                                    std::filesystem::perms::others_read);
    }
    // The consumer's password files, readable by their owner only (as citysafe asks of them).
    for (const auto& [file, password] :
         {std::pair{"ingest-pw", "ingest-pw"}, std::pair{"wrong-pw", "not-the-password"}}) {
      writeFile(pki_ / file, std::string(password) + "\n");
      std::filesystem::permissions(
          pki_ / file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    tls_port_ = freePort();
    other_address_port_ = freePort();
    const std::string tls_files = "cafile " + pem("ca.crt") + "\ncertfile " + pem("server.crt") +
                                  "\nkeyfile " + pem("server.key") + "\nrequire_certificate true\n";
    const std::string listeners =
        "listener " + std::to_string(tls_port_) + " 127.0.0.1\n" + tls_files +
        // The same certificate on an address it does not name.
        "listener " + std::to_string(other_address_port_) + " 127.0.0.2\n" + tls_files;
    startBroker("allow_anonymous false\npassword_file " + passwords.string() + "\nacl_file " +
                (pki_ / "acl").string() + "\n" + listeners);
    ASSERT_TRUE(awaitPort(tls_port_, 5s)) << broker_->log();
  }

  // A self-signed CA: NAME.crt and NAME.key.
  bool makeCa(const std::string& name) {
    return shell(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
        " -subj /CN=" +
        name + " -keyout " + pem(name + ".key") + " -out " + pem(name + ".crt") + " 2>/dev/null");
  }
  // NAME.crt signed by CA, with the extensions `extensions`, and NAME.key.
  bool makeCert(const std::string& name, const std::string& ca, const std::string& extensions) {
    writeFile(pki_ / (name + ".ext"), extensions);
    return shell("openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=" +
                 name + " -keyout " + pem(name + ".key") + " -out " + pem(name + ".csr") +
                 " 2>/dev/null") &&
           shell("openssl x509 -req -days 2 -in " + pem(name + ".csr") + " -CA " +
                 pem(ca + ".crt") + " -CAkey " + pem(ca + ".key") + " -CAcreateserial -out " +
                 pem(name + ".crt") + " -extfile " + pem(name + ".ext") + " 2>/dev/null");
  }
  [[nodiscard]] std::string pem(const std::string& file) const { return (pki_ / file).string(); }
  [[nodiscard]] std::string tlsAddress() const {
    return "mqtts://127.0.0.1:" + std::to_string(tls_port_);
  }

  // The consumer's flags over TLS: the client certificate, user citysafe, `password_file`.
  [[nodiscard]] std::vector<std::string> nodeTlsArgs(const std::string& ca,
                                                     const std::string& password_file) const {
    return {"--mqtt",          tlsAddress(),        "--mqtt-tls-ca",        pem(ca + ".crt"),
            "--mqtt-tls-cert", pem("citysafe.crt"), "--mqtt-tls-key",       pem("citysafe.key"),
            "--mqtt-username", "citysafe",          "--mqtt-password-file", pem(password_file)};
  }
  // A publisher over TLS (by host name, so the name check is the DNS one) as `user`.
  [[nodiscard]] std::unique_ptr<mqtt::Publisher> tlsPublisher(const std::string& ca,
                                                              const std::string& user,
                                                              const std::string& password) const {
    mqtt::ConnectionSecurity security;
    security.tls.enabled = true;
    security.tls.ca_file = pem(ca + ".crt");
    security.tls.cert_file = pem("citysafe.crt");
    security.tls.key_file = pem("citysafe.key");
    security.username = user;
    security.password = password;
    return std::make_unique<mqtt::Publisher>("localhost", tls_port_, "test-pub-" + user,
                                             std::move(security));
  }

  std::filesystem::path pki_;
  int tls_port_ = 0;
  int other_address_port_ = 0;
};

TEST_F(MqttSecurity, ReadingsOverTlsWithCredentialsAreStoredAndAcknowledged) {
  constexpr int kSensors = 100;  // 10,000 readings in 100 messages: TLS records split anyhow
  makeSqlite(kSensors);
  auto& node = launchNode("node-tls", nodeTlsArgs("ca", "ingest-pw"));
  ASSERT_TRUE(node.awaitLog("mqtt: subscribed", 20s)) << node.log() << broker_->log();
  const std::int64_t t0 = nowMs() - 120'000;
  {
    auto pub = tlsPublisher("ca", "gw-1", "gateway-pw");
    ASSERT_TRUE(pub->connect());
    publish(*pub, kSensors, 0, 50, 20, t0);
    ASSERT_TRUE(pub->drain(10000)) << "the broker did not acknowledge the gateway's messages\n"
                                   << broker_->log();
  }
  ASSERT_TRUE(awaitReadings(kSensors * 50, 30s)) << storedReadings() << "\n" << node.log();
  // A broker restart: the node makes a new TLS connection to its kept session by itself.
  broker_->stop();
  ASSERT_TRUE(broker_->start());
  ASSERT_TRUE(awaitPort(tls_port_, 5s));
  auto pub = tlsPublisher("ca", "gw-1", "gateway-pw");
  ASSERT_TRUE(pub->connect());
  publish(*pub, kSensors, 50, 100, 20, t0);
  ASSERT_TRUE(pub->drain(10000));
  {
    // Another gateway's topic: the broker's ACL drops it, so it is never stored (the count below
    // stays exact). On its own connection: Mosquitto sometimes answers a denied QoS 1 message by
    // dropping the connection, which took the gateway's good messages with it (seen under load).
    auto spoof = tlsPublisher("ca", "gw-1", "gateway-pw");
    ASSERT_TRUE(spoof->connect());
    (void)spoof->publish("citysafe/v1/batch/gw-2", "GAS-0," + std::to_string(nowMs()) + ",99");
    (void)spoof->drain(2000);
  }
  ASSERT_TRUE(awaitReadings(kSensors * 100, 30s)) << storedReadings() << "\n" << node.log();
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(storedReadings(), kSensors * 100);
  EXPECT_EQ(allAlarms().size(), static_cast<std::size_t>(kSensors));
  // Every message the node took was acknowledged (a batch caught by the restart may come twice).
  node.kill(SIGTERM);
  const auto log = node.log();
  std::smatch counts;
  ASSERT_TRUE(std::regex_search(log, counts,
                                std::regex(R"(mqtt: (\d+) messages in \d+ batches, (\d+) ack)")))
      << log;
  EXPECT_GE(std::stoi(counts[1]), kSensors) << log;
  EXPECT_EQ(counts[1], counts[2]) << log;
}

TEST_F(MqttSecurity, AWrongPasswordIsRefused) {
  makeSqlite(1);
  auto& node = launchNode("node-wrong", nodeTlsArgs("ca", "wrong-pw"));
  EXPECT_TRUE(node.awaitLog("refused the connection as user citysafe: ", 20s)) << node.log();
  EXPECT_EQ(node.log().find("mqtt: subscribed"), std::string::npos);
  auto pub = tlsPublisher("ca", "gw-1", "not-the-password");
  const auto connected = pub->connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, Errc::Unauthenticated);
  EXPECT_NE(connected.error().message.find("refused the connection as user gw-1"),
            std::string::npos)
      << connected.error().message;
}

TEST_F(MqttSecurity, AClientTrustingAnotherCaRefusesTheBroker) {
  makeSqlite(1);
  auto& node = launchNode("node-other-ca", nodeTlsArgs("other-ca", "ingest-pw"));
  EXPECT_TRUE(node.awaitLog("the broker's certificate is not trusted", 20s)) << node.log();
  EXPECT_EQ(node.log().find("mqtt: subscribed"), std::string::npos);
  auto pub = tlsPublisher("other-ca", "gw-1", "gateway-pw");
  const auto connected = pub->connect();
  ASSERT_FALSE(connected);
  EXPECT_NE(connected.error().message.find("certificate verify failed"), std::string::npos)
      << connected.error().message;
}

TEST_F(MqttSecurity, ACertificateForAnotherAddressIsRefused) {
  makeSqlite(1);
  auto args = nodeTlsArgs("ca", "ingest-pw");
  args[1] = "mqtts://127.0.0.2:" + std::to_string(other_address_port_);
  auto& node = launchNode("node-other-address", args);
  EXPECT_TRUE(node.awaitLog("not trusted: IP address mismatch", 20s)) << node.log();
  EXPECT_EQ(node.log().find("mqtt: subscribed"), std::string::npos);
}

TEST_F(MqttSecurity, ThePlainListenerRefusesAnonymousClients) {
  makeSqlite(1);
  auto& node = launchNode("node-plain", {"--mqtt", broker_->address()});
  EXPECT_TRUE(node.awaitLog("refused the connection as anonymous: not authorised", 20s))
      << node.log();
  mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub-anonymous");
  const auto connected = pub.connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, Errc::Unauthenticated) << connected.error().message;
}

TEST_F(MqttSecurity, ReplayPublishesOverTlsWithThePasswordFromTheEnvironment) {
  makeSqlite(1);
  auto& node = launchNode("node-replay", nodeTlsArgs("ca", "ingest-pw"));
  ASSERT_TRUE(node.awaitLog("mqtt: subscribed", 20s)) << node.log();
  const std::string file = std::string(CITYSAFE_SHARED_DATA) +
                           "/sensors/munich_bridge/air_temperature_support_01_ref_ambient_1Hz.csv";
  // The child inherits the environment: the password is on no command line.
  setenv("CITYSAFE_MQTT_PASSWORD", "replay-pw", 1);
  ChildProcess replay;
  const bool started =
      replay.start({CITYSAFE_BINARY, "replay", file, "--sensor", "GAS-0", "--speed", "100",
                    "--limit", "50", "--mqtt", "localhost:" + std::to_string(tls_port_),
                    "--mqtt-tls-ca", pem("ca.crt"), "--mqtt-tls-cert", pem("citysafe.crt"),
                    "--mqtt-tls-key", pem("citysafe.key"), "--mqtt-username", "replay"},
                   dir_ / "replay.log");
  unsetenv("CITYSAFE_MQTT_PASSWORD");
  ASSERT_TRUE(started);
  ASSERT_TRUE(replay.awaitLog("replayed 50 readings", 30s)) << replay.log();
  ASSERT_TRUE(awaitReadings(50, 30s)) << storedReadings() << "\n" << node.log();
}

// The flags as `serve` and `replay` resolve them: the scheme or --mqtt-tls picks TLS and its port.
TEST(MqttFlags, TheSchemeOrTheTlsFlagsPickTlsAndItsPort) {
  auto resolved = [](app::MqttFlags flags) {
    auto r = app::resolveMqtt(flags);
    EXPECT_TRUE(r && *r) << (r ? "no broker" : r.error().field + ": " + r.error().message);
    return r && *r ? **r : app::MqttEndpoint{};
  };
  const auto tls = resolved({.broker = "mqtts://broker.example"});
  EXPECT_EQ(tls.host, "broker.example");
  EXPECT_EQ(tls.port, 8883);
  EXPECT_TRUE(tls.security.tls.enabled);
  EXPECT_TRUE(tls.security.tls.ca_file.empty()) << "the system's CAs";
  EXPECT_EQ(resolved({.broker = "broker.example", .tls = true}).port, 8883);
  const auto plain = resolved({.broker = "broker.example"});
  EXPECT_EQ(plain.port, 1883);
  EXPECT_FALSE(plain.security.tls.enabled);
  EXPECT_EQ(resolved({.broker = "mqtts://broker.example:9883"}).port, 9883);
  const auto contradiction = app::resolveMqtt({.broker = "mqtt://broker.example", .tls = true});
  ASSERT_FALSE(contradiction);
  EXPECT_EQ(contradiction.error().field, "mqtt");
  EXPECT_FALSE(app::resolveMqtt({}).value().has_value()) << "no --mqtt, no MQTT";
}

TEST(MqttFlags, ThePasswordFileWinsOverTheEnvironment) {
  const auto file = std::filesystem::temp_directory_path() / ("mqtt-pw-" + randomHexToken(6));
  writeFile(file, "from-the-file\r\nsecond line\n");
  std::filesystem::permissions(file, std::filesystem::perms::owner_read);
  setenv(app::kMqttPasswordVariable, "from-the-environment", 1);
  const app::MqttFlags from_env{.broker = "mqtts://b", .username = "u"};
  auto from_file = from_env;
  from_file.password_file = file.string();
  const auto env_password = app::resolveMqtt(from_env);
  const auto file_password = app::resolveMqtt(from_file);
  unsetenv(app::kMqttPasswordVariable);
  std::filesystem::remove(file);
  ASSERT_TRUE(env_password && file_password);
  EXPECT_EQ((*env_password)->security.password, "from-the-environment");
  EXPECT_EQ((*file_password)->security.password, "from-the-file");
  EXPECT_EQ((*file_password)->security.username, "u");
}

}  // namespace
}  // namespace citysafe::testing
