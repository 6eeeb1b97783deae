package io.setkeeper.appliance.web;

import io.helidon.webserver.http.HttpRouting;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.UserService;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.nio.file.Path;
import java.util.List;

/** The appliance's HTTP API under {@code /api}: what each path serves is in docs/api.md. */
public final class ApiRouting {
    private ApiRouting() {
    }

    /** The services the API exposes. */
    public record Services(String production, ProductionStore productions, JobStore jobs, OffloadService offloads,
                           ClipStore clips, SlateImporter slates, List<Path> autoDestinations,
                           ModelService model, AnalysisStore analyses, Path stillsDir) {
    }

    /**
     * The one authentication and write-role gate in front of every {@code /api} route ({@link ApiGuard}, rules in
     * {@link WriteRules}, table in docs/security.md).
     */
    public static void guard(HttpRouting.Builder routing, UserService users, boolean openReads) {
        routing.addFilter(new ApiGuard(users, openReads));
    }

    /** The approval gate's services and whether reads are open without a token. */
    public record Review(String production, ReviewService review, UserService users, boolean openReads) {
    }

    /**
     * The approval gate: {@code /api/users} (ADMIN), {@code /api/fixes}, {@code /api/decisions}, {@code /api/audit},
     * {@code /api/exports}; tokens and write roles checked by the {@link ApiGuard}, reads by {@link Auth}. Register
     * before {@link #register}.
     */
    public static void registerReview(HttpRouting.Builder routing, Review r) {
        Auth auth = new Auth(r.openReads());
        routing.register("/api/users", new UserRoutes(r.users(), auth))
                .register("/api/fixes", new FixRoutes(r.review(), auth))
                .register("/api/decisions", DecisionRoutes.decisions(r.review(), auth))
                .register("/api/audit", DecisionRoutes.audit(r.review(), auth))
                .register("/api/exports", new ExportRoutes(r.review(), auth, r.production()));
    }

    /** The fix generators: {@code POST /api/clips/{id}/fixes}, {@code GET /api/fixes/{id}/stills/{name}}. */
    public static void registerFixes(HttpRouting.Builder routing, io.setkeeper.appliance.fixes.FixService fixes,
                                     UserService users, boolean openReads) {
        routing.register("/api", new FixProposalRoutes(fixes, new Auth(openReads)));
    }

    /** Live analysis progress: {@code GET /api/analysis/events} (SSE). */
    public static void registerAnalysisEvents(HttpRouting.Builder routing,
                                              io.setkeeper.appliance.analysis.AnalysisService analysis) {
        routing.register("/api/analysis", new AnalysisEventRoutes(analysis));
    }

    /** {@code GET /api/sync}: the outbox's queued / published / confirmed / dropped counts and last receipts. */
    public static void registerSync(HttpRouting.Builder routing, io.setkeeper.appliance.store.OutboxStore outbox,
                                    boolean publishing) {
        routing.register("/api/sync", new SyncRoutes(outbox, publishing));
    }

    public static void register(HttpRouting.Builder routing, Services s) {
        routing.register("/api/productions", new ProductionRoutes(s.productions()))
                .register("/api/offloads", new OffloadRoutes(s.offloads(), s.jobs(), s.production()))
                .register("/api/cards", new CardRoutes(s.offloads(), s.production(), s.autoDestinations()))
                .register("/api/model", new ModelRoutes(s.model()))
                .register("/api", new ClipRoutes(s.clips(), s.slates(), s.production()))
                .register("/api", new AnalysisRoutes(s.analyses(), s.stillsDir(), s.production(),
                        AnalysisRoutes.characters(s.model())));
    }
}
