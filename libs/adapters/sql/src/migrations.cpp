#include <string>

#include "repositories.hpp"

namespace citysafe::sql {

// Numbered, append-only. Written once with dialect tokens so the two stores cannot drift:
// {ID} auto-increment key, {INT} 64-bit integer, {REAL} double, {TEXT} text.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "organisations, users, sessions, audit log", R"SQL(
CREATE TABLE orgs (
  id {ID},
  parent_id {INT} REFERENCES orgs(id),
  kind {TEXT} NOT NULL,
  name {TEXT} NOT NULL,
  path {TEXT} NOT NULL,
  credit_code {TEXT},
  sectors {TEXT} NOT NULL DEFAULT ',',
  address {TEXT} NOT NULL DEFAULT '',
  lon {REAL},
  lat {REAL},
  created_at {INT} NOT NULL,
  updated_at {INT} NOT NULL
);
CREATE UNIQUE INDEX orgs_credit_code ON orgs(credit_code);
CREATE INDEX orgs_path ON orgs(path);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE TABLE users (
  id {ID},
  username {TEXT} NOT NULL UNIQUE,
  display_name {TEXT} NOT NULL,
  org_id {INT} NOT NULL REFERENCES orgs(id),
  roles {TEXT} NOT NULL,
  disabled {INT} NOT NULL DEFAULT 0,
  password_hash {TEXT} NOT NULL,
  failed_logins {INT} NOT NULL DEFAULT 0,
  locked_until {INT},
  created_at {INT} NOT NULL,
  updated_at {INT} NOT NULL
);
CREATE INDEX users_org ON users(org_id);
CREATE TABLE sessions (
  id {ID},
  token_hash {TEXT} NOT NULL UNIQUE,
  user_id {INT} NOT NULL REFERENCES users(id),
  created_at {INT} NOT NULL,
  expires_at {INT} NOT NULL,
  revoked {INT} NOT NULL DEFAULT 0,
  client {TEXT} NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE audit_log (
  seq {INT} PRIMARY KEY,
  at {INT} NOT NULL,
  actor_id {INT} NOT NULL,
  actor {TEXT} NOT NULL,
  scope_path {TEXT} NOT NULL,
  entity {TEXT} NOT NULL,
  entity_id {TEXT} NOT NULL,
  action {TEXT} NOT NULL,
  before_json {TEXT} NOT NULL,
  after_json {TEXT} NOT NULL,
  prev_hash {TEXT} NOT NULL,
  hash {TEXT} NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, seq);
)SQL"},
      {2, "basemap features", R"SQL(
CREATE TABLE basemap_meta (
  id {INT} PRIMARY KEY,
  source {TEXT} NOT NULL,
  features {INT} NOT NULL,
  min_lon {REAL}, min_lat {REAL}, max_lon {REAL}, max_lat {REAL}
);
CREATE TABLE basemap_features (
  id {ID},
  layer {TEXT} NOT NULL,
  shape {TEXT} NOT NULL,
  class {TEXT} NOT NULL,
  name {TEXT} NOT NULL,
  min_lon {REAL} NOT NULL,
  min_lat {REAL} NOT NULL,
  max_lon {REAL} NOT NULL,
  max_lat {REAL} NOT NULL,
  coords {TEXT} NOT NULL
);
CREATE INDEX basemap_features_lon ON basemap_features(min_lon, max_lon);
)SQL"},
      {3, "risk points and assessments", R"SQL(
CREATE TABLE risk_points (
  id {ID},
  code {TEXT} NOT NULL,
  name {TEXT} NOT NULL,
  kind {TEXT} NOT NULL,
  sector {TEXT} NOT NULL,
  sectors {TEXT} NOT NULL,
  org_id {INT} NOT NULL REFERENCES orgs(id),
  org_path {TEXT} NOT NULL,
  enterprise_id {INT} REFERENCES orgs(id),
  geometry_type {TEXT} NOT NULL,
  coords {TEXT} NOT NULL,
  lon {REAL} NOT NULL,
  lat {REAL} NOT NULL,
  capacity {INT} NOT NULL DEFAULT 0,
  level {INT},
  method {TEXT},
  basis {TEXT},
  value {REAL},
  assessed_at {INT},
  due_at {INT},
  hazard_grade {INT} NOT NULL DEFAULT 0,
  created_at {INT} NOT NULL,
  updated_at {INT} NOT NULL
);
CREATE INDEX risk_points_lon_lat ON risk_points(lon, lat);
CREATE INDEX risk_points_org_path ON risk_points(org_path);
CREATE TABLE risk_assessments (
  id {ID},
  risk_point_id {INT} NOT NULL REFERENCES risk_points(id),
  method {TEXT} NOT NULL,
  basis {TEXT} NOT NULL,
  inputs_json {TEXT} NOT NULL,
  result_json {TEXT} NOT NULL,
  value {REAL} NOT NULL,
  level {INT} NOT NULL,
  hazard_grade {INT} NOT NULL,
  assessor_id {INT} NOT NULL,
  assessor {TEXT} NOT NULL,
  assessed_at {INT} NOT NULL,
  due_at {INT} NOT NULL
);
CREATE INDEX risk_assessments_point ON risk_assessments(risk_point_id, id);
)SQL"},
      {4, "spatial index on risk points", "",
       // SQLite: an R*Tree kept in step by triggers, so the repository writes one table.
       R"SQL(
CREATE VIRTUAL TABLE risk_points_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO risk_points_rtree SELECT id, lon, lon, lat, lat FROM risk_points;
CREATE TRIGGER risk_points_rtree_insert AFTER INSERT ON risk_points BEGIN
  INSERT INTO risk_points_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER risk_points_rtree_update AFTER UPDATE OF lon, lat ON risk_points BEGIN
  UPDATE risk_points_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
  WHERE id = new.id;
END;
CREATE TRIGGER risk_points_rtree_delete AFTER DELETE ON risk_points BEGIN
  DELETE FROM risk_points_rtree WHERE id = old.id;
END;
)SQL",
       // PostgreSQL: a GiST index on the built-in point type (no PostGIS needed).
       R"SQL(
CREATE INDEX risk_points_gist ON risk_points USING gist (point(lon, lat));
)SQL"},
      {5, "risk registry version for caches", R"SQL(
CREATE TABLE risk_version (id {INT} PRIMARY KEY, v {INT} NOT NULL);
INSERT INTO risk_version (id, v) VALUES (1, 0);
ALTER TABLE risk_points ADD COLUMN row_version {INT} NOT NULL DEFAULT 0;
CREATE INDEX risk_points_row_version ON risk_points(row_version);
)SQL"},
      {6, "hidden hazards: records, timeline, media, extensions, notifications, calendar, policy",
       R"SQL(
CREATE TABLE hazards (
  id {ID},
  code {TEXT} NOT NULL,
  title {TEXT} NOT NULL,
  description {TEXT} NOT NULL,
  source {TEXT} NOT NULL,
  grade {TEXT} NOT NULL,
  state {TEXT} NOT NULL,
  sector {TEXT} NOT NULL,
  sectors {TEXT} NOT NULL,
  org_id {INT} NOT NULL REFERENCES orgs(id),
  org_path {TEXT} NOT NULL,
  responsible_org_id {INT} REFERENCES orgs(id),
  responsible_org_path {TEXT} NOT NULL DEFAULT '',
  assigned_by_org_id {INT} REFERENCES orgs(id),
  risk_point_id {INT} REFERENCES risk_points(id),
  lon {REAL} NOT NULL,
  lat {REAL} NOT NULL,
  address {TEXT} NOT NULL,
  found_by {INT},
  found_by_name {TEXT} NOT NULL,
  found_at {INT} NOT NULL,
  reported_at {INT} NOT NULL,
  assigned_at {INT},
  deadline_at {INT},
  original_deadline_at {INT},
  deadline_basis {TEXT} NOT NULL DEFAULT '',
  due_soon_at {INT},
  overdue_at {INT},
  submitted_at {INT},
  closed_at {INT},
  closed_on_time {INT},
  rectifiers {TEXT} NOT NULL DEFAULT ',',
  sup_tier {INT},
  sup_listed_at {INT},
  sup_reason {TEXT},
  sup_delisted_at {INT},
  reopen_count {INT} NOT NULL DEFAULT 0,
  external_code {TEXT} NOT NULL DEFAULT '',
  tip_code_hash {TEXT},
  tip_client {TEXT},
  updated_at {INT} NOT NULL
);
CREATE INDEX hazards_org_path ON hazards(org_path);
CREATE INDEX hazards_state_deadline ON hazards(state, deadline_at);
CREATE INDEX hazards_found_at ON hazards(found_at);
CREATE INDEX hazards_sup_tier ON hazards(sup_tier);
CREATE UNIQUE INDEX hazards_tip_code ON hazards(tip_code_hash);
CREATE INDEX hazards_tip_client ON hazards(tip_client, reported_at);
CREATE TABLE hazard_timeline (
  id {ID},
  hazard_id {INT} NOT NULL REFERENCES hazards(id),
  at {INT} NOT NULL,
  action {TEXT} NOT NULL,
  from_state {TEXT} NOT NULL,
  to_state {TEXT} NOT NULL,
  actor_id {INT},
  actor_name {TEXT} NOT NULL,
  note {TEXT} NOT NULL,
  deadline_at {INT},
  media_ids {TEXT} NOT NULL
);
CREATE INDEX hazard_timeline_hazard ON hazard_timeline(hazard_id, id);
CREATE TABLE hazard_media (
  id {ID},
  hazard_id {INT} NOT NULL REFERENCES hazards(id),
  stage {TEXT} NOT NULL,
  content_type {TEXT} NOT NULL,
  file_name {TEXT} NOT NULL,
  bytes {INT} NOT NULL,
  sha256 {TEXT} NOT NULL,
  width {INT} NOT NULL,
  height {INT} NOT NULL,
  uploaded_by {INT},
  uploaded_at {INT} NOT NULL,
  data {TEXT} NOT NULL,
  thumbnail {TEXT} NOT NULL
);
CREATE INDEX hazard_media_hazard ON hazard_media(hazard_id, id);
CREATE TABLE hazard_extensions (
  id {ID},
  hazard_id {INT} NOT NULL REFERENCES hazards(id),
  org_path {TEXT} NOT NULL,
  sectors {TEXT} NOT NULL,
  requested_by {INT} NOT NULL,
  requested_by_name {TEXT} NOT NULL,
  requested_at {INT} NOT NULL,
  reason {TEXT} NOT NULL,
  previous_deadline {INT} NOT NULL,
  requested_deadline {INT} NOT NULL,
  state {TEXT} NOT NULL,
  decided_by {INT},
  decided_by_name {TEXT} NOT NULL DEFAULT '',
  decided_at {INT},
  decision_note {TEXT} NOT NULL DEFAULT ''
);
CREATE INDEX hazard_extensions_hazard ON hazard_extensions(hazard_id, id);
CREATE INDEX hazard_extensions_state ON hazard_extensions(state, org_path);
CREATE TABLE notifications (
  id {ID},
  org_id {INT} NOT NULL REFERENCES orgs(id),
  hazard_id {INT} NOT NULL,
  kind {TEXT} NOT NULL,
  message {TEXT} NOT NULL,
  at {INT} NOT NULL,
  read_at {INT}
);
CREATE INDEX notifications_org ON notifications(org_id, id);
CREATE TABLE calendar_days (
  day {TEXT} PRIMARY KEY,
  year {INT} NOT NULL,
  workday {INT} NOT NULL,
  name {TEXT} NOT NULL
);
CREATE TABLE hazard_policy (
  id {INT} PRIMARY KEY,
  rules {TEXT} NOT NULL,
  milestones {TEXT} NOT NULL,
  escalation {TEXT} NOT NULL
);
)SQL"},
      {7, "leases for jobs one node runs at a time", R"SQL(
CREATE TABLE leases (
  name {TEXT} PRIMARY KEY,
  holder {TEXT} NOT NULL,
  until_ms {INT} NOT NULL
);
)SQL"},
      {8, "index for hazards by the unit fixing them", R"SQL(
CREATE INDEX hazards_responsible_path ON hazards(responsible_org_path);
)SQL"},
      {9,
       "hazard row versions, tipster contacts apart, loaded calendar years, one pending "
       "extension per hazard, prefix indexes for PostgreSQL",
       R"SQL(
ALTER TABLE hazards ADD COLUMN row_version {INT} NOT NULL DEFAULT 0;
ALTER TABLE hazards ADD COLUMN tip_contact {TEXT} NOT NULL DEFAULT '';
CREATE TABLE calendar_years (year {INT} PRIMARY KEY);
INSERT INTO calendar_years (year) SELECT DISTINCT year FROM calendar_days;
CREATE UNIQUE INDEX hazard_extensions_one_pending ON hazard_extensions(hazard_id)
  WHERE state = 'pending';
)SQL",
       "",
       // LIKE 'prefix%' can use these whatever the database's collation.
       R"SQL(
CREATE INDEX orgs_path_prefix ON orgs(path text_pattern_ops);
CREATE INDEX audit_scope_prefix ON audit_log(scope_path text_pattern_ops);
CREATE INDEX risk_points_path_prefix ON risk_points(org_path text_pattern_ops);
CREATE INDEX hazards_path_prefix ON hazards(org_path text_pattern_ops);
CREATE INDEX hazards_responsible_prefix ON hazards(responsible_org_path text_pattern_ops);
)SQL"},
      {10, "monitoring: devices, sensors, readings with minute and hour aggregates, alarms",
       R"SQL(
CREATE TABLE devices (
  id {ID},
  code {TEXT} NOT NULL UNIQUE,
  name {TEXT} NOT NULL,
  model {TEXT} NOT NULL DEFAULT '',
  org_id {INT} NOT NULL REFERENCES orgs(id),
  org_path {TEXT} NOT NULL,
  sector {TEXT} NOT NULL DEFAULT '',
  sectors {TEXT} NOT NULL DEFAULT ',',
  risk_point_id {INT} REFERENCES risk_points(id),
  lon {REAL} NOT NULL,
  lat {REAL} NOT NULL,
  address {TEXT} NOT NULL DEFAULT '',
  status {TEXT} NOT NULL,
  created_at {INT} NOT NULL,
  updated_at {INT} NOT NULL
);
CREATE INDEX devices_path ON devices(org_path);
CREATE TABLE sensors (
  id {ID},
  code {TEXT} NOT NULL UNIQUE,
  device_id {INT} NOT NULL REFERENCES devices(id),
  name {TEXT} NOT NULL,
  type {TEXT} NOT NULL,
  unit {TEXT} NOT NULL,
  interval_s {INT} NOT NULL,
  status {TEXT} NOT NULL,
  rules {TEXT} NOT NULL DEFAULT '',
  org_id {INT} NOT NULL REFERENCES orgs(id),
  org_path {TEXT} NOT NULL,
  sector {TEXT} NOT NULL DEFAULT '',
  sectors {TEXT} NOT NULL DEFAULT ',',
  risk_point_id {INT} REFERENCES risk_points(id),
  lon {REAL} NOT NULL,
  lat {REAL} NOT NULL,
  created_at {INT} NOT NULL,
  updated_at {INT} NOT NULL,
  last_at {INT},
  last_value {REAL}
);
CREATE INDEX sensors_path ON sensors(org_path);
CREATE INDEX sensors_device ON sensors(device_id);
CREATE TABLE sensor_type_rules (type {TEXT} PRIMARY KEY, rules {TEXT} NOT NULL);
CREATE TABLE monitoring_registry (id {INT} PRIMARY KEY, version {INT} NOT NULL);
INSERT INTO monitoring_registry (id, version) VALUES (1, 0);
CREATE TABLE reading_minutes (
  sensor_id {INT} NOT NULL,
  start_ms {INT} NOT NULL,
  n {INT} NOT NULL,
  total {REAL} NOT NULL,
  lowest {REAL} NOT NULL,
  highest {REAL} NOT NULL,
  PRIMARY KEY (sensor_id, start_ms)
);
CREATE TABLE reading_hours (
  sensor_id {INT} NOT NULL,
  start_ms {INT} NOT NULL,
  n {INT} NOT NULL,
  total {REAL} NOT NULL,
  lowest {REAL} NOT NULL,
  highest {REAL} NOT NULL,
  PRIMARY KEY (sensor_id, start_ms)
);
CREATE TABLE alarms (
  id {ID},
  code {TEXT} NOT NULL DEFAULT '',
  sensor_id {INT} NOT NULL REFERENCES sensors(id),
  sensor_code {TEXT} NOT NULL,
  rule {TEXT} NOT NULL,
  site {TEXT} NOT NULL,
  org_id {INT} NOT NULL,
  org_path {TEXT} NOT NULL,
  sector {TEXT} NOT NULL DEFAULT '',
  sectors {TEXT} NOT NULL DEFAULT ',',
  risk_point_id {INT},
  lon {REAL} NOT NULL,
  lat {REAL} NOT NULL,
  level {INT} NOT NULL,
  peak {INT} NOT NULL,
  state {TEXT} NOT NULL,
  value {REAL} NOT NULL,
  raised_at {INT} NOT NULL,
  changed_at {INT} NOT NULL,
  cleared_at {INT},
  acknowledged_at {INT},
  acknowledged_by {INT},
  handling_at {INT},
  closed_at {INT},
  closed_by {INT},
  disposition {TEXT},
  notes {TEXT} NOT NULL DEFAULT '',
  hazard_id {INT},
  row_version {INT} NOT NULL DEFAULT 0
);
-- One open alarm per (sensor, rule), whichever node raises it.
CREATE UNIQUE INDEX alarms_one_open ON alarms(sensor_id, rule) WHERE state <> 'closed';
CREATE INDEX alarms_path ON alarms(org_path);
CREATE INDEX alarms_raised ON alarms(raised_at);
CREATE INDEX alarms_sensor ON alarms(sensor_id, id);
)SQL",
       // Readings are keyed by (sensor, time): idempotent, and a sensor's series is one range.
       R"SQL(
CREATE TABLE readings (
  sensor_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (sensor_id, ts)
) WITHOUT ROWID;
)SQL",
       // Partitioned by day so retention drops whole partitions; the default partition catches
       // what arrives before its day's partition exists.
       R"SQL(
CREATE TABLE readings (
  sensor_id BIGINT NOT NULL,
  ts BIGINT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (sensor_id, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE readings_default PARTITION OF readings DEFAULT;
CREATE INDEX devices_path_prefix ON devices(org_path text_pattern_ops);
CREATE INDEX sensors_path_prefix ON sensors(org_path text_pattern_ops);
CREATE INDEX alarms_path_prefix ON alarms(org_path text_pattern_ops);
)SQL"},
      {11, "monitoring: a write log in front of the readings (SQLite)",
       // The horizon: readings older than it go straight to the series (reading_series.cpp says
       // why SQLite logs first). PostgreSQL writes the series directly and leaves it at 0.
       R"SQL(
CREATE TABLE reading_log_state (id {INT} PRIMARY KEY, horizon {INT} NOT NULL);
INSERT INTO reading_log_state (id, horizon) VALUES (1, 0);
)SQL",
       R"SQL(
CREATE TABLE reading_log (
  stripe INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  sensor_id INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (stripe, ts, sensor_id)
) WITHOUT ROWID;
)SQL"},
      {12, "audit log: keyed hashes and the audited row's content",
       // Existing records stay unkeyed (version 1) and keep verifying as they did; every new
       // record is keyed (version 2) and carries its row's content hash (docs/security.md).
       R"SQL(
ALTER TABLE audit_log ADD COLUMN hash_version {INT} NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN content_hash {TEXT} NOT NULL DEFAULT '';
)SQL"},
      {13, "the hazard policy as one JSON document",
       // hazardPolicyToJson rewrites a stored policy and drops the tab-separated columns.
       R"SQL(
ALTER TABLE hazard_policy ADD COLUMN policy {TEXT} NOT NULL DEFAULT '';
)SQL",
       "", "", hazardPolicyToJson},
  };
  return kMigrations;
}

std::string inDialect(std::string_view sql, Dialect dialect) {
  const bool pg = dialect == Dialect::Postgres;
  const std::pair<std::string_view, std::string_view> tokens[] = {
      {"{ID}", pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                  : "INTEGER PRIMARY KEY AUTOINCREMENT"},
      {"{INT}", pg ? "BIGINT" : "INTEGER"},
      {"{REAL}", pg ? "DOUBLE PRECISION" : "REAL"},
      {"{TEXT}", "TEXT"},
  };
  std::string out(sql);
  for (const auto& [token, replacement] : tokens) {
    for (auto pos = out.find(token); pos != std::string::npos;
         pos = out.find(token, pos + replacement.size())) {
      out.replace(pos, token.size(), replacement);
    }
  }
  return out;
}

}  // namespace citysafe::sql
