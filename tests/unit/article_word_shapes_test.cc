#include "article_word_shapes.h"

#include <gtest/gtest.h>

#include <ostream>

namespace kosearch::article_lines {
namespace {

// One word or short line and what it looks like to each test.
struct ShapeCase {
  const char* text;
  bool sentence;     // is_sentence_like
  bool punctuation;  // has_sentence_punctuation
  bool email;        // is_email
  bool url;          // is_url
};

void PrintTo(const ShapeCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ArticleWordShapes : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(ArticleWordShapes, Shape) {
  const ShapeCase& c = GetParam();
  EXPECT_EQ(is_sentence_like(c.text), c.sentence);
  EXPECT_EQ(has_sentence_punctuation(c.text), c.punctuation);
  EXPECT_EQ(is_email(c.text), c.email);
  EXPECT_EQ(is_url(c.text), c.url);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleWordShapes,
    ::testing::Values(
        // predicates: 했다, 받는다, 합니다 … (the ending alone is no predicate)
        ShapeCase{"정부가 발표했다", true, false, false, false},
        ShapeCase{"입력 2025.01.15 이후 받는다", true, true, false, false},
        ShapeCase{"좋아요", true, false, false, false},
        ShapeCase{"합니까", true, false, false, false},
        ShapeCase{"그렇죠", true, false, false, false},
        ShapeCase{"다", false, false, false, false},
        ShapeCase{"받는다.", true, true, false, false},  // decoration around the predicate
        ShapeCase{"홍길동 기자", false, false, false, false},
        // sentence punctuation anywhere in the word
        ShapeCase{"좋아요.", true, true, false, false},
        ShapeCase{"지대~", false, true, false, false},
        ShapeCase{"“소라”", false, true, false, false},
        ShapeCase{"가위>찍히면", false, false, false, false},
        // e-mail addresses, decorated or not; a domain needs a dot and a 2-letter end
        ShapeCase{"hong@example.com", false, true, true, false},
        ShapeCase{"(hong@example.com)", false, true, true, false},
        ShapeCase{"shincm@g-enews.com", false, true, true, false},
        ShapeCase{"@example.com", false, true, false, false},
        ShapeCase{"hong@example", false, false, false, false},
        ShapeCase{"hong@x.c", false, true, false, false},
        ShapeCase{"쇼하네@", false, false, false, false},
        // web addresses
        ShapeCase{"http://example.com", false, true, false, true},
        ShapeCase{"HTTPS://example.com", false, true, false, true},
        ShapeCase{"www.example.com", false, true, false, true},
        ShapeCase{"example.com", false, true, false, false}));

}  // namespace
}  // namespace kosearch::article_lines
