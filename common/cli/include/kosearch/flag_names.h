// The words a flag (or a parameter of the HTTP API) takes, each naming one
// value of an enum: one table per option is the only place its words are
// spelled. The command line reads them through CLI11 (cli::one_of,
// front_end_flags.h), the API through value_named; --help, the man page and
// completion list them from the same table.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kosearch/error.h"

namespace kosearch {

template <class E>
struct Named {
  std::string_view name;
  E value;
};

template <class E, std::size_t N>
using NameTable = std::array<Named<E>, N>;

// The value `name` names; nullopt for a word not in the table.
template <class E, std::size_t N>
std::optional<E> value_named(const NameTable<E, N>& table, std::string_view name) {
  for (const Named<E>& entry : table)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// The first word that names `value` (a value several words name, like the
// month facet's "date" and "month", is told by the first).
template <class E, std::size_t N>
std::string_view name_of(const NameTable<E, N>& table, E value) {
  for (const Named<E>& entry : table)
    if (entry.value == value) return entry.name;
  return {};
}

// The words of the table, in its order, with `separator` between them.
template <class E, std::size_t N>
std::string names_listed(const NameTable<E, N>& table, std::string_view separator) {
  std::string out;
  for (const Named<E>& entry : table) out += (out.empty() ? "" : std::string(separator)) + std::string(entry.name);
  return out;
}

// The value `name` names; Error(usage) "OPTION 'NAME' is not one of A, B, C" otherwise.
template <class E, std::size_t N>
E parse_named(const NameTable<E, N>& table, const std::string& name, std::string_view option) {
  if (const std::optional<E> value = value_named(table, name)) return *value;
  throw Error(ErrorKind::usage, std::string(option) + " '" + name + "' is not one of " + names_listed(table, ", "));
}

}  // namespace kosearch
