#include "kosearch/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

// "노광 장비" in EUC-KR (KS X 1001), written out so the test needs no encoder.
const std::string euc_kr_word = "\xB3\xEB\xB1\xA4 \xC0\xE5\xBA\xF1";
// "똠" is not in KS X 1001; CP949 (Windows) has it at 0x8C63.
const std::string cp949_only = "\x8C\x63";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s + " ";
  return out;
}

TEST(TextEncoding, Utf8IsTakenAsItIs) {
  const auto d = ks::decode_text("노광 장비");
  EXPECT_EQ(d.text, "노광 장비");
  EXPECT_TRUE(d.encoding.empty());
  EXPECT_TRUE(d.warning.empty());
}

TEST(TextEncoding, EucKrIsDetectedAndConverted) {
  const auto d = ks::decode_text(repeat(euc_kr_word, 20));
  EXPECT_EQ(d.text, repeat("노광 장비", 20));
  EXPECT_EQ(d.encoding, "EUC-KR/CP949");
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_EQ(d.warning, "encoded in EUC-KR/CP949 (detected); converted to UTF-8");
  EXPECT_EQ(d.remedy, ks::Remedy::force_encoding);  // the indexer adds "(--encoding NAME forces another)"
}

TEST(TextEncoding, Cp949ExtraHangulIsDecodedToo) {
  const auto d = ks::decode_text(repeat(euc_kr_word, 20) + cp949_only);
  EXPECT_EQ(d.text, repeat("노광 장비", 20) + "똠");
}

TEST(TextEncoding, Utf16WithAByteOrderMarkIsConverted) {
  const std::string le("\xFF\xFE\x78\xB1\x11\xAD", 6);  // BOM 노광, UTF-16LE
  const auto d = ks::decode_text(le);
  EXPECT_EQ(d.text, "노광");
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.warning, "encoded in UTF-16LE (byte order mark); converted to UTF-8");
  const std::string be("\xFE\xFF\xB1\x78\xAD\x11", 6);
  EXPECT_EQ(ks::decode_text(be).text, "노광");
  EXPECT_TRUE(ks::has_utf16_bom(le));
  EXPECT_FALSE(ks::has_utf16_bom("노광"));
}

TEST(TextEncoding, UnknownBytesKeepTheReplacementCharacter) {
  const auto d = ks::decode_text("caf\xE9 \xFF zorblax");
  EXPECT_TRUE(ks::is_valid_utf8(d.text));
  EXPECT_NE(d.text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_EQ(d.warning, "not valid UTF-8; ill-formed bytes replaced by U+FFFD and indexed");
}

TEST(TextEncoding, ForcedEncodingIsUsedAndUndecodableBytesAreCounted) {
  EXPECT_EQ(ks::decode_text(euc_kr_word, "EUC-KR").text, "노광 장비");  // too short to detect
  EXPECT_EQ(ks::decode_text("caf\xE9", "ISO-8859-1").text, "café");
  EXPECT_TRUE(ks::decode_text("caf\xE9", "ISO-8859-1").warning.empty());
  const auto d = ks::decode_text(euc_kr_word + "\xA1\x20", "cp949");  // a lead byte without its trail
  EXPECT_EQ(d.text.rfind("노광 장비", 0), 0u);
  EXPECT_GT(d.replaced, 0u);
  EXPECT_NE(d.warning.find("replaced by U+FFFD"), std::string::npos) << d.warning;
}

TEST(TextEncoding, UnknownEncodingNameIsAUsageError) {
  try {
    ks::check_encoding_name("no-such-encoding");
    FAIL();
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
  }
  EXPECT_NO_THROW(ks::check_encoding_name("CP949"));
}

}  // namespace
