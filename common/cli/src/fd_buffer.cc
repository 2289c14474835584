#include "kosearch/fd_buffer.h"

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace kosearch::cli {

FdBuffer::FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

FdBuffer::~FdBuffer() { drain(); }

bool FdBuffer::reader_went_away() const { return failure_ == EPIPE; }

FdBuffer::int_type FdBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
  return traits_type::not_eof(c);
}

int FdBuffer::sync() { return drain() ? 0 : -1; }

// After a failure, what is buffered is dropped: nothing more can be shown.
bool FdBuffer::drain() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  while (left > 0 && failure_ == 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failure_ = n < 0 ? errno : EIO;
    } else {
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return failure_ == 0;
}

}  // namespace kosearch::cli
