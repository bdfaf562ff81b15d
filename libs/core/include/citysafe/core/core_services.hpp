#pragma once
// Every core service over one context. The composition root (apps/citysafe) builds one per
// process and hands it, by reference, to the HTTP application, the MQTT consumer and the
// schedulers; no adapter builds a service of its own.
#include <memory>

#include "citysafe/core/basemap/basemap_service.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/identity/auth_service.hpp"
#include "citysafe/core/identity/user_service.hpp"
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/core/risk/risk_service.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe {

struct Services {
  ServiceContext& ctx;
  // The adapter that decodes uploaded images (null: media uploads are not inspected).
  std::unique_ptr<const hazard::ImageInspector> images;  // before hazards, which uses it
  identity::AuthService auth;
  identity::UserService users;
  org::OrgService orgs;
  basemap::BasemapService basemap;
  risk::RiskService risks;
  hazard::HazardServices hazards;
  monitoring::MonitoringService monitoring;
  // One per process: HTTP bulk ingestion and the MQTT consumer share it.
  monitoring::Ingestor ingestor;
  Services(ServiceContext& c, const identity::PasswordHasher& hasher,
           std::unique_ptr<const hazard::ImageInspector> image_inspector)
      : ctx(c),
        images(std::move(image_inspector)),
        auth(c, hasher),
        users(c, hasher),
        orgs(c),
        basemap(c),
        risks(c),
        hazards(c, images.get()),
        monitoring(c),
        ingestor(c) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;
};

}  // namespace citysafe
