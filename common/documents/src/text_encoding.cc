#include "kosearch/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// ICU's "cp949" is IBM's code page; people who write CP949 mean Windows'.
constexpr const char* windows_949 = "windows-949-2000";

// The detector reads this much; enough to tell, and bounded for big files.
constexpr std::size_t detection_bytes = 64 * 1024;

// ICU confidence (0–100) below which a detection is not acted on.
constexpr int min_confidence = 30;

std::string converter_name(std::string_view name) {
  const std::string l = ascii_lower(name);
  if (l == "cp949" || l == "uhc" || l == "ms949" || l == "euc-kr" || l == "euckr" || l == "windows-949")
    return windows_949;
  return std::string(name);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(converter_name(name).c_str(), &status));
  if (U_FAILURE(status) || !converter)
    throw Error(ErrorKind::usage, "unknown encoding '" + std::string(name) +
                                      "' (use a name such as EUC-KR, CP949, UTF-16LE or ISO-8859-1)");
  return converter;
}

// `bytes` decoded with the encoding `name`; undecodable bytes become U+FFFD.
DecodedText convert(std::string_view bytes, std::string_view name, std::string shown_name) {
  Converter converter = open_converter(name);
  UErrorCode status = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_setSubstString(converter.get(), &replacement, 1, &status);  // not the SUB control (U+001A)
  status = U_ZERO_ERROR;
  std::vector<UChar> utf16(bytes.size() + 1);  // no encoding yields more UTF-16 units than bytes
  const int32_t units = ucnv_toUChars(converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                      static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) throw Error(ErrorKind::invalid_input, "cannot decode the text as " + shown_name);
  DecodedText out;
  out.encoding = std::move(shown_name);
  int32_t start = units > 0 && utf16[0] == 0xFEFF ? 1 : 0;  // a byte order mark is no text
  for (int32_t i = start; i < units; ++i) out.replaced += utf16[static_cast<std::size_t>(i)] == 0xFFFD;
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &length, utf16.data() + start, units - start, 0xFFFD, nullptr, &status);
  out.text.resize(static_cast<std::size_t>(length));
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.text.data(), length, &length, utf16.data() + start, units - start, 0xFFFD, nullptr, &status);
  return out;
}

// The detector's verdict when it is a confident EUC-KR; empty otherwise.
std::string detected_korean(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  std::string name;
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(std::min(bytes.size(), detection_bytes)), &status);
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  if (U_SUCCESS(status) && match) {
    const char* found = ucsdet_getName(match, &status);
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_SUCCESS(status) && found && ascii_lower(found) == "euc-kr" && confidence >= min_confidence) name = "EUC-KR";
  }
  ucsdet_close(detector);
  return name;
}

std::string replaced_note(std::size_t replaced) {
  if (replaced == 0) return "";
  return "; " + std::to_string(replaced) + " undecodable byte sequence(s) replaced by U+FFFD";
}

}  // namespace

bool has_utf16_bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

void check_encoding_name(std::string_view name) { open_converter(name); }

DecodedText decode_text(std::string_view bytes, std::string_view forced) {
  if (has_utf16_bom(bytes)) {
    const bool little = bytes[0] == '\xFF';
    DecodedText out = convert(bytes, little ? "UTF-16LE" : "UTF-16BE", little ? "UTF-16LE" : "UTF-16BE");
    out.warning = "encoded in " + out.encoding + " (byte order mark); converted to UTF-8" + replaced_note(out.replaced);
    return out;
  }
  if (is_valid_utf8(bytes)) return {std::string(bytes), "", 0, ""};
  if (!forced.empty()) {
    DecodedText out = convert(bytes, forced, std::string(forced));
    if (out.replaced) out.warning = "decoded as " + out.encoding + replaced_note(out.replaced);
    return out;
  }
  if (const std::string korean = detected_korean(bytes); !korean.empty()) {
    DecodedText out = convert(bytes, windows_949, korean + "/CP949");
    out.warning = "encoded in " + out.encoding + " (detected); converted to UTF-8" + replaced_note(out.replaced);
    out.remedy = Remedy::force_encoding;
    return out;
  }
  DecodedText out;
  out.text = sanitize_utf8(bytes);
  out.warning = "not valid UTF-8; ill-formed bytes replaced by U+FFFD and indexed";
  return out;
}

}  // namespace kosearch
