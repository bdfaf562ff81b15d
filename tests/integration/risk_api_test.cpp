// The risk registry over HTTP: bad input named by field, import with its report, export.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

#include "../support/gbk.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

// What the server logs through spdlog, from whichever thread, while this lives.
class LogCapture {
 public:
  LogCapture() { spdlog::default_logger()->sinks().push_back(sink_); }
  ~LogCapture() {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;
  std::string text() {
    sink_->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_ =
      std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
};

class RiskApi : public ::testing::Test {
 protected:
  void SetUp() override { admin_ = platform_.loginCookie("admin"); }
  std::string community() { return std::to_string(platform_.orgIdByName("和平社区")); }
  HttpReply importCsv(const std::string& csv, const std::string& query) {
    return platform_.send("POST", "/api/v1/risk/import?format=csv" + query, csv, admin_);
  }
  std::size_t pointCount() {
    return platform_.get("/api/v1/risk/points?limit=500", admin_).json()["items"].size();
  }
  void expectField(const HttpReply& reply, int status, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.json().value("field", ""), field) << reply.body;
  }

  // Whatever the test did through the platform, the audit log still vouches for every row.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  std::string admin_;
};

TEST_F(RiskApi, AssessNamesTheBadInput) {
  auto assess = [&](const std::string& body) {
    return platform_.send("POST", "/api/v1/risk/assess", body, admin_);
  };
  expectField(assess(R"({"method":"lec","inputs":{"l":5,"e":3,"c":15}})"), 400, "inputs.l");
  expectField(assess(R"({"method":"ls","inputs":{"l":3,"s":"high"}})"), 400, "inputs.s");
  expectField(
      assess(
          R"({"method":"gb18218","inputs":{"substances":[{"name":"神秘物质","quantity_t":3}]}})"),
      400, "inputs.substances[0].name");
  expectField(
      assess(R"({"method":"gb18218","inputs":{"substances":[{"name":"氯","quantity_t":-3}]}})"),
      400, "inputs.substances[0].quantity_t");
  expectField(
      assess(R"({"method":"gb18218","inputs":{"substances":[{"name":"氯","quantity_t":"lots"}]}})"),
      400, "inputs.substances[0].quantity_t");
  expectField(assess(R"({"method":"haz","inputs":{}})"), 400, "method");
  const auto good = assess(
      R"({"method":"gb18218","inputs":{"substances":[{"name":"光气","quantity_t":3}],"people_500m":35}})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.json()["grade"], 1);
  EXPECT_EQ(good.json()["colour"], "red");
}

TEST_F(RiskApi, RegistrationRefusesBadGeometryAndUnknownSectors) {
  auto create = [&](const std::string& geometry, const std::string& sector = "urban_operation") {
    return platform_.send("POST", "/api/v1/risk/points",
                          R"({"name":"测试点","kind":"bridge","sector":")" + sector +
                              R"(","org_id":)" + community() + R"(,"geometry":)" + geometry + "}",
                          admin_);
  };
  expectField(
      create(
          R"({"type":"Polygon","coordinates":[[[120.15,30.31],[120.16,30.32],[120.16,30.31],[120.15,30.32],[120.15,30.31]]]})"),
      400, "geometry.coordinates");
  expectField(create(R"({"type":"Point","coordinates":[121.47,31.23]})"), 400,
              "geometry.coordinates");  // Shanghai
  expectField(create(R"({"type":"Circle","coordinates":[120.15,30.31]})"), 400, "geometry.type");
  expectField(create(R"({"type":"Point","coordinates":[120.15,30.31]})", "space"), 400, "sector");
  const auto good = create(R"({"type":"Point","coordinates":[120.15,30.31]})");
  EXPECT_EQ(good.status, 201) << good.body;
}

TEST_F(RiskApi, ExportedCellsNeverRunAsFormulas) {
  const auto created = platform_.send(
      "POST", "/api/v1/risk/points",
      R"j({"name":"=HYPERLINK(\"http://attacker.example\",\"点击\")","kind":"school",)j"
      R"("sector":"urban_operation","org_id":)" +
          community() + R"(,"geometry":{"type":"Point","coordinates":[120.15,30.31]}})",
      admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto csv = platform_.get("/api/v1/risk/lists/vulnerable_targets?format=csv", admin_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(R"j(,"'=HYPERLINK(""http://attacker.example"",""点击"")",)j"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(csv.body.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.body.find(",\"=HYPERLINK"), std::string::npos);
}

TEST_F(RiskApi, ExposureCountsNeighboursOutsideTheScopeWithoutNamingThem) {
  const auto enterprise = platform_.loginCookie("enterprise");
  auto point = [&](const std::string& fields, const std::string& org, double lon) {
    return platform_.send("POST", "/api/v1/risk/points",
                          "{" + fields + R"(,"sector":"urban_operation","org_id":)" + org +
                              R"(,"geometry":{"type":"Point","coordinates":[)" +
                              std::to_string(lon) + ",30.3258]}}",
                          admin_);
  };
  const auto enterprise_id = std::to_string(platform_.orgIdByName("安澜精细化工有限公司"));
  const auto works =
      point(R"("name":"储罐区","kind":"enterprise_unit","enterprise_id":)" + enterprise_id,
            enterprise_id, 120.1425);
  ASSERT_EQ(works.status, 201) << works.body;
  const auto id = works.json()["id"].dump();
  const double lon = 120.1430;
  const double lat = 30.3258;
  ASSERT_EQ(
      platform_
          .send("POST", "/api/v1/risk/points",
                R"({"name":"邻近小学","kind":"school","sector":"urban_operation","capacity":900,)"
                R"("org_id":)" +
                    community() + R"(,"geometry":{"type":"Point","coordinates":[)" +
                    std::to_string(lon) + "," + std::to_string(lat) + "]}}",
                admin_)
          .status,
      201);
  auto neighbour = [&](const std::string& cookie) {
    const auto rings =
        platform_.get("/api/v1/risk/points/" + id + "/exposure?radii=100", cookie).json();
    for (const auto& t : rings["radii"][0]["targets"]) {
      if (t["capacity"] == 900) return t;
    }
    return nlohmann::json();
  };
  const auto seen_by_admin = neighbour(admin_);
  EXPECT_EQ(seen_by_admin["name"], "邻近小学");
  const auto seen_by_enterprise = neighbour(enterprise);
  ASSERT_FALSE(seen_by_enterprise.is_null()) << "the people are counted";
  EXPECT_TRUE(seen_by_enterprise["name"].is_null()) << seen_by_enterprise;
  EXPECT_TRUE(seen_by_enterprise["id"].is_null());
}

TEST_F(RiskApi, ImportIsAllOrNothingWithAReportPerRow) {
  const auto before = pointCount();
  const std::string csv =
      "name,kind,sector,org_id,capacity,lon,lat\n"
      "好桥,bridge,urban_operation," +
      community() +
      ",0,120.150,30.310\n"
      "坏行,bridge,space," +
      community() +
      ",0,120.151,30.311\n"
      "好校,school,urban_operation," +
      community() +
      ",900,120.152,30.312\n"
      "远点,bridge,urban_operation," +
      community() + ",0,121.470,31.230\n";
  const auto refused = importCsv(csv, "");
  ASSERT_EQ(refused.status, 400) << refused.body;
  const auto report = refused.json();
  EXPECT_EQ(report["imported"], 0);
  EXPECT_EQ(report["failed"], 2);
  ASSERT_EQ(report["problems"].size(), 2U);
  EXPECT_EQ(report["problems"][0]["line"], 3);
  EXPECT_EQ(report["problems"][0]["field"], "sector");
  EXPECT_EQ(report["problems"][1]["line"], 5);
  EXPECT_EQ(report["problems"][1]["field"], "geometry.coordinates");
  EXPECT_EQ(pointCount(), before);

  const auto kept = importCsv(csv, "&keep_good_rows=true");
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.json()["imported"], 2);
  EXPECT_EQ(kept.json()["failed"], 2);
  EXPECT_EQ(pointCount(), before + 2);
}

TEST_F(RiskApi, ImportReadsGbkAndGcj02) {
  const std::string utf8 = "name,kind,sector,org_id,lon,lat\n和平桥,bridge,urban_operation," +
                           community() + ",120.1596,30.3126\n";
  const std::string gbk = toGbk(utf8);

  EXPECT_EQ(importCsv(gbk, "").json()["field"], "encoding");  // GBK bytes are not UTF-8
  const auto reply = importCsv(gbk, "&encoding=gbk&crs=gcj02");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto points =
      platform_.get("/api/v1/risk/points?limit=500&kind=bridge", admin_).json()["items"];
  const auto& last = points.back();
  EXPECT_EQ(last["name"], "和平桥");
  // GCJ-02 lies a few hundred metres off WGS-84 here; the stored point is the WGS-84 one.
  const double lon = last["geometry"]["coordinates"][0].get<double>();
  EXPECT_LT(lon, 120.1596 - 0.003);
  EXPECT_GT(lon, 120.1596 - 0.007);
}

TEST_F(RiskApi, ImportRejectsWholeFileErrors) {
  expectField(importCsv("name,kind\nx,bridge\n", ""), 400, "body");  // missing columns
  expectField(importCsv("name,kind,sector,org_id\n\"open,bridge,gas,1\n", ""), 400, "body");
  expectField(platform_.send("POST", "/api/v1/risk/import?format=geojson", "{not json", admin_),
              400, "body");
  expectField(importCsv("name,kind,sector,org_id\n", "&crs=bd09"), 400, "crs");
}

TEST_F(RiskApi, ImportsGeoJsonFeatures) {
  const std::string doc =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString",
    "coordinates":[[120.15,30.31],[120.152,30.311]]},"properties":{"name":"燃气管段","kind":"gas_pipeline","sector":"gas",
    "org_id":)" +
      community() + R"(}}]})";
  const auto reply = platform_.send("POST", "/api/v1/risk/import?format=geojson", doc, admin_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["imported"], 1);
}

TEST_F(RiskApi, ListsExportAsCsvWithExposure) {
  const auto csv = platform_.get("/api/v1/risk/lists/major_hazard_sources?format=csv", admin_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF编号,名称"));
  EXPECT_NE(csv.body.find("500米内人数"), std::string::npos);
  EXPECT_NE(csv.body.find("一级"), std::string::npos);
  const auto list = platform_.get("/api/v1/risk/lists/major_hazard_sources", admin_).json();
  EXPECT_GT(list["counts"]["total"].get<int>(), 0);
  EXPECT_TRUE(list["items"][0].contains("people_500m"));
  const auto geojson =
      platform_.get("/api/v1/risk/lists/vulnerable_targets?format=geojson&crs=gcj02", admin_);
  EXPECT_EQ(geojson.json()["type"], "FeatureCollection");
  // Keep the parsed document alive: a range-for over a temporary's member would dangle.
  const auto features = geojson.json()["features"];
  for (const auto& f : features) EXPECT_GT(f["properties"]["capacity"].get<int>(), 0);
}

// A list asked for rows its own definition excludes is empty: never rows the filter excludes.
TEST_F(RiskApi, MajorRisksAskedForLowerColoursIsEmpty) {
  const auto all = platform_.get("/api/v1/risk/lists/major_risks", admin_).json();
  ASSERT_GT(all["counts"]["total"].get<int>(), 0);  // the demo has major and large risks
  const auto lower = platform_.get("/api/v1/risk/lists/major_risks?colour=yellow,blue", admin_);
  ASSERT_EQ(lower.status, 200) << lower.body;
  EXPECT_EQ(lower.json()["items"].size(), 0U) << lower.body;
  EXPECT_EQ(lower.json()["counts"]["total"], 0) << lower.body;
  const auto csv =
      platform_.get("/api/v1/risk/lists/major_risks?colour=blue&format=csv", admin_).body;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1) << csv;  // the header only
}

TEST_F(RiskApi, VulnerableTargetsAskedForOtherKindsIsEmpty) {
  const auto all = platform_.get("/api/v1/risk/lists/vulnerable_targets", admin_).json();
  ASSERT_GT(all["counts"]["total"].get<int>(), 0);  // the demo has schools
  const auto bridges =
      platform_.get("/api/v1/risk/lists/vulnerable_targets?kind=bridge,tunnel", admin_);
  ASSERT_EQ(bridges.status, 200) << bridges.body;
  EXPECT_EQ(bridges.json()["items"].size(), 0U) << bridges.body;
  EXPECT_EQ(bridges.json()["counts"]["total"], 0) << bridges.body;
  const auto hospitals =
      platform_.get("/api/v1/risk/lists/vulnerable_targets?kind=hospital,bridge", admin_).json();
  for (const auto& item : hospitals["items"]) EXPECT_EQ(item["kind"], "hospital");
}

TEST_F(RiskApi, AreasAndGridCellsCountEveryPointOnTheMap) {
  const auto points = platform_.get("/api/v1/risk/map", admin_).json()["features"].size();
  auto sum = [](const nlohmann::json& items, const char* key) {
    int total = 0;
    for (const auto& item : items) total += item.at(key).get<int>();
    return total;
  };
  const auto areas = platform_.get("/api/v1/risk/aggregate?by=area", admin_).json();
  ASSERT_FALSE(areas["items"].empty());
  EXPECT_EQ(sum(areas["items"], "total"), static_cast<int>(points));
  const auto grid = platform_.get("/api/v1/risk/aggregate?by=grid&cell=1000", admin_).json();
  nlohmann::json cells = nlohmann::json::array();
  for (const auto& f : grid["features"]) {
    EXPECT_EQ(f["properties"]["cell_m"], 1000);
    cells.push_back(f["properties"]);
  }
  EXPECT_EQ(sum(cells, "total"), static_cast<int>(points));
  expectField(platform_.get("/api/v1/risk/aggregate?by=grid&cell=20", admin_), 400, "cell");
  expectField(platform_.get("/api/v1/risk/aggregate?by=hexagon", admin_), 400, "by");
  const auto index = platform_.get("/api/v1/risk/safety-index", admin_).json();
  ASSERT_EQ(index["items"].size(), areas["items"].size());
  for (const auto& a : index["items"]) {
    EXPECT_GT(a["index"].get<double>(), 0);
    EXPECT_LE(a["index"].get<double>(), 100);
  }
}

// Only real absence is a 404: a store that fails answers 5xx (its cause goes to the log only).
TEST_F(RiskApi, AFailingStoreIsAServerErrorNotANotFound) {
  ASSERT_EQ(platform_.get("/api/v1/risk/points/1", admin_).status, 200);
  auto behindItsBack = [&](const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((platform_.dir / "it.db").c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << error;
    sqlite3_free(error);
    sqlite3_close(db);
  };
  behindItsBack("ALTER TABLE risk_points RENAME TO risk_points_gone");
  LogCapture log;
  const auto failed = platform_.get("/api/v1/risk/points/1", admin_);
  const std::string logged = log.text();
  behindItsBack("ALTER TABLE risk_points_gone RENAME TO risk_points");
  EXPECT_EQ(failed.status, 500) << failed.body;
  EXPECT_EQ(failed.headers.at("content-type"), "application/problem+json");
  EXPECT_EQ(failed.json()["detail"], "internal error");
  // The cause is in the log, and only there.
  const std::string cause = "no such table: risk_points";
  EXPECT_NE(logged.find("500 Internal"), std::string::npos) << logged;
  EXPECT_NE(logged.find(cause), std::string::npos) << logged;
  EXPECT_EQ(failed.body.find("risk_points"), std::string::npos) << failed.body;
  EXPECT_EQ(platform_.get("/api/v1/risk/points/1", admin_).status, 200);
  EXPECT_EQ(platform_.get("/api/v1/risk/points/999999", admin_).status, 404);
}

TEST_F(RiskApi, TheMapCarriesAllFourColours) {
  const auto map = platform_.get("/api/v1/risk/map", admin_).json();
  std::set<std::string> colours;
  for (const auto& f : map["features"]) {
    if (f["properties"]["colour"].is_string())
      colours.insert(f["properties"]["colour"].get<std::string>());
  }
  EXPECT_EQ(colours, (std::set<std::string>{"red", "orange", "yellow", "blue"}));
}

}  // namespace
}  // namespace citysafe::testing
