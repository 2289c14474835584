// The front ends' standard output: a stream buffer over a file descriptor
// that remembers why a write failed. A reader that went away (EPIPE,
// `search … | head -1`) ends a run quietly, while a full disk or a closed
// descriptor is an error a script must see. Lines reach the descriptor as the
// result printers flush them. CLI-side only.
#pragma once

#include <array>
#include <streambuf>

namespace kosearch::cli {

class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd);
  ~FdBuffer() override;
  FdBuffer(const FdBuffer&) = delete;
  FdBuffer& operator=(const FdBuffer&) = delete;

  // The errno of the first write that failed; 0 while none has.
  int failure() const { return failure_; }
  bool reader_went_away() const;

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool drain();

  int fd_;
  std::array<char, 1 << 16> buffer_{};
  int failure_ = 0;
};

}  // namespace kosearch::cli
