// How hazards come in besides the report form: public tips (with their abuse checks) and
// ledgers imported from CSV or .xlsx.
#include <gtest/gtest.h>

#include "../support/gbk.hpp"
#include "../support/xlsx_fixture.hpp"
#include "hazard_fixture.hpp"

namespace citysafe::testing {
namespace {

using nlohmann::json;

class HazardIntake : public ::testing::Test {
 protected:
  HttpReply tip(const std::string& description, const std::string& extra = "") {
    return platform_.send("POST", "/api/v1/public/tips",
                          R"({"description":")" + description +
                              R"(","location":{"lon":120.1425,"lat":30.3258})" + extra + "}",
                          "");
  }
  HttpReply import(const std::string& body, const std::string& query) {
    return platform_.send("POST", "/api/v1/hazards/import?" + query, body, street_);
  }
  std::size_t hazards(const std::string& q) {
    return platform_.get("/api/v1/hazards?q=" + q, street_).json()["items"].size();
  }

  // Every intake path keeps the audit log provable: its rows match their last records.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  std::string street_ = platform_.loginCookie("street");
};

TEST_F(HazardIntake, TipsFromOneAddressAreLimitedPerHourAndPerDay) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(tip("第" + std::to_string(i) + "处路面塌陷，车辆绕行").status, 201);
  }
  const auto flood = tip("第四处路面塌陷，车辆绕行");
  EXPECT_EQ(flood.status, 429);
  EXPECT_EQ(flood.json()["field"], "client");
  platform_.clock.advance(std::chrono::minutes(61));
  EXPECT_EQ(tip("第四处路面塌陷，车辆绕行").status, 201) << "a new hour";
  for (int i = 5; i <= 11; ++i) {  // one an hour: the eleventh in a day is refused
    platform_.clock.advance(std::chrono::minutes(61));
    EXPECT_EQ(tip("第" + std::to_string(i) + "处路面塌陷，车辆绕行").status, i <= 10 ? 201 : 429)
        << i;
  }
}

TEST(HazardTipsBehindAProxy, CountEachForwardedClientApartAndIgnoreForgedHeaders) {
  TestPlatform proxied({"127.0.0.1"});
  auto tip = [&](const std::string& text, const std::string& forwarded) {
    return httpRequest(
               proxied.port(), "POST", "/api/v1/public/tips",
               R"({"description":")" + text + R"(","location":{"lon":120.1425,"lat":30.3258}})",
               {{"X-Forwarded-For", forwarded}})
        .status;
  };
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(tip("甲小区第" + std::to_string(i) + "号楼外墙脱落", "203.0.113.7"), 201);
  }
  EXPECT_EQ(tip("甲小区第三号楼外墙脱落", "203.0.113.7"), 429);
  EXPECT_EQ(tip("乙小区路灯倒伏压住车辆", "203.0.113.8"), 201) << "another client, its own limit";
  // A client cannot pose as someone else by sending its own header first: the proxy appends.
  EXPECT_EQ(tip("甲小区又一处外墙脱落了", "198.51.100.1, 203.0.113.7"), 429);
  // IPv6 clients are counted by their /64.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(tip("丙小区第" + std::to_string(i) + "处井盖缺失",
                  "2001:db8:1:2::" + std::to_string(i + 1)),
              201);
  }
  EXPECT_EQ(tip("丙小区第四处井盖缺失了", "2001:db8:1:2:ffff::9"), 429);
  // Without a trusted proxy the header means nothing.
  TestPlatform direct;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(httpRequest(direct.port(), "POST", "/api/v1/public/tips",
                          R"({"description":"丁小区第)" + std::to_string(i) +
                              R"(处消防栓漏水","location":{"lon":120.1425,"lat":30.3258}})",
                          {{"X-Forwarded-For", "192.0.2." + std::to_string(i)}})
                  .status,
              201);
  }
  EXPECT_EQ(
      httpRequest(
          direct.port(), "POST", "/api/v1/public/tips",
          R"({"description":"丁小区第四处消防栓漏水","location":{"lon":120.1425,"lat":30.3258}})",
          {{"X-Forwarded-For", "192.0.2.99"}})
          .status,
      429);
}

TEST_F(HazardIntake, ALedgerOfBlankLinesIsRefusedBeforeItsTableIsBuilt) {
  // Blank lines cost nothing to send; a table sized by them cost 24 bytes each (found by
  // reading the code while fuzzing: 51 MB of newlines made 1.2 GB).
  const auto reply = import(
      "隐患描述,隐患来源\n" + std::string(100001, '\n') + "井盖缺失,网格巡查\n", "format=csv");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.json()["field"], "file");
  EXPECT_NE(reply.json().value("detail", "").find("100000 lines"), std::string::npos) << reply.body;
}

TEST_F(HazardIntake, BotsShortTextsDuplicatesAndFarAwayPlacesAreRefused) {
  const auto bot = tip("这里有一个很严重的安全隐患", R"(,"website":"http://spam")");
  EXPECT_EQ(bot.status, 400);
  // The answer does not point at the hidden field that caught the bot.
  EXPECT_EQ(bot.json()["field"], "body");
  EXPECT_EQ(bot.body.find("website"), std::string::npos) << bot.body;
  EXPECT_EQ(tip("有隐患").json()["field"], "description");
  const auto far = platform_.send(
      "POST", "/api/v1/public/tips",
      R"({"description":"北京某处有一个安全隐患需要处理","location":{"lon":116.4,"lat":39.9}})",
      "");
  EXPECT_EQ(far.json()["field"], "location");
  EXPECT_EQ(
      platform_
          .send("POST", "/api/v1/public/tips", R"({"description":"没有位置的举报内容很长"})", "")
          .json()["field"],
      "location");
  ASSERT_EQ(tip("小区东门消防栓被埋，无法使用").status, 201);
  const auto again = tip("小区东门消防栓被埋，无法使用");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.json()["detail"].get<std::string>().find("YH"), std::string::npos);
}

TEST_F(HazardIntake, ATipperAddsPhotosWhileTheTipWaitsAndNeverAnythingElse) {
  const auto made = tip("桥下堆放大量易燃杂物，有火灾隐患");
  ASSERT_EQ(made.status, 201);
  const auto code = made.json()["tracking_code"].get<std::string>();
  EXPECT_EQ(code.size(), 14U) << "ABCD-EFGH-JKLM";
  const auto media = "/api/v1/public/tips/" + code + "/media";
  EXPECT_EQ(platform_.send("POST", media, std::string("\0\0\0\x20", 4) + "ftypisom", "").status,
            400)
      << "photos only";
  for (int i = 0; i < 3; ++i) EXPECT_EQ(platform_.send("POST", media, tinyPng(), "").status, 201);
  EXPECT_EQ(platform_.send("POST", media, tinyPng(), "").status, 400) << "three at most";
  EXPECT_EQ(platform_.get("/api/v1/public/tips/ABCD-EFGH-JKLM", "").status, 404);
  // Lower case and without dashes is the same code.
  std::string loose;
  for (char c : code) {
    if (c != '-') loose += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(platform_.get("/api/v1/public/tips/" + loose, "").json()["state"], "reported");
  const auto id =
      platform_.get("/api/v1/hazards?q=" + made.json()["hazard_code"].get<std::string>(), street_)
          .json()["items"][0]["id"]
          .get<std::int64_t>();
  ASSERT_EQ(
      act(platform_, street_, id, {{"action", "reject"}, {"reason", "已核实为正常堆放"}}).status,
      200);
  EXPECT_EQ(platform_.send("POST", media, tinyPng(), "").status, 409) << "taken up: no more photos";
  const auto status = platform_.get("/api/v1/public/tips/" + code, "").json();
  EXPECT_EQ(status["state"], "rejected");
  EXPECT_EQ(status["outcome"], "已核实为正常堆放");
}

// TearDown checks the audit log.
TEST_F(HazardIntake, ATipWithAContactAndALedgerImportLeaveTheAuditLogProvable) {
  ASSERT_EQ(tip("井盖缺失，夜间行人易坠落", R"(,"contact":"13800000000")").status, 201);
  const std::string csv =
      "隐患编号,隐患描述,隐患来源,隐患等级,行业领域,所属单位,经度,纬度,发现时间,状态,整改责任单位,"
      "整改期限,销号时间\n"
      "TZ-9,消防通道堵塞,网格巡查,一般,道路交通,和平街道,120.1425,30.3258,2026-11-01,整改中,,"
      "2026-12-01,\n";
  ASSERT_EQ(import(csv, "format=csv").status, 200);
}

TEST_F(HazardIntake, ImportsALedgerInTheStatesItRecords) {
  const std::string csv =
      "隐患编号,隐患描述,隐患来源,隐患等级,行业领域,所属单位,经度,纬度,发现时间,状态,整改责任单位,"
      "整改期限,销号时间\n"
      "TZ-1,配电房漏水,企业自查,一般,危化矿山,安澜精细化工有限公司,120.14,30.32,2026-10-01,已销号,,"
      "2026-10-20,2026-10-15\n"
      "TZ-2,\"仓库货架超高，\"\"未固定\"\"\",部门检查,重大,hazchem_mining,安澜精细化工有限公司,120."
      "14,30.32,2026/10/5,整改中,,2026-11-10,\n"
      "TZ-3,路口护栏缺失,网格巡查,一般,道路交通,和平街道,120.1425,30.3258,2026-11-01,待受理,,,\n";
  const auto r = import(csv, "format=csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["imported"], 3);
  const auto closed = platform_.get("/api/v1/hazards?q=TZ-1", street_).json()["items"][0];
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_EQ(closed["closed_on_time"], true);
  EXPECT_EQ(closed["external_code"], "TZ-1");
  EXPECT_EQ(closed["found_at"], "2026-10-01T09:00:00+08:00");
  const auto fixing = platform_.get("/api/v1/hazards?q=TZ-2", street_).json()["items"][0];
  EXPECT_EQ(fixing["description"], "仓库货架超高，\"未固定\"");
  EXPECT_EQ(fixing["grade"], "major");
  EXPECT_EQ(fixing["responsible_org_name"], "安澜精细化工有限公司") << "the owner by default";
  EXPECT_TRUE(fixing["overdue"]);
  const auto timeline =
      platform_.get("/api/v1/hazards/" + fixing["id"].dump() + "/timeline", street_).json();
  EXPECT_EQ(timeline["items"].back()["action"], "import");
}

TEST_F(HazardIntake, ABadRowIsNamedByLineAndFieldAndNothingIsWritten) {
  const std::string csv =
      "隐患描述,隐患等级,行业领域,所属单位,经度,纬度,状态\n"
      "好的一行,一般,消防安全,和平街道,120.1425,30.3258,\n"
      "坏的一行,特别,消防安全,康宁街道,120.1425,东经,已销号\n";
  const auto r = import(csv, "format=csv");
  EXPECT_EQ(r.status, 400);
  const auto j = r.json();
  EXPECT_EQ(j["committed"], false);
  EXPECT_EQ(j["failed"], 1);
  std::set<std::string> fields;
  for (const auto& p : j["problems"]) {
    EXPECT_EQ(p["line"], 3);
    fields.insert(p["field"].get<std::string>());
  }
  EXPECT_EQ(fields, (std::set<std::string>{"grade", "lat", "org", "deadline", "closed_at"}));
  EXPECT_EQ(hazards("好的一行"), 0U);
  const auto kept = import(csv, "format=csv&keep_good_rows=true");
  EXPECT_EQ(kept.status, 200);
  EXPECT_EQ(kept.json()["imported"], 1);
  EXPECT_EQ(hazards("好的一行"), 1U);
}

TEST_F(HazardIntake, ReadsGbkAndTellsUtf8FromIt) {
  const std::string csv =
      "隐患描述,行业领域,所属单位,经度,纬度\n楼道堆放电动车,消防安全,和平社区,120.1425,30.3258\n";
  const auto wrong = import(toGbk(csv), "format=csv");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.json()["field"], "encoding");
  const auto r = import(toGbk(csv), "format=csv&encoding=gbk");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(hazards("楼道堆放电动车"), 1U);
}

TEST_F(HazardIntake, ReadsAnExcelWorkbook) {
  const auto book = xlsxOf(
      {{"隐患描述", "行业领域", "所属单位", "经度", "纬度", "状态", "整改期限"},
       {"燃气报警器失灵", "燃气", "和平燃气储配站", "120.147", "30.325", "已交办", "2026-12-31"},
       {"钢瓶露天存放", "燃气", "和平燃气储配站", "120.147", "30.325", "待受理", ""}});
  const auto r = import(book, "format=xlsx");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["imported"], 2);
  const auto h = platform_.get("/api/v1/hazards?q=燃气报警器失灵", street_).json()["items"][0];
  EXPECT_EQ(h["state"], "assigned");
  EXPECT_EQ(h["deadline"], "2026-12-31T23:59:59.999+08:00");
  const auto broken = import("PK\x03\x04 not really", "format=xlsx");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.json()["field"], "file");
  EXPECT_EQ(import("x", "format=pdf").json()["field"], "format");
}

}  // namespace
}  // namespace citysafe::testing
