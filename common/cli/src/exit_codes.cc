#include "kosearch/exit_codes.h"

#include "plain_text.h"

namespace kosearch::exit_code {

std::string markdown(std::span<const Meaning> meanings) {
  std::string out = "| code | meaning |\n|---|---|\n";
  for (const Meaning& m : meanings) out.append("| ").append(m.codes).append(" | ").append(m.meaning).append(" |\n");
  return out;
}

std::string help_text(std::span<const Meaning> meanings) {
  std::string out = "Exit codes:\n";
  for (const Meaning& m : meanings) out += "  " + std::string(m.codes) + "  " + plain_text(m.meaning) + '\n';
  return out;
}

}  // namespace kosearch::exit_code
