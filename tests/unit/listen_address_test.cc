#include "kosearch/listen_address.h"

#include <gtest/gtest.h>

#include "kosearch/error.h"

namespace ks = kosearch;

namespace {

TEST(ListenAddress, PortAloneIsLoopback) {
  const ks::ListenAddress a = ks::parse_listen_address("8080");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
}

TEST(ListenAddress, HostAndPort) {
  EXPECT_EQ(ks::parse_listen_address("0.0.0.0:8700").host, "0.0.0.0");
  EXPECT_EQ(ks::parse_listen_address("[::1]:9000").host, "::1");
  EXPECT_EQ(ks::parse_listen_address("[::1]:9000").port, 9000);
  EXPECT_EQ(ks::parse_listen_address("localhost:0").port, 0);
  EXPECT_EQ(ks::parse_listen_address(ks::default_listen_address).port, 8700);
}

TEST(ListenAddress, BadAddressesAreUsageErrors) {
  for (const char* text : {"", "x", "65536", "-1", "80a", ":8700", "::1:8700", "127.0.0.1:", "1.2.3.4:99999"}) {
    try {
      ks::parse_listen_address(text);
      ADD_FAILURE() << text;
    } catch (const ks::Error& e) {
      EXPECT_EQ(e.kind(), ks::ErrorKind::usage) << text;
    }
  }
}

TEST(ListenAddress, OnlyLoopbackKeepsTheArchiveOnThisMachine) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) EXPECT_TRUE(ks::is_loopback(host)) << host;
  for (const char* host : {"0.0.0.0", "::", "192.168.0.5", "10.0.0.1", "example.com", "128.0.0.1"})
    EXPECT_FALSE(ks::is_loopback(host)) << host;
}

}  // namespace
