#include "kosearch/shard_stub.h"

#include <gtest/gtest.h>

#include <fstream>

#include "kosearch/error.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

class ShardStub : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shard_stub_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path stub_with(const std::string& text) {
    std::ofstream(dir_ / shard_stub::file_name) << text;
    return dir_ / shard_stub::file_name;
  }
  // The message of the Error that `read` throws, or "" when it reads.
  std::string read_error(const std::string& text) {
    try {
      shard_stub::read(stub_with(text));
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

TEST_F(ShardStub, WrittenStubReadsBackAsTheShardFolders) {
  shard_stub::write(dir_, 3);
  EXPECT_EQ(shard_stub::find(dir_), dir_ / "XAPIANDB");
  const auto entries = shard_stub::read(dir_ / "XAPIANDB");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].path, shard_stub::shard_dir(dir_, 2));
  EXPECT_FALSE(entries[2].remote());
  EXPECT_EQ(shard_stub::written_shard_count(dir_), 3u);
}

TEST_F(ShardStub, RemoteEntriesCommentsAndBlankLines) {
  const auto entries = shard_stub::read(stub_with("# two hosts\n\nremote 10.0.0.2:34501\n  remote [::1]:8000 \nglass /abs/db\n"));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].host, "10.0.0.2");
  EXPECT_EQ(entries[0].port, 34501u);
  EXPECT_EQ(entries[0].line, 3u);
  EXPECT_EQ(entries[0].description, "remote 10.0.0.2:34501 (line 3 of '" + (dir_ / "XAPIANDB").string() + "')");
  EXPECT_EQ(entries[1].host, "::1");
  EXPECT_EQ(entries[2].path, "/abs/db");
}

TEST_F(ShardStub, MalformedLinesAreNamed) {
  EXPECT_NE(read_error("remote host\n").find("line 1: 'host' has no port"), std::string::npos);
  EXPECT_NE(read_error("auto a\nremote h:70000\n").find("line 2: bad port"), std::string::npos);
  EXPECT_NE(read_error("remote :prog\n").find("remote programs are not supported"), std::string::npos);
  EXPECT_NE(read_error("chert x\n").find("unknown shard type 'chert'"), std::string::npos);
  EXPECT_NE(read_error("auto\n").find("line 1: no path"), std::string::npos);
  EXPECT_NE(read_error("# nothing\n").find("lists no shard"), std::string::npos);
}

TEST_F(ShardStub, NoStubMeansNoShards) {
  EXPECT_EQ(shard_stub::find(dir_), std::nullopt);
  EXPECT_EQ(shard_stub::written_shard_count(dir_), 0u);
  std::ofstream(dir_ / "glass.db", std::ios::binary) << std::string("\x0f\x0dXapian Glass", 14);
  EXPECT_EQ(shard_stub::find(dir_ / "glass.db"), std::nullopt);  // a single-file database
}

TEST_F(ShardStub, IndexerRefusesStubsItDidNotWrite) {
  stub_with("auto shard0\nremote h:1\n");
  EXPECT_THROW(shard_stub::written_shard_count(dir_), Error);
  stub_with("auto shard1\n");
  EXPECT_THROW(shard_stub::written_shard_count(dir_), Error);
}

}  // namespace
}  // namespace kosearch
