// Where `search --serve` listens: "[ADDR:]PORT" as the flag takes it, and
// whether that address keeps the archive on this machine (loopback).
#pragma once

#include <string>
#include <string_view>

namespace kosearch {

struct ListenAddress {
  std::string host = "127.0.0.1";  // an IPv4 or IPv6 address ([::1] given as ::1), or a host name
  int port = 8700;                 // 0: any free port (the one taken is printed)
};

inline constexpr std::string_view default_listen_address = "127.0.0.1:8700";

// "8700", "127.0.0.1:8700", "0.0.0.0:8080", "[::1]:8700", "localhost:8700".
// Throws Error(usage) naming the problem for anything else (a port outside
// 0–65535, an empty host, an IPv6 address without brackets).
ListenAddress parse_listen_address(std::string_view text);

// Whether `host` can only be reached from this machine: 127.0.0.0/8, ::1,
// "localhost". Anything else (0.0.0.0, ::, a LAN address) is a network.
bool is_loopback(std::string_view host);

}  // namespace kosearch
