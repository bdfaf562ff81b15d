// problem(Error): the status of each error code, and a store's or the code's own failure told to
// the client as a 5xx without its cause (which goes to the log).
#include <gtest/gtest.h>

#include "json_io.hpp"

namespace citysafe::http {
namespace {

TEST(Problem, AStoreFailureIsAServerErrorWhoseCauseStaysInTheLog) {
  const auto busy = problem(Error{Errc::Unavailable, "", "sqlite: database is locked in: SELECT"});
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.content_type, "application/problem+json");
  EXPECT_EQ(busy.body.find("sqlite"), std::string::npos) << busy.body;

  const auto broken = problem(Error{Errc::Internal, "", "postgresql: relation x in: SELECT 1"});
  EXPECT_EQ(broken.status, 500);
  EXPECT_EQ(broken.body.find("postgresql"), std::string::npos) << broken.body;
  EXPECT_NE(broken.body.find("internal error"), std::string::npos) << broken.body;
}

TEST(Problem, TheCallersOwnMistakesAreToldInFull) {
  const auto bad = problem(Error{Errc::Invalid, "limit", "must be at most 500"});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("must be at most 500"), std::string::npos);
  EXPECT_NE(bad.body.find("\"field\":\"limit\""), std::string::npos);
  EXPECT_EQ(problem(Error{Errc::NotFound, "", "no such hazard"}).status, 404);
  EXPECT_EQ(problem(Error{Errc::IllegalTransition, "", "closed"}).status, 409);
}

}  // namespace
}  // namespace citysafe::http
