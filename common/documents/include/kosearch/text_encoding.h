// Turning input bytes into UTF-8: text saved by older Korean software in
// EUC-KR or CP949 (Windows' superset of it), or in UTF-16 with a byte order
// mark, is converted instead of being indexed as U+FFFD garbage.
//
// Decisions:
// - Valid UTF-8 is taken as it is (a UTF-8 byte order mark too).
// - UTF-16 is recognised only by its byte order mark (without one it cannot
//   be told from binary data, and is refused as binary like today).
// - Otherwise ICU's charset detector (ucsdet) is asked; only a confident
//   EUC-KR verdict is acted on, decoded as CP949 (windows-949-2000), which
//   reads every EUC-KR text and Windows' extra Hangul. Latin-1 guesses and
//   the like are not trusted: such bytes keep today's treatment (ill-formed
//   UTF-8 replaced by U+FFFD).
// - A forced encoding (indexer --encoding NAME, any ICU converter name or
//   alias; cp949, uhc and ms949 mean Windows' CP949, not IBM's) is used for
//   every input that is not valid UTF-8.
// - Bytes the chosen encoding cannot decode become U+FFFD.
// - Each conversion is reported in one warning naming the encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kosearch/error.h"

namespace kosearch {

struct DecodedText {
  std::string text;       // valid UTF-8
  std::string encoding;   // what it was decoded from ("EUC-KR", "UTF-16LE", …); empty: it was UTF-8
  std::size_t replaced = 0;  // characters that could not be decoded, now U+FFFD
  // One line for the user when the bytes were not clean UTF-8, e.g.
  // "encoded in EUC-KR (detected); converted to UTF-8"; empty otherwise.
  std::string warning;
  Remedy remedy = Remedy::none;  // force_encoding when the encoding was guessed
};

// `forced`: an encoding name to use for input that is not valid UTF-8; empty
// to detect. Throws Error(usage) for a name ICU does not know.
DecodedText decode_text(std::string_view bytes, std::string_view forced = {});

// Throws Error(usage) unless ICU has a converter for `name` (flags are
// checked before any input is read).
void check_encoding_name(std::string_view name);

// True when `bytes` start with a UTF-16 byte order mark (FF FE or FE FF).
bool has_utf16_bom(std::string_view bytes);

}  // namespace kosearch
