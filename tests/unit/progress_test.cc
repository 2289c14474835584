#include "kosearch/progress.h"

#include <gtest/gtest.h>

namespace ks = kosearch;

TEST(Progress, CorpusWithKnownTotals) {
  const ks::IndexProgress p{1234, 5000, 4'000'000, 10'000'000};
  EXPECT_EQ(ks::progress_text(p, 2.0), "1,234/5,000 documents, 40% of 10.0 MB read, 617 documents/s, ETA 3 s");
}

TEST(Progress, EtaInMinutesAndHours) {
  EXPECT_EQ(ks::progress_text({10, 0, 1'000'000, 61'000'000}, 1.0),
            "10 documents, 1% of 61.0 MB read, 10 documents/s, ETA 1 min 0 s");
  EXPECT_EQ(ks::progress_text({10, 0, 1'000, 4'000'000}, 1.0),
            "10 documents, 0% of 4.0 MB read, 10 documents/s, ETA 1 h 6 min");
}

TEST(Progress, StreamWithoutTotalsHasNoPercentOrEta) {
  EXPECT_EQ(ks::progress_text({7, 0, 2'500'000, 0}, 0.5), "7 documents, 2.5 MB read, 14 documents/s");
}

TEST(Progress, NothingDividedByZeroAtTheStart) {
  EXPECT_EQ(ks::progress_text({0, 4, 0, 1000}, 0.0), "0/4 documents, 0% of 0.0 MB read");
}
