#include "kosearch/listen_address.h"

#include <arpa/inet.h>

#include <charconv>

#include "kosearch/error.h"

namespace kosearch {
namespace {

int parsed_port(std::string_view text, std::string_view whole) {
  int port = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535)
    throw Error(ErrorKind::usage, "--serve '" + std::string(whole) + "': the port must be a number from 0 to 65535");
  return port;
}

}  // namespace

ListenAddress parse_listen_address(std::string_view text) {
  ListenAddress address;
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    address.port = parsed_port(text, text);
    return address;
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  else if (host.find(':') != std::string_view::npos)
    throw Error(ErrorKind::usage, "--serve '" + std::string(text) + "': write an IPv6 address in brackets, [::1]:8700");
  if (host.empty()) throw Error(ErrorKind::usage, "--serve '" + std::string(text) + "': no address before the ':'");
  address.host = std::string(host);
  address.port = parsed_port(text.substr(colon + 1), text);
  return address;
}

bool is_loopback(std::string_view host) {
  if (host == "localhost") return true;
  const std::string text(host);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

}  // namespace kosearch
