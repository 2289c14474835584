// `search --serve`: the search page and the JSON API (serve_api.h) over HTTP
// (cpp-httplib), from one process that keeps its index open. cpp-httplib
// because Debian packages it (libcpp-httplib-dev) and a blocking server on a
// thread pool is all a local archive needs: a few calls, no event loop or
// framework (Boost.Beast, libmicrohttpd would need far more of our code).
//
// Threads: a pool of `threads` HTTP workers; searches run on at most
// `searchers` Searchers at once (searcher_pool.h), each with its own
// database. Security: loopback unless another address is given (then one
// warning line); GET only, nothing written; every response carries a
// Content-Security-Policy allowing only this server's own page, script and
// style, and X-Content-Type-Options: nosniff; requests are bounded in URI and
// header size (8 KiB each, Debian's libcpp-httplib build: 414 / 431 beyond),
// read and write timeouts and the query limits. SIGINT/SIGTERM: the requests
// in flight are finished, then serve returns 0.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "kosearch/article_path.h"
#include "kosearch/listen_address.h"
#include "kosearch/searcher.h"

namespace kosearch {

struct ServeOptions {
  std::string index_path;
  OpenOptions open;
  ListenAddress address;
  std::size_t threads = 64;   // HTTP workers: a keep-alive connection holds one while it lasts
  std::size_t searchers = 0;  // 0: two per core
  PathStyle path_style = PathStyle::relative;
};

// Serves until SIGINT or SIGTERM; returns the exit code (0). Status lines go
// to `log` ("search: serving …", the network warning). Throws Error(usage)
// when the address cannot be listened on.
int serve(const ServeOptions& options, std::ostream& log);

}  // namespace kosearch
