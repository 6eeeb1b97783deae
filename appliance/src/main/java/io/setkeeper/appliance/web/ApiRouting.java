package io.setkeeper.appliance.web;

import io.helidon.webserver.http.HttpRouting;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.nio.file.Path;

/** The appliance's HTTP API under {@code /api}: what each path serves is in docs/api.md. */
public final class ApiRouting {
    private ApiRouting() {
    }

    /** The services the API exposes. */
    public record Services(String production, ProductionStore productions, JobStore jobs, OffloadService offloads,
                           ClipStore clips, SlateImporter slates, AnalysisStore analyses, Path stillsDir) {
    }

    public static void register(HttpRouting.Builder routing, Services s) {
        routing.register("/api/productions", new ProductionRoutes(s.productions()))
                .register("/api/offloads", new OffloadRoutes(s.offloads(), s.jobs(), s.production()))
                .register("/api", new ClipRoutes(s.clips(), s.slates(), s.production()))
                .register("/api", new AnalysisRoutes(s.analyses(), s.stillsDir(), s.production()));
    }
}
