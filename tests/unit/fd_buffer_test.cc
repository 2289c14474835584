#include "kosearch/fd_buffer.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <ostream>
#include <string>

namespace {

using kosearch::cli::FdBuffer;

// A pipe both ends of which the test holds.
struct Pipe {
  Pipe() { EXPECT_EQ(::pipe(fds), 0); }
  ~Pipe() {
    for (const int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  int fds[2] = {-1, -1};
};

TEST(FdBuffer, WritesWhatIsFlushedAndWhatOverflows) {
  char name[] = "/tmp/kosearch_fd_buffer_XXXXXX";
  const int file = ::mkstemp(name);
  ASSERT_GE(file, 0);
  const std::string big(100'000, 'x');  // more than the buffer holds (a file: a pipe would fill up)
  {
    FdBuffer buffer(file);
    std::ostream out(&buffer);
    out << "첫 줄\n" << std::flush;
    out << big;
    EXPECT_TRUE(out.good());
    EXPECT_EQ(buffer.failure(), 0);
  }  // the rest is written when the buffer goes
  std::string written(200'000, '\0');
  const ssize_t n = ::pread(file, written.data(), written.size(), 0);
  ::close(file);
  ::unlink(name);
  ASSERT_GE(n, 0);
  written.resize(static_cast<std::size_t>(n));
  EXPECT_EQ(written, "첫 줄\n" + big);
}

TEST(FdBuffer, AReaderThatWentAwayIsToldApart) {
  std::signal(SIGPIPE, SIG_IGN);  // as search does: a closed pipe is a failed write
  Pipe pipe;
  ::close(pipe.fds[0]);
  pipe.fds[0] = -1;
  FdBuffer buffer(pipe.fds[1]);
  std::ostream out(&buffer);
  out << "hit\n" << std::flush;
  EXPECT_FALSE(out.good());
  EXPECT_TRUE(buffer.reader_went_away());
}

TEST(FdBuffer, AFullDiskIsAFailureToReport) {
  const int full = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(full, 0);
  {
    FdBuffer buffer(full);
    std::ostream out(&buffer);
    out << "hit\n" << std::flush;
    EXPECT_FALSE(out.good());
    EXPECT_EQ(buffer.failure(), ENOSPC);
    EXPECT_FALSE(buffer.reader_went_away());
  }
  ::close(full);
}

}  // namespace
