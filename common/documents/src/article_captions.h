// Captions and picture credits: lines under a photo or graphic, never body
// text nor the article's byline. Private to the library (the article parser's
// units).
#pragma once

#include <string_view>

namespace kosearch::article_lines {

// 사진=연합뉴스 in a line, 확대보기, or a bracket label ([그래픽] …, (사진 = 연합뉴스)).
bool is_caption(std::string_view s);

// 로이터/연합뉴스, 게티이미지뱅크: a line of picture credits and nothing else.
bool is_credit_line(std::string_view s);

// 서울 여의도의 모습. 2024.4.2/뉴스1 or … 전경. /삼성전자 제공 — a caption
// signed with its credit.
bool ends_with_credit(std::string_view s);

// 사진 홍길동 기자, 촬영기자:홍길동/영상편집:김철수: credits of pictures and
// video, never the article's byline.
bool is_media_credit(std::string_view s);

// [사진] 봄꽃 만개한 여의도: a bare label in brackets, then a headline (not
// 〈사진= 로이터〉, a credit): the title of a photo story when no paragraph
// precedes it.
bool is_labelled_photo_story(std::string_view s);

}  // namespace kosearch::article_lines
