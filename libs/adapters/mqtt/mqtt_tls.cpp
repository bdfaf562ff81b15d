// TLS for our MQTT clients: the context both use, and the subscriber's transport, OpenSSL over a
// non-blocking socket.
#include "mqtt_tls.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "mqtt_transport.hpp"

namespace citysafe::mqtt {
namespace {

using Clock = std::chrono::steady_clock;

// A broker that stops reading for this long is treated as gone.
constexpr auto kSendTimeout = std::chrono::seconds(60);

// The reasons OpenSSL queued on this thread, oldest first, and the queue emptied.
std::string takeOpensslErrors() {
  std::string reasons;
  while (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    if (!reasons.empty()) reasons += "; ";
    reasons += text;
  }
  return reasons.empty() ? "no reason given" : reasons;
}

// An encrypted key would make OpenSSL ask for its phrase on the terminal: refuse it instead.
int noPassphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return 0; }

// The name or address the broker's certificate must carry.
void expectPeer(X509_VERIFY_PARAM* param, const std::string& host) {
  if (isIpAddress(host)) {
    X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
  } else {
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
  }
}

enum class Wait : std::uint8_t { Ready, TimedOut, Failed };

Wait waitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{fd, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(0, left.count())));
    if (ready > 0) return Wait::Ready;
    if (ready == 0) return Wait::TimedOut;
    if (errno != EINTR) return Wait::Failed;
  }
}

// What SSL_get_error's answer asks us to wait for; 0 when it is no retry but a failure.
short retryEvents(int ssl_error) {
  if (ssl_error == SSL_ERROR_WANT_READ) return POLLIN;
  if (ssl_error == SSL_ERROR_WANT_WRITE) return POLLOUT;
  return 0;
}

class TlsTransport final : public Transport {
 public:
  TlsTransport(int fd, SSL* ssl) : fd_(fd), ssl_(ssl) {}
  ~TlsTransport() override {
    if (SSL_is_init_finished(ssl_) == 1) SSL_shutdown(ssl_);  // one try at close_notify
    SSL_free(ssl_);
    ::close(fd_);
  }
  TlsTransport(const TlsTransport&) = delete;
  TlsTransport& operator=(const TlsTransport&) = delete;

  // A TLS record may arrive in pieces, and OpenSSL may read records that carry no data (session
  // tickets): it keeps asking until data comes out or the wait is over.
  bool receive(std::string& into, int wait_ms) override {
    const auto deadline = Clock::now() + std::chrono::milliseconds(wait_ms);
    char chunk[65536];
    for (;;) {
      ERR_clear_error();
      std::size_t n = 0;
      if (SSL_read_ex(ssl_, chunk, sizeof chunk, &n) == 1) {
        into.append(chunk, n);
        return true;
      }
      const short events = retryEvents(SSL_get_error(ssl_, 0));
      if (events == 0) return false;  // closed by the broker, or broken
      const Wait waited = waitFor(fd_, events, deadline);
      if (waited != Wait::Ready) return waited == Wait::TimedOut;
    }
  }

  // Without partial writes, OpenSSL takes all of a call or none: a retry repeats the same call.
  bool send(std::string_view data) override {
    const auto deadline = Clock::now() + kSendTimeout;
    std::size_t sent = 0;
    while (sent < data.size()) {
      ERR_clear_error();
      std::size_t n = 0;
      if (SSL_write_ex(ssl_, data.data() + sent, data.size() - sent, &n) == 1) {
        sent += n;
        continue;
      }
      const short events = retryEvents(SSL_get_error(ssl_, 0));
      if (events == 0 || waitFor(fd_, events, deadline) != Wait::Ready) return false;
    }
    return true;
  }

  bool readable() override {
    if (SSL_has_pending(ssl_) == 1) return true;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }

 private:
  int fd_;
  SSL* ssl_;
};

}  // namespace

bool isIpAddress(const std::string& host) {
  in_addr v4{};
  in6_addr v6{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 || inet_pton(AF_INET6, host.c_str(), &v6) == 1;
}

Result<TlsContext> makeTlsContext(const TlsSettings& tls, const std::string& host) {
  ERR_clear_error();
  TlsContext ctx(SSL_CTX_new(TLS_client_method()), &SSL_CTX_free);
  if (!ctx) return fail(Errc::Internal, "", "mqtt: cannot create a TLS context");
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_default_passwd_cb(ctx.get(), &noPassphrase);
  if (tls.ca_file.empty()) {
    if (SSL_CTX_set_default_verify_paths(ctx.get()) != 1) {
      return invalid("ca_file", "cannot load the system's CAs: " + takeOpensslErrors());
    }
  } else if (SSL_CTX_load_verify_locations(ctx.get(), tls.ca_file.c_str(), nullptr) != 1) {
    return invalid("ca_file", "cannot load CAs from " + tls.ca_file + ": " + takeOpensslErrors());
  }
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return invalid(tls.cert_file.empty() ? "cert_file" : "key_file",
                   "a client certificate needs both the certificate and its key");
  }
  if (!tls.cert_file.empty()) {
    if (SSL_CTX_use_certificate_chain_file(ctx.get(), tls.cert_file.c_str()) != 1) {
      return invalid("cert_file", "cannot load a certificate from " + tls.cert_file + ": " +
                                      takeOpensslErrors());
    }
    if (SSL_CTX_use_PrivateKey_file(ctx.get(), tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
      return invalid("key_file", "cannot load an unencrypted private key from " + tls.key_file +
                                     ": " + takeOpensslErrors());
    }
    if (SSL_CTX_check_private_key(ctx.get()) != 1) {
      return invalid("key_file", tls.key_file + " is not the key of " + tls.cert_file);
    }
  }
  if (!host.empty()) expectPeer(SSL_CTX_get0_param(ctx.get()), host);
  return ctx;
}

Result<void> checkTlsSettings(const TlsSettings& tls) {
  CS_TRY(makeTlsContext(tls, ""));
  return ok();
}

// The context is made anew for every connection, so renewed CA, certificate or key files are
// taken up at the next reconnect.
Result<std::unique_ptr<Transport>> startTls(int fd, const std::string& host, const TlsSettings& tls,
                                            Clock::time_point deadline) {
  auto ctx = makeTlsContext(tls, host);
  if (!ctx) {
    ::close(fd);
    return tl::unexpected(ctx.error());
  }
  SSL* ssl = SSL_new(ctx->get());  // holds its own reference to the context
  if (ssl == nullptr) {
    ::close(fd);
    return fail(Errc::Internal, "mqtt", "cannot create a TLS connection");
  }
  // From here on the transport owns both, and a failed handshake closes them.
  auto transport = std::make_unique<TlsTransport>(fd, ssl);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  const bool named = isIpAddress(host) || SSL_set_tlsext_host_name(ssl, host.c_str()) == 1;
  if (SSL_set_fd(ssl, fd) != 1 || !named) {
    return fail(Errc::Internal, "mqtt", "cannot set up TLS: " + takeOpensslErrors());
  }
  for (;;) {
    ERR_clear_error();
    const int rc = SSL_connect(ssl);
    if (rc == 1) break;
    const short events = retryEvents(SSL_get_error(ssl, rc));
    if (events == 0) {
      const long verified = SSL_get_verify_result(ssl);
      if (verified != X509_V_OK) {
        return fail(Errc::Unauthenticated, "mqtt",
                    "TLS: the broker's certificate is not trusted: " +
                        std::string(X509_verify_cert_error_string(verified)));
      }
      return fail(Errc::Unauthenticated, "mqtt", "TLS handshake failed: " + takeOpensslErrors());
    }
    if (waitFor(fd, events, deadline) != Wait::Ready) {
      return fail(Errc::Unavailable, "mqtt", "TLS handshake timed out");
    }
  }
  return std::unique_ptr<Transport>(std::move(transport));
}

}  // namespace citysafe::mqtt
