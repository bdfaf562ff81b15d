// QueryParams, the one reader of query strings: every bad parameter is an Invalid error naming it.
#include "query_params.hpp"

#include <gtest/gtest.h>

#include "citysafe/core/org/organisation.hpp"

namespace citysafe::http {
namespace {

HttpRequest withQuery(std::map<std::string, std::string> query) {
  HttpRequest request;
  request.query = std::move(query);
  return request;
}

TEST(QueryParams, AnAbsentOrEmptyParameterIsNotGiven) {
  const auto request = withQuery({{"q", ""}});
  const QueryParams params(request);
  EXPECT_EQ(params.text("q"), std::nullopt);
  EXPECT_EQ(params.text("missing"), std::nullopt);
  EXPECT_EQ(params.textOr("q", "all"), "all");
  EXPECT_EQ(params.integer("q", 1, 10).value(), std::nullopt);
}

TEST(QueryParams, IntegersOutsideTheirRangeNameTheParameter) {
  const auto request = withQuery({{"days", "40"}, {"n", "4x"}});
  const QueryParams params(request);
  auto days = params.integer("days", 1, 31);
  ASSERT_FALSE(days);
  EXPECT_EQ(days.error().field, "days");
  EXPECT_EQ(days.error().message, "must be between 1 and 31");
  EXPECT_EQ(params.integer("n", 1, 9).error().field, "n");
  EXPECT_EQ(params.requiredPositive("absent").error().message, "is required");
}

TEST(QueryParams, ReadsIdsEnumsFlagsAndTimes) {
  const auto request = withQuery({{"org_id", "12"},
                                  {"kind", "street"},
                                  {"open", "true"},
                                  {"since", "2026-11-23T08:00:00+08:00"}});
  const QueryParams params(request);
  EXPECT_EQ(params.id<OrgTag>("org_id").value(), OrgId{12});
  EXPECT_EQ(params.named<org::OrgKind>("kind").value(), org::OrgKind::Street);
  EXPECT_EQ(params.flag("open").value(), true);
  ASSERT_TRUE(params.time("since").value().has_value());

  const auto bad = withQuery({{"kind", "village"}, {"open", "yes"}, {"since", "today"}});
  const QueryParams wrong(bad);
  EXPECT_EQ(wrong.named<org::OrgKind>("kind").error().field, "kind");
  EXPECT_EQ(wrong.flag("open").error().field, "open");
  EXPECT_EQ(wrong.time("since").error().field, "since");
}

TEST(QueryParams, PagesWithLimitAndCursor) {
  const auto request = withQuery({{"limit", "20"}, {"cursor", "340"}});
  auto page = QueryParams(request).paging();
  ASSERT_TRUE(page);
  EXPECT_EQ(page->limit, 20);
  EXPECT_EQ(page->after_id, 340);
  const auto defaults = withQuery({});
  EXPECT_EQ(QueryParams(defaults).paging()->limit, 100);
  const auto too_many = withQuery({{"limit", "501"}});
  EXPECT_EQ(QueryParams(too_many).paging().error().field, "limit");
}

}  // namespace
}  // namespace citysafe::http
