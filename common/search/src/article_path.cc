#include "kosearch/article_path.h"

namespace kosearch {

namespace {
constexpr std::string_view dir = "dir:/", jsonl = "jsonl:/";
}  // namespace

bool is_jsonl_origin(std::string_view origin) { return origin.substr(0, jsonl.size()) == jsonl; }

std::string absolute_article_path(std::string_view origin, std::string_view id, std::string_view stored) {
  if (origin.substr(0, dir.size()) == dir && !id.empty()) {
    std::string root(origin.substr(dir.size() - 1));
    if (root.back() != '/') root += '/';
    return root + std::string(id);
  }
  if (is_jsonl_origin(origin)) return std::string(origin.substr(jsonl.size() - 1));
  return std::string(stored);
}

std::string shown_path(const std::string& path, PathStyle style, std::string_view cwd) {
  if (style == PathStyle::absolute || path.empty() || path.front() != '/' || cwd.empty()) return path;
  if (cwd == "/") return path.size() > 1 ? path.substr(1) : path;
  const bool below = path.size() > cwd.size() + 1 && path.compare(0, cwd.size(), cwd) == 0 && path[cwd.size()] == '/';
  return below ? path.substr(cwd.size() + 1) : path;
}

void show_paths(Results& results, PathStyle style, std::string_view cwd) {
  for (Hit& hit : results.hits) {
    hit.citation.path = shown_path(hit.citation.path, style, cwd);
    for (Copy& copy : hit.copies) copy.path = shown_path(copy.path, style, cwd);
  }
}

}  // namespace kosearch
