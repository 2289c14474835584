#include "kosearch/http_server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <thread>

#include <httplib.h>

#include "kosearch/error.h"
#include "kosearch/searcher_pool.h"
#include "kosearch/serve_api.h"
#include "kosearch/web_page.h"

namespace kosearch {
namespace {

// Only this server's own page, script, style and API; no frames, no forms
// elsewhere, no plugins. The page has no inline script or style.
constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* json_type = "application/json; charset=utf-8";

// Timeouts on a connection: a slow or stuck client holds one worker at most this long.
constexpr time_t read_timeout_seconds = 5;
constexpr time_t write_timeout_seconds = 5;
constexpr time_t keep_alive_seconds = 2;
constexpr std::size_t keep_alive_requests = 100;
constexpr std::size_t max_body_bytes = 64 * 1024;  // GET takes none; a body beyond this is refused

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

// What a status httplib set by itself means, for its body.
std::string refusal(int status) {
  switch (status) {
    case 400: return "malformed request";
    case 404: return "no such page";
    case 405: return "only GET is served";
    case 413: return "request body too large";
    case 414: return "request URI too long (over 8 KiB)";
    case 431: return "request headers too large";
    default: return "request refused";
  }
}

void reply(httplib::Response& res, const ApiReply& api) {
  res.status = api.status;
  res.set_content(api.body, json_type);
  res.set_header("Cache-Control", "no-store");
}

void add_routes(httplib::Server& server, ServeApi& api) {
  for (const WebAsset& asset : web_assets()) {
    server.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
    });
  }
  server.Get("/api/search", [&api](const httplib::Request& req, httplib::Response& res) { reply(res, api.search(req.params)); });
  server.Get(R"(/api/article/(.+))", [&api](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return reply(res, error_reply(400, "/api/article/ID takes no parameters"));
    reply(res, api.article(req.matches[1].str()));
  });
  // Whatever httplib refuses itself (no route, a URI over its limit, a
  // malformed request) gets a body too: JSON under /api/, text elsewhere.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string message = refusal(res.status);
    // A request refused before its path was read (414) gets JSON too: a script sent it.
    if (req.path.empty() || req.path.rfind("/api/", 0) == 0) reply(res, error_reply(res.status, message));
    else res.set_content(std::to_string(res.status) + " " + message + "\n", "text/plain; charset=utf-8");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    reply(res, error_reply(500, "internal error"));
  });
}

// Waits (on its own thread) for SIGINT or SIGTERM, blocked in every other
// thread, and stops the server: it stops accepting, finishes the requests in
// flight and its listen returns.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& server) : server_(server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);  // before httplib starts its threads
    waiter_ = std::thread([this] { wait(); });
  }
  ~StopOnSignal() {
    done_ = true;
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  void wait() {
    const timespec tick{0, 100'000'000};
    bool signalled = false;
    while (!done_) {
      if (!signalled) signalled = sigtimedwait(&signals_, nullptr, &tick) > 0;
      else std::this_thread::sleep_for(std::chrono::milliseconds(50));
      // Again until listen has returned: a stop before it runs is not seen.
      if (signalled) server_.stop();
    }
  }

  httplib::Server& server_;
  sigset_t signals_{}, previous_{};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

}  // namespace

int serve(const ServeOptions& options, std::ostream& log) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  SearcherPool pool(options.index_path, options.open, options.searchers ? options.searchers : 2 * cores);
  std::error_code cwd_error;
  ServeApi api(pool, options.path_style, std::filesystem::current_path(cwd_error).string());

  httplib::Server server;
  const std::size_t threads = std::max<std::size_t>(options.threads, 1);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_default_headers({{"Content-Security-Policy", content_security_policy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
  server.set_read_timeout(read_timeout_seconds);
  server.set_write_timeout(write_timeout_seconds);
  server.set_keep_alive_timeout(keep_alive_seconds);
  server.set_keep_alive_max_count(keep_alive_requests);
  server.set_payload_max_length(max_body_bytes);
  server.set_tcp_nodelay(true);
  add_routes(server, api);

  const ListenAddress& at = options.address;
  const int port = at.port == 0 ? server.bind_to_any_port(at.host) : (server.bind_to_port(at.host, at.port) ? at.port : -1);
  if (port <= 0)
    throw Error(ErrorKind::usage, "cannot listen on " + url_host(at.host) + ":" + std::to_string(at.port) + ": " +
                                      (errno ? std::strerror(errno) : "address not available"));
  if (!is_loopback(at.host))
    log << "search: warning: listening on " << url_host(at.host) << ":" << port
        << ", not only this machine: the archive becomes readable by anyone on that network\n";
  try {
    pool.lease();  // opened now, so a wrong --index is said at once (requests retry it)
  } catch (const Error& e) {
    log << "search: warning: " << e.what() << "; requests answer 503 until it can be opened\n";
  }
  StopOnSignal stop(server);  // before the line that tells a caller it may send the signal
  log << "search: serving '" << options.index_path << "' at http://" << url_host(at.host) << ":" << port
      << "/ (Ctrl-C stops)" << std::endl;
  server.listen_after_bind();
  return 0;
}

}  // namespace kosearch
