#include "kosearch/normalizer.h"
namespace kosearch {
std::string normalize(std::string_view s) { return std::string(s); }
bool is_valid_utf8(std::string_view) { return true; }
std::string sanitize_utf8(std::string_view s) { return std::string(s); }
bool is_middle_dot(char32_t cp) { return cp == 0x318D || cp == 0xB7 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65; }
}  // namespace kosearch
