#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "basemap_import.hpp"
#include "citysafe/core/demo/demo_district.hpp"
#include "citysafe/core/demo/demo_sensors.hpp"
#include "citysafe/http/server.hpp"
#include "monitoring_runtime.hpp"
#include "mqtt_flags.hpp"
#include "periodic_task.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {

namespace {
// Many idle or slow connections must not run the process out of descriptors before the
// connection caps apply: take the hard limit the system allows.
void raiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// A secret from a file (first line, trimmed), so it never shows in the process list.
Result<std::string> readSecretFile(const std::string& path, const char* flag) {
  if (path.empty()) return std::string();
  std::ifstream in(path);
  std::string secret;
  if (!in || !std::getline(in, secret)) return invalid(flag, "cannot read " + path);
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
  if (secret.size() < 16) return invalid(flag, "the token must be at least 16 characters");
  return secret;
}

struct ServeOptions {
  std::string db = kDefaultDb;
  std::string audit_key;
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::string web = "web/dist";
  std::string osm;
  bool demo = false;
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  std::vector<std::string> public_origins;
  std::string metrics_token_file;
  std::vector<std::string> metrics_addresses;
  http::ServerLimits limits;
  int threads = 4;
  std::size_t body_limit = 1 << 20;
  MqttFlags mqtt;
  MonitoringOptions monitoring;
};

int serve(const ServeOptions& o) {
  // Block the stop signals before any thread starts (the HTTP worker pools start with the
  // server), so every thread inherits the mask and one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  MonitoringOptions monitoring_options = o.monitoring;
  monitoring_options.simulate = o.demo;
  auto broker = resolveMqtt(o.mqtt);
  if (!broker) return report(broker.error());
  monitoring_options.mqtt.broker = std::move(*broker);

  auto rt = openRuntime(o.db, o.audit_key);
  if (!rt) return report(rt.error());
  auto& ctx = *(*rt)->ctx;
  Services& services = *(*rt)->services;
  spdlog::info("store: {}", (*rt)->store->describe());

  if (!o.osm.empty()) {
    if (auto imported = importOsmBasemap(services.basemap, o.osm); !imported)
      return report(imported.error());
  }
  if (o.demo) {
    // With an imported extract, the demo district sits in the middle of it.
    org::GeoPoint centre = demo::kDemoCentre;
    auto info = services.basemap.info(identity::Principal::system());
    if (!info) return report(info.error());
    if (!info->bbox.empty()) {
      centre = {(info->bbox.min_lon + info->bbox.max_lon) / 2,
                (info->bbox.min_lat + info->bbox.max_lat) / 2};
    }
    auto logins = demo::buildDemoDistrict(ctx, (*rt)->hasher, centre);
    if (!logins) return report(logins.error());
    if (auto base = ensureDemoBasemap(services.basemap); !base) return report(base.error());
    if (auto risks = demo::buildDemoRisks(ctx, centre); !risks) return report(risks.error());
    if (auto hazards = demo::buildDemoHazards(ctx); !hazards) {
      return report(hazards.error());
    }
    if (auto sensors = demo::buildDemoSensors(ctx); !sensors) return report(sensors.error());
    std::cout << "Demo logins (username / password):\n";
    for (const auto& l : *logins) {
      std::cout << "  " << l.username << " / " << l.password << "   (" << l.role << ", " << l.org
                << ")\n";
    }
  }

  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(o.web) / "index.html", ec)) {
    spdlog::warn("no web UI at {} (build it with make run); serving the API only", o.web);
  }
  auto metrics_token = readSecretFile(o.metrics_token_file, "--metrics-token-file");
  if (!metrics_token) return report(metrics_token.error());
  raiseDescriptorLimit();
  http::ServerLimits limits = o.limits;
  limits.workers = static_cast<std::size_t>(o.threads);
  http::Application app(services, {.web_root = o.web,
                                   .body_limit = o.body_limit,
                                   .secure_cookies = o.secure_cookies,
                                   .trusted_proxies = o.trusted_proxies,
                                   .public_origins = o.public_origins,
                                   .metrics_token = *metrics_token,
                                   .metrics_addresses = o.metrics_addresses,
                                   .limits = limits});
  // Two network threads are plenty: handlers run on the worker pools.
  http::HttpServer server(app, (*rt)->bus, 2);

  // Warm the risk marker cache in the background, so the first grid view does not wait for it.
  std::thread warm([&services] {
    if (auto r = services.risks.warmCache(); !r)
      spdlog::warn("risk marker cache: {}", r.error().message);
  });
  // Several nodes may share one database: the sweep lease names this one.
  char host[256] = "node";
  gethostname(host, sizeof host - 1);
  const std::string node = std::string(host) + ":" + std::to_string(getpid());
  // The hazard scheduler: due-soon and overdue marks, notices and escalation, once a minute.
  PeriodicTask scheduler(std::chrono::minutes(1), [&services, &node] {
    if (auto swept = services.hazards.supervision.sweep(node); !swept) {
      spdlog::warn("hazard scheduler: {}", swept.error().message);
    } else if (swept->overdue + swept->due_soon + swept->escalated > 0) {
      spdlog::info("hazard scheduler: {} due soon, {} overdue, {} escalated", swept->due_soon,
                   swept->overdue, swept->escalated);
    }
  });
  MonitoringRuntime monitoring(services, node, monitoring_options);
  auto port = server.start(o.address, o.port);
  auto monitored = port ? monitoring.start() : Result<void>();
  if (!port || !monitored) {
    server.stop();
    warm.join();
    scheduler.stop();
    return report(port ? monitored.error() : port.error());
  }
  std::cout << "CitySafe listening on http://" << o.address << ":" << *port << "/" << std::endl;

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {}: stopping", sig);
    server.stop();
  });
  server.wait();
  waiter.join();
  monitoring.stop();
  warm.join();
  scheduler.stop();
  // Every committed record was checkpointed as it committed; this one marks a clean stop.
  if (auto head = ctx.auditor.checkpointHead(*(*rt)->store); !head) {
    spdlog::warn("audit checkpoint at shutdown: {}", head.error().message);
  }
  return 0;
}
}  // namespace

void addServeVerb(CLI::App& cli, Action& action) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = cli.add_subcommand("serve", "Serve the web UI and the JSON API");
  cmd->add_option("--db", opts->db, "sqlite:PATH or postgresql://user@host:port/db")
      ->capture_default_str();
  addAuditKeyOption(*cmd, opts->audit_key);
  cmd->add_option("--address", opts->address, "address to listen on")->capture_default_str();
  cmd->add_option("--port", opts->port, "port (0 picks a free one)")->capture_default_str();
  cmd->add_option("--web", opts->web, "directory of the built web UI")->capture_default_str();
  cmd->add_option("--osm", opts->osm, "import this OpenStreetMap extract as the basemap first");
  cmd->add_option("--trusted-proxy", opts->trusted_proxies,
                  "address of a reverse proxy whose X-Forwarded-For names the client (repeatable; "
                  "per-address limits such as public tips need it behind nginx)");
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "mark the session cookie Secure (behind a TLS-terminating proxy)");
  cmd->add_flag("--demo", opts->demo,
                "build the demo district (with demo logins) if the store is empty");
  cmd->add_option("--threads", opts->threads, "HTTP worker threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  addMqttFlags(*cmd, opts->mqtt,
               "consume readings from this MQTT broker (HOST:PORT or mqtts://HOST:PORT), QoS 1 "
               "with a persistent session");
  cmd->add_option(
      "--mqtt-client-id", opts->monitoring.mqtt.client_id,
      "the MQTT client id, which names the broker-side session (default citysafe-HOST)");
  cmd->add_option("--mqtt-share", opts->monitoring.mqtt.share,
                  "join this shared-subscription group ($share/GROUP/...) so several nodes split "
                  "the stream");
  cmd->add_option("--body-limit", opts->body_limit, "largest request body in bytes")
      ->capture_default_str();
  cmd->add_option("--public-origin", opts->public_origins,
                  "origin of the UI as browsers see it, e.g. https://citysafe.example.org "
                  "(repeatable); state-changing requests and the live channel from other origins "
                  "are refused. Default: the origin in the request's Host header");
  cmd->add_option("--metrics-token-file", opts->metrics_token_file,
                  "file holding the bearer token that may read /metrics");
  cmd->add_option("--metrics-allow", opts->metrics_addresses,
                  "client address that may read /metrics without a token (repeatable)");
  cmd->add_option("--max-connections", opts->limits.max_connections,
                  "open connections in all (also bounded by the descriptor limit)")
      ->capture_default_str();
  cmd->add_option("--max-connections-per-address", opts->limits.max_connections_per_address,
                  "open connections per client address (trusted proxies are exempt)")
      ->capture_default_str();
  cmd->callback([opts, &action] { action = [opts] { return serve(*opts); }; });
}

}  // namespace citysafe::app
