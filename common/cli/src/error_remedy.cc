#include "kosearch/error_remedy.h"

namespace kosearch {
namespace {

std::string remedy_text(Remedy remedy, Program program, const std::filesystem::path& index_path,
                        const std::string& subject) {
  switch (remedy) {
    case Remedy::none: return {};
    case Remedy::build_index:
      return program == Program::search ? "run `indexer` to build it, or point --index / SEARCH_INDEX at one"
                                        : "check the --index path";
    case Remedy::rebuild_index: return "rebuild it with: " + repair_command(index_path);
    case Remedy::wait_for_lock: return "wait for it, or rerun with --wait";
    case Remedy::replace_synonyms: return "give it a new list with: indexer --synonyms FILE --index " + index_path.string();
    case Remedy::shorten_query: return "or search its beginning with -F/--literal";
    case Remedy::forget_source: return "indexer --forget " + subject + " drops it and its articles";
    case Remedy::force_encoding: return "--encoding NAME forces another";
    case Remedy::give_source: return "give one with --corpus DIR or --jsonl FILE";
    case Remedy::raise_article_limit: return "--max-article-size raises the limit";
  }
  return {};
}

}  // namespace

std::string repair_command(const std::filesystem::path& index_path) {
  std::string path = index_path.string();
  if (path.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-") != std::string::npos)
    path = "'" + path + "'";  // for the shell (a path with a quote in it is left to the user)
  return "indexer --rebuild --index " + path;
}

std::string with_remedy(const std::string& message, Remedy remedy, Program program,
                        const std::filesystem::path& index_path, const std::string& subject) {
  const std::string remedy_words = remedy_text(remedy, program, index_path, subject);
  if (remedy_words.empty()) return message;
  if (remedy == Remedy::shorten_query || remedy == Remedy::force_encoding || remedy == Remedy::raise_article_limit)
    return message + " (" + remedy_words + ")";
  return message + "; " + remedy_words;
}

}  // namespace kosearch
