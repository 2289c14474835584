#include "kosearch/stemmer.h"
namespace kosearch {
std::string_view light_stem(std::string_view w, StemOptions) { return w; }
bool is_particle(std::string_view) { return false; }
bool has_final_consonant(char32_t s) { return s >= 0xAC00 && s <= 0xD7A3 && (s - 0xAC00) % 28 != 0; }
}  // namespace kosearch
