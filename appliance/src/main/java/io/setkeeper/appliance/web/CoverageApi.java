package io.setkeeper.appliance.web;

import io.helidon.webserver.http.HttpRouting;
import io.setkeeper.appliance.coverage.CoverageService;
import io.setkeeper.appliance.plan.PlanService;

/** The plan, coverage and report part of the API (paths in docs/api.md), registered by the appliance's wiring. */
public final class CoverageApi {
    private CoverageApi() {
    }

    /** What the plan, coverage and report routes need. */
    public record Services(PlanService plan, CoverageService coverage) {
    }

    public static void register(HttpRouting.Builder routing, Services s) {
        routing.register("/api/plan", new PlanRoutes(s.plan()))
                .register("/api/coverage", new CoverageRoutes(s.coverage()))
                .register("/api/reports", new ReportRoutes(s.coverage()));
    }
}
