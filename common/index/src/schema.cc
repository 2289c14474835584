#include "kosearch/schema.h"

#include <cstdint>
#include <cstdio>

#include <unicode/uchar.h>

#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/normalizer.h"
#include "kosearch/text.h"

namespace kosearch::schema {

TokenTerms terms_for(const Token& token) {
  TokenTerms terms;
  terms.stem = token.stem;
  terms.joined = token.joined;
  terms.readings = token.readings;
  if (token.kind == TokenKind::hangul || token.kind == TokenKind::han)
    terms.bigrams = syllable_bigrams(token.surface);
  for (const auto& reading : token.readings)
    for (auto& pair : syllable_bigrams(reading)) terms.bigrams.push_back(std::move(pair));
  return terms;
}

std::string date_value(std::string_view iso_date) {
  std::string out;
  for (char c : iso_date)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

std::uint64_t fnv1a64(std::string_view bytes, std::string_view salt) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
  };
  mix(salt);
  mix(bytes);
  return h;
}

std::string hash_value(std::string_view bytes, std::string_view salt) {
  const std::uint64_t h = fnv1a64(bytes, salt);
  std::string out(8, '\0');
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<char>(h >> (56 - 8 * i));
  return out;
}

std::string content_hash(std::string_view bytes, std::string_view input_name) {
  std::string salt(version);
  salt.append("|").append(Analyzer::version).append("|").append(input_name).append("|");
  return hash_value(bytes, salt);
}

std::string origin_value(std::string_view origin) { return hash_value(origin); }

std::string origin_key(std::string_view value) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string key = "kosearch.origin.";
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    key.append({hex[byte >> 4], hex[byte & 15]});
  }
  return key;
}

void stamp_versions(Xapian::WritableDatabase& db) {
  db.set_metadata(std::string(meta_schema), std::string(version));
  db.set_metadata(std::string(meta_analyzer), std::string(Analyzer::version));
}

bool versions_current(const Xapian::Database& db) {
  return db.get_metadata(std::string(meta_schema)) == version &&
         db.get_metadata(std::string(meta_analyzer)) == Analyzer::version;
}

const std::string& OriginNames::of(const Xapian::Database& db, const std::string& value) {
  auto [it, fresh] = names_.try_emplace(value);
  if (fresh) it->second = db.get_metadata(origin_key(value));
  return it->second;
}

std::string stable_hash(std::string_view bytes, std::string_view salt) {
  const std::uint64_t h = fnv1a64(bytes, salt);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Longer boolean terms are hashed; a few bytes under Xapian's limit since
// the first index, so ids of 241–245 bytes keep the terms they were given.
constexpr std::size_t max_plain_boolean_term = xapian_term_limit - 5;

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= max_plain_boolean_term)
    term.append(value);
  else
    term.append("#").append(stable_hash(value));
  return term;
}

namespace {

// Appends the letters and digits of `text`, NFKC case folded, dropping white
// space, punctuation and symbols (U+FFFD included): copies that differ only
// in spacing, line breaks, punctuation, width or case fold alike.
void append_letters_and_digits(std::string_view text, std::string& normalized, std::string& out) {
  normalize_into(text, normalized);
  for (std::size_t i = 0; i < normalized.size();) {
    const Utf8Decoded d = decode_utf8_at(normalized, i);
    const auto category = U_GET_GC_MASK(static_cast<UChar32>(d.code_point));
    if (d.valid && (category & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK))) out.append(normalized, i, d.length);
    i += d.length;
  }
}

}  // namespace

std::string body_fingerprint(const Article& article) {
  std::string normalized, material;
  for (const auto& line : article.body) append_letters_and_digits(line.text, normalized, material);
  // An article without body text must not collapse with every other such
  // article: fall back on its title, then on its id (unique).
  if (material.empty() && article.title) {
    material = "title:";
    append_letters_and_digits(*article.title, normalized, material);
  }
  if (material.empty() || material == "title:") material = "id:" + article.id;
  return hash_value(material);
}

namespace {

// Adds the terms of `text`'s tokens at positions from `position` on, and
// again under `field_prefix` when there is one (a title is searched as body
// text too); returns the next free position.
Xapian::termpos index_text(Xapian::Document& doc, Analyzer& analyzer, std::vector<Token>& tokens,
                           std::string_view text, Xapian::termpos position,
                           std::string_view field_prefix, DocumentStats& stats) {
  analyzer.analyze(text, tokens, position);
  std::string term;
  for (const auto& token : tokens) {
    ++stats.tokens;
    if (token.truncated) ++stats.truncated_tokens;
    const auto terms = terms_for(token);
    const Xapian::termpos pos = token.position;
    const auto add = [&](const std::string& t) {
      if (t.empty()) return;
      doc.add_posting(t, pos);
      if (!field_prefix.empty()) {
        term.assign(field_prefix).append(t);
        doc.add_posting(term, pos);
      }
    };
    add(terms.stem);
    add(terms.joined);
    for (const auto& reading : terms.readings) add(reading);
    for (const auto& pair : terms.bigrams) {
      term.assign(pair).insert(0, schema::bigram);
      doc.add_term(term);
    }
  }
  return tokens.empty() ? position : tokens.back().position + 1;
}

// Field terms that are only filtered on (author, publisher): no positions.
void index_field(Xapian::Document& doc, Analyzer& analyzer, std::vector<Token>& tokens,
                 const std::optional<std::string>& value, std::string_view prefix) {
  if (!value) return;
  analyzer.analyze(*value, tokens);
  std::string term;
  for (const auto& token : tokens) {
    term.assign(prefix).append(token.stem);
    doc.add_boolean_term(term);
    for (const auto& reading : token.readings) doc.add_boolean_term(std::string(prefix).append(reading));
  }
}

}  // namespace

Xapian::Document make_document(const Article& article, Analyzer& analyzer,
                               std::string_view origin, std::string_view content_hash,
                               DocumentStats* stats_out, const std::function<bool()>& should_stop) {
  DocumentStats stats;
  Xapian::Document doc;
  // Data and values first: their working copies (the serialized article, the
  // fingerprint's letters) are let go before the terms grow, which for a
  // 50 MB file take hundreds of MB themselves.
  doc.set_data(serialize(article));
  doc.add_boolean_term(boolean_term(unique_id, article.id));
  if (article.date) doc.add_value(slot_date, date_value(*article.date));
  if (article.source && !article.source->empty()) doc.add_value(slot_source, *article.source);
  doc.add_value(slot_content_hash, std::string(content_hash));
  doc.add_value(slot_fingerprint, body_fingerprint(article));
  doc.add_value(slot_origin, origin_value(origin));
  std::vector<Token> tokens;
  Xapian::termpos pos = 1;
  if (article.title)
    pos = index_text(doc, analyzer, tokens, *article.title, pos, schema::title, stats);
  for (const auto& line : article.body) {
    if (should_stop && should_stop()) throw Error(ErrorKind::interrupted, "stopped while analysing '" + article.id + "'");
    pos += field_position_gap;
    pos = index_text(doc, analyzer, tokens, line.text, pos, {}, stats);
  }
  index_field(doc, analyzer, tokens, article.author, schema::author);
  index_field(doc, analyzer, tokens, article.source, schema::source);
  if (stats_out) *stats_out = stats;
  return doc;
}

std::string record_location(std::uint32_t line, std::uint64_t offset) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(line >> shift);
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>(offset >> shift);
  return out;
}

std::optional<std::uint64_t> record_offset(std::string_view content_hash) {
  if (content_hash.size() != 8 + 4 + 8) return std::nullopt;
  std::uint64_t offset = 0;
  for (const char c : content_hash.substr(12)) offset = offset << 8 | static_cast<unsigned char>(c);
  return offset;
}

}  // namespace kosearch::schema
