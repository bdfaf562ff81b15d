// The closed loop over HTTP with the demo users: a public tip to closure, and every way a step
// can be refused without anything being half written.
#include <gtest/gtest.h>

#include "hazard_fixture.hpp"

namespace citysafe::testing {
namespace {

using nlohmann::json;

class HazardLoop : public ::testing::Test {
 protected:
  std::string path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/hazards/" + std::to_string(id) + rest;
  }
  json hazard(std::int64_t id, const std::string& cookie) {
    return platform_.get(path(id), cookie).json();
  }
  std::int64_t upload(std::int64_t id, const std::string& cookie,
                      const std::string& stage = "evidence") {
    const auto r = platform_.send("POST", path(id, "/media?stage=" + stage + "&name=fix.png"),
                                  tinyPng(), cookie);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<std::int64_t>() : 0;
  }
  // A hazard of 安澜精细化工 accepted and assigned to it by the street.
  std::int64_t assigned() {
    const auto id = reportHazard(platform_, street_, "安澜精细化工有限公司", "hazchem_mining");
    EXPECT_EQ(act(platform_, street_, id, {{"action", "accept"}}).status, 200);
    const auto r =
        act(platform_, street_, id,
            {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"days", 5}});
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }
  std::int64_t enterpriseOrg() { return platform_.orgIdByName("安澜精细化工有限公司"); }
  std::size_t timelineLength(std::int64_t id) {
    const auto j = platform_.get(path(id, "/timeline"), street_).json();
    return j["items"].size();
  }

  // Whatever the test did through the platform, the audit log still vouches for every row.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  std::string street_ = platform_.loginCookie("street");
  std::string enterprise_ = platform_.loginCookie("enterprise");
  std::string inspector_ = platform_.loginCookie("inspector");
};

TEST_F(HazardLoop, APublicTipIsFixedAndClosedAcrossThreeUsers) {
  const auto tip = platform_.send(
      "POST", "/api/v1/public/tips",
      R"({"description":"化工厂围墙外有刺鼻气味，疑似泄漏","location":{"lon":120.1425,"lat":30.3258},"contact":"13800000000"})",
      "");
  ASSERT_EQ(tip.status, 201) << tip.body;
  const auto code = tip.json()["tracking_code"].get<std::string>();
  EXPECT_EQ(tip.json()["state"], "reported");

  // The street nearest the tip receives it.
  const auto found =
      platform_.get("/api/v1/hazards?q=" + tip.json()["hazard_code"].get<std::string>(), street_)
          .json();
  ASSERT_EQ(found["items"].size(), 1U);
  const auto& item = found["items"][0];
  const auto id = item["id"].get<std::int64_t>();
  EXPECT_EQ(item["org_name"], "和平街道");
  EXPECT_EQ(item["source"], "public_tip");
  EXPECT_EQ(item["allowed_actions"], json::array({"accept", "reject"}));
  // The tipster's contact stays with the street: not in the text anyone else reads.
  EXPECT_EQ(item["description"].get<std::string>().find("13800000000"), std::string::npos);
  EXPECT_EQ(item["title"].get<std::string>().find("138"), std::string::npos);
  EXPECT_EQ(platform_.get(path(id), street_).json()["tip_contact"], "13800000000");

  EXPECT_EQ(act(platform_, street_, id, {{"action", "accept"}}).status, 400)
      << "a tip needs a sector first";
  ASSERT_EQ(
      act(platform_, street_, id, {{"action", "accept"}, {"sector", "hazchem_mining"}}).status,
      200);
  const auto assigned =
      act(platform_, street_, id,
          {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"days", 5}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json()["responsible_org_name"], "安澜精细化工有限公司");
  EXPECT_EQ(assigned.json()["deadline"], "2026-11-25T23:59:59.999+08:00")
      << "5 working days from Wed 18 Nov";

  const auto as_enterprise = hazard(id, enterprise_);
  EXPECT_TRUE(as_enterprise["tip_contact"].is_null()) << "the unit reported on never sees it";
  EXPECT_EQ(as_enterprise["allowed_actions"], json::array({"start", "progress", "submit"}));
  ASSERT_EQ(act(platform_, enterprise_, id, {{"action", "start"}}).status, 200);
  const auto photo = upload(id, enterprise_);
  const auto submitted =
      act(platform_, enterprise_, id,
          {{"action", "submit"}, {"note", "已更换阀门"}, {"media_ids", {photo}}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["state"], "submitted");

  const auto verified =
      act(platform_, inspector_, id, {{"action", "verify"}, {"note", "现场复核合格"}});
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.json()["state"], "closed");
  EXPECT_EQ(verified.json()["closed_on_time"], true);

  const auto timeline = platform_.get(path(id, "/timeline"), street_).json();
  std::vector<std::string> actions;
  for (const auto& e : timeline["items"]) actions.push_back(e["action"].get<std::string>());
  EXPECT_EQ(actions,
            (std::vector<std::string>{"report", "accept", "assign", "start", "submit", "verify"}));
  EXPECT_EQ(timeline["items"][4]["media_ids"], json::array({photo}));
  EXPECT_EQ(timeline["items"][5]["actor"], "inspector");

  // The tipster follows it by code and sees what happened, not who did it.
  const auto status = platform_.get("/api/v1/public/tips/" + code, "").json();
  EXPECT_EQ(status["state"], "closed");
  EXPECT_EQ(status["outcome"], "") << "internal notes stay internal";
  EXPECT_EQ(status["steps"].size(), 6U);
  EXPECT_EQ(status.dump().find("inspector"), std::string::npos);
  EXPECT_EQ(status.dump().find("13800000000"), std::string::npos);

  // Every step is in the audit log.
  const auto audit = platform_
                         .get("/api/v1/audit?entity=hazard&entity_id=" + std::to_string(id),
                              platform_.loginCookie("admin"))
                         .json();
  EXPECT_EQ(audit["items"].size(), 6U);
}

TEST_F(HazardLoop, AStepFromTheWrongStateIsRefusedAndChangesNothing) {
  const auto id = reportHazard(platform_, street_, "安澜精细化工有限公司", "hazchem_mining");
  const auto before = timelineLength(id);
  const auto r = act(platform_, inspector_, id, {{"action", "verify"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.json()["field"], "action");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("reported"), std::string::npos);
  EXPECT_EQ(hazard(id, street_)["state"], "reported");
  EXPECT_EQ(timelineLength(id), before);
  EXPECT_EQ(act(platform_, street_, id, {{"action", "close"}}).status, 400) << "not an action";
}

TEST_F(HazardLoop, TheVerifierMayNotBeTheRectifier) {
  // A hazard in public space: the street fixes it itself, so it may not verify it.
  const auto id = reportHazard(platform_, street_, "和平社区", "fire");
  ASSERT_EQ(act(platform_, street_, id, {{"action", "accept"}}).status, 200);
  ASSERT_EQ(act(platform_, street_, id,
                {{"action", "assign"},
                 {"responsible_org_id", platform_.orgIdByName("和平街道")},
                 {"days", 3}})
                .status,
            200);
  const auto photo = upload(id, street_);
  ASSERT_EQ(act(platform_, street_, id, {{"action", "submit"}, {"media_ids", {photo}}}).status,
            200);
  const auto own = act(platform_, street_, id, {{"action", "verify"}});
  EXPECT_EQ(own.status, 403);
  EXPECT_NE(own.json()["detail"].get<std::string>().find("someone other"), std::string::npos);
  EXPECT_EQ(hazard(id, street_)["allowed_actions"], json::array());
  EXPECT_EQ(act(platform_, inspector_, id, {{"action", "verify"}}).status, 200);
}

TEST_F(HazardLoop, OnlyTheAssignedUnitFixes) {
  const auto id = assigned();
  EXPECT_EQ(act(platform_, street_, id, {{"action", "start"}}).status, 403);
  EXPECT_EQ(act(platform_, inspector_, id, {{"action", "progress"}, {"note", "x"}}).status, 403);
  const auto other = platform_.loginCookie("dept");
  EXPECT_EQ(act(platform_, other, id, {{"action", "start"}}).status, 404) << "outside its sectors";
}

TEST_F(HazardLoop, ASubmitNeedsEvidenceOfThisHazard) {
  const auto id = assigned();
  const auto other = assigned();
  const auto foreign = upload(other, enterprise_);
  const auto bare = act(platform_, enterprise_, id, {{"action", "submit"}, {"note", "修好了"}});
  EXPECT_EQ(bare.status, 400);
  EXPECT_EQ(bare.json()["field"], "media_ids");
  const auto borrowed =
      act(platform_, enterprise_, id, {{"action", "submit"}, {"media_ids", {foreign}}});
  EXPECT_EQ(borrowed.status, 400);
  EXPECT_EQ(borrowed.json()["field"], "media_ids");
  EXPECT_EQ(hazard(id, street_)["state"], "assigned");
  EXPECT_EQ(act(platform_, enterprise_, id, {{"action", "progress"}}).status, 400)
      << "a note or a photo";
  // The reporter's photo is not evidence of the fix.
  const auto report_photo = upload(id, street_, "report");
  const auto reused =
      act(platform_, enterprise_, id, {{"action", "submit"}, {"media_ids", {report_photo}}});
  EXPECT_EQ(reused.status, 400);
  EXPECT_NE(reused.json()["detail"].get<std::string>().find("of the fix"), std::string::npos);
}

TEST_F(HazardLoop, ADeadlineInThePastOrBeyondThePolicyIsRefused) {
  const auto id = reportHazard(platform_, street_, "安澜精细化工有限公司", "hazchem_mining");
  ASSERT_EQ(act(platform_, street_, id, {{"action", "accept"}}).status, 200);
  auto r = act(
      platform_, street_, id,
      {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"deadline", "2026-11-17"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "deadline");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("past"), std::string::npos);
  r = act(platform_, street_, id,
          {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"days", 120}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "days");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("at most 90"), std::string::npos);
  for (const auto& huge : {json(2000000000), json(0), json(3661), json(1.5)}) {
    r = act(platform_, street_, id,
            {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"days", huge}});
    EXPECT_EQ(r.status, 400) << huge.dump();
    EXPECT_EQ(r.json()["field"], "days");
  }
  r = act(
      platform_, street_, id,
      {{"action", "assign"}, {"responsible_org_id", enterpriseOrg()}, {"deadline", "9999-12-31"}});
  EXPECT_EQ(r.json()["field"], "deadline")
      << "answered at once, not after counting eight millennia";
  r = act(platform_, street_, id, {{"action", "assign"}, {"days", 5}});
  EXPECT_EQ(r.json()["field"], "responsible_org_id");
  r = act(platform_, street_, id,
          {{"action", "assign"},
           {"responsible_org_id", platform_.orgIdByName("康宁街道")},
           {"days", 5}});
  EXPECT_EQ(r.status, 404) << "a unit the street does not reach";
  EXPECT_EQ(hazard(id, street_)["state"], "accepted");
  // Today is allowed: the end of today is still ahead.
  EXPECT_EQ(act(platform_, street_, id,
                {{"action", "assign"},
                 {"responsible_org_id", enterpriseOrg()},
                 {"deadline", "2026-11-18"}})
                .status,
            200);
}

TEST_F(HazardLoop, UploadsMustBePhotosOrVideosWithinTheirLimits) {
  const auto id = assigned();
  auto r = platform_.send("POST", path(id, "/media?stage=progress"), "just some text", enterprise_);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "content_type");
  std::string huge = tinyPng();
  huge.resize(11 * 1024 * 1024, 'x');
  r = platform_.send("POST", path(id, "/media?stage=progress"), huge, enterprise_);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("10 MB"), std::string::npos) << r.body.substr(0, 300);
  // The larger upload limit follows the path, not a query string that mentions it.
  EXPECT_EQ(platform_.send("POST", "/api/v1/hazards?via=/media", std::string(200000, 'x'), street_)
                .status,
            413);
  EXPECT_EQ(platform_.send("POST", "/api/v1/public/tips/ABCD-EFGH-JKLM/media", huge, "").status,
            413)
      << "the public may send 10 MB at most";
  std::string broken = tinyPng().substr(0, 30);
  r = platform_.send("POST", path(id, "/media?stage=progress"), broken, enterprise_);
  EXPECT_EQ(r.status, 400) << "a PNG header with no image behind it";
  EXPECT_EQ(platform_.get(path(id, "/media"), enterprise_).json()["items"].size(), 0U);

  const auto photo = upload(id, enterprise_, "progress");
  const auto listed = platform_.get(path(id, "/media"), street_).json()["items"][0];
  EXPECT_EQ(listed["width"], 1);
  EXPECT_EQ(listed["content_type"], "image/png");
  const auto full = platform_.get("/api/v1/hazard-media/" + std::to_string(photo), street_);
  EXPECT_EQ(full.body, tinyPng());
  const auto thumb =
      platform_.get("/api/v1/hazard-media/" + std::to_string(photo) + "/thumbnail", street_);
  ASSERT_EQ(thumb.status, 200);
  EXPECT_EQ(thumb.body.substr(0, 3), "\xFF\xD8\xFF") << "a JPEG thumbnail";
  EXPECT_EQ(
      platform_.get("/api/v1/hazard-media/" + std::to_string(photo), platform_.loginCookie("dept"))
          .status,
      404);
}

TEST_F(HazardLoop, AClosedHazardCanBeReopenedWithAReason) {
  const auto id = assigned();
  const auto photo = upload(id, enterprise_);
  ASSERT_EQ(act(platform_, enterprise_, id, {{"action", "submit"}, {"media_ids", {photo}}}).status,
            200);
  ASSERT_EQ(act(platform_, inspector_, id, {{"action", "verify"}}).status, 200);
  EXPECT_EQ(act(platform_, street_, id, {{"action", "reopen"}}).json()["field"], "reason");
  EXPECT_EQ(act(platform_, enterprise_, id, {{"action", "reopen"}, {"reason", "x"}}).status, 403);
  platform_.clock.advance(std::chrono::days(3));
  street_ = platform_.loginCookie("street");  // sessions last 12 hours
  enterprise_ = platform_.loginCookie("enterprise");
  inspector_ = platform_.loginCookie("inspector");
  const auto reopened = act(platform_, street_, id,
                            {{"action", "reopen"}, {"reason", "复查发现仍有泄漏"}, {"days", 3}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  const auto h = reopened.json();
  EXPECT_EQ(h["state"], "assigned");
  EXPECT_EQ(h["reopen_count"], 1);
  EXPECT_TRUE(h["closed_at"].is_null());
  EXPECT_EQ(h["deadline"], "2026-11-25T23:59:59.999+08:00") << "3 working days from Sat 21 Nov";
  const auto timeline = platform_.get(path(id, "/timeline"), street_).json();
  EXPECT_EQ(timeline["items"].back()["action"], "reopen");
  EXPECT_EQ(timeline["items"].back()["note"], "复查发现仍有泄漏");
  // And round again to closure.
  const auto again = upload(id, enterprise_);
  ASSERT_EQ(act(platform_, enterprise_, id, {{"action", "submit"}, {"media_ids", {again}}}).status,
            200);
  EXPECT_EQ(act(platform_, inspector_, id, {{"action", "verify"}}).json()["state"], "closed");
}

TEST_F(HazardLoop, ARejectedReportNeedsAReasonAndMayBeReopened) {
  const auto id = reportHazard(platform_, street_, "和平社区", "fire");
  EXPECT_EQ(act(platform_, street_, id, {{"action", "reject"}}).json()["field"], "reason");
  ASSERT_EQ(
      act(platform_, street_, id, {{"action", "reject"}, {"reason", "非安全隐患"}}).json()["state"],
      "rejected");
  EXPECT_EQ(act(platform_, street_, id, {{"action", "reopen"}, {"reason", "误判"}}).json()["state"],
            "reported");
}

}  // namespace
}  // namespace citysafe::testing
