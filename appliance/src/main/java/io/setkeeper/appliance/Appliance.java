package io.setkeeper.appliance;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.setkeeper.appliance.analysis.AnalysisService;
import io.setkeeper.appliance.analysis.Pipelines;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.clips.ClipRegistrar;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.continuity.Thresholds;
import io.setkeeper.appliance.coverage.CoverageService;
import io.setkeeper.appliance.fixes.FixService;
import io.setkeeper.appliance.flags.CoverageWatch;
import io.setkeeper.appliance.flags.FlagService;
import io.setkeeper.appliance.ingest.Checksums;
import io.setkeeper.appliance.ingest.MhlSealer;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.model.CardVersioning;
import io.setkeeper.appliance.model.ModelFeeder;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.modelsync.ModelShipper;
import io.setkeeper.appliance.observe.DataDiskHealthCheck;
import io.setkeeper.appliance.observe.InferenceHealthCheck;
import io.setkeeper.appliance.observe.StoreHealthCheck;
import io.setkeeper.appliance.outbox.CapacityPolicy;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.appliance.outbox.OutboxService;
import io.setkeeper.appliance.outbox.StatusReporter;
import io.setkeeper.appliance.outbox.mqtt.MqttSettings;
import io.setkeeper.appliance.outbox.mqtt.MqttTransport;
import io.setkeeper.appliance.plan.PlanService;
import io.setkeeper.appliance.review.OutboxGate;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.UserService;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.FlagStore;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ModelStore;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.appliance.store.PlanStore;
import io.setkeeper.appliance.store.ProductionStore;
import io.setkeeper.appliance.store.ReviewStore;
import io.setkeeper.appliance.store.SlateStore;
import io.setkeeper.appliance.web.ApiRouting;
import io.setkeeper.appliance.web.CoverageApi;
import io.setkeeper.appliance.web.FlagRoutes;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.topics.TopicScheme;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One running appliance: store, services and web server, wired from a typed config. {@link Main} builds one
 * from the command line; tests build one on a free port with a real H2 file.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Appliance.class.getName());
    private static final int OUTBOX_CAPACITY = 100_000;

    private final ApplianceConfig config;
    private final Database db;
    private final ProductionStore productions;
    private final JobStore jobs;
    private final OffloadService offloads;
    private final ClipStore clips;
    private final ClipRegistrar registrar;
    private final AnalysisStore analysisStore;
    private final AnalysisService analysis;
    private final Perception perception;
    private final WebServer server;
    private final OutboxStore outboxStore;
    private final Outbox outbox;
    private final OutboxService sync;
    private final StatusReporter status;
    private final UserService users;
    private final ReviewService review;
    private final ModelService model;
    private final FlagService flags;
    private final CoverageWatch coverageWatch;
    private final PlanService plan;
    private final FixService fixes;

    private Appliance(ApplianceConfig config, Clock clock) {
        this.config = config;
        this.db = Database.open(config.dataDir());
        this.productions = new ProductionStore(db, clock);
        this.jobs = new JobStore(db, clock);
        productions.ensure(config.production(), config.production());
        this.offloads = new OffloadService(productions, jobs, Checksums::factory, new MhlSealer(clock),
                config.offload().algorithm(), config.offload().bufferKib() * 1024, config.offload().workers(), clock);
        SlateStore slateStore = new SlateStore(db, clock);
        this.clips = new ClipStore(db, slateStore);
        SlateImporter slates = new SlateImporter(slateStore, clips);
        this.registrar = new ClipRegistrar(jobs, clips, slates, clock);
        offloads.onFinished(registrar);
        // the outbox table is the source of truth; with sync enabled the publisher drains it to the broker
        this.outboxStore = new OutboxStore(db);
        if (config.sync().enabled()) {
            OutboxService.Settings standard = OutboxService.Settings.standard();
            this.sync = OutboxService.start(db, config.production(), config.appliance(),
                    new MqttTransport(MqttSettings.of(config.sync().brokerUri(), config.mqttClientId())
                            .withTls(config.sync().tls().orElse(null))),
                    new OutboxService.Settings(standard.scheme(), OUTBOX_CAPACITY, standard.publisher(),
                            standard.retention(), standard.housekeeping()), clock);
            this.outbox = sync.outbox();
        } else {
            this.sync = null;
            this.outbox = new Outbox(outboxStore, new JsonCodec(), TopicScheme.DEFAULT, config.production(),
                    config.appliance(), new CapacityPolicy(OUTBOX_CAPACITY), clock);
        }
        this.status = new StatusReporter(outbox, config.dataDir(), softwareVersion());
        offloads.onFinished(job -> status.report("offload-finished"));
        ReviewStore reviewStore = new ReviewStore(db);
        this.users = new UserService(reviewStore, clock);
        users.bootstrap(config.dataDir());
        this.review = new ReviewService(reviewStore, clock);
        OutboxGate.attach(review, outbox);
        this.model = new ModelService(config.production(), java.util.Set.of(),
                config.dataDir().resolve("model").resolve(config.production()), new ModelStore(db, clock), clock);
        this.analysisStore = new AnalysisStore(db, clock);
        this.perception = Pipelines.openPerception(config.inference().engineConfig());
        AnalysisService.Config analysisConfig = AnalysisService.Config.defaults(config.dataDir());
        this.analysis = new AnalysisService(analysisStore, clips, perception, analysisConfig);
        registrar.onRegistered(analysis);
        analysis.onAnalysed(new ModelFeeder(model));
        this.flags = new FlagService(config.production(), new FlagStore(db),
                outbox, review, config.dataDir().resolve("continuity"), Thresholds.defaults(), clock);
        analysis.onAnalysed(flags);
        this.plan = new PlanService(config.production(),
                new PlanStore(db), clock);
        plan.onCast(model::setCast);
        this.fixes = new FixService(clips, model, review, perception,
                config.dataDir().resolve("fixes"));
        CoverageService coverage = new CoverageService(config.production(), plan, clips,
                analysisStore, model, analysisConfig.stillsDir(), clock);
        flags.useClips(clips::clip);
        this.coverageWatch = new CoverageWatch(coverage, flags);
        analysis.onAnalysed(coverageWatch);
        plan.onChanged(coverageWatch);
        analysis.useBaselines(model::baseline);
        CardVersioning versioning = new CardVersioning(model);
        ModelShipper.attach(model, outbox, config.dataDir().resolve("outbox-models"));
        offloads.onFinished(job -> analysis.afterQueued(() -> versioning.cardFinished(job.cardLabel())));
        this.server = WebServer.builder()
                .host(config.http().host())
                .port(config.http().port())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().useSystemServices(false).details(true)
                                .addCheck(new StoreHealthCheck(db)).addCheck(new DataDiskHealthCheck(config.dataDir()))
                                .addCheck(new InferenceHealthCheck(perception))
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(r -> {
                    ApiRouting.guard(r, users, config.auth().openReads());
                    ApiRouting.registerAnalysisEvents(r, analysis);
                    ApiRouting.registerReview(r, new ApiRouting.Review(config.production(), review, users,
                            config.auth().openReads()));
                    ApiRouting.registerFixes(r, fixes, users, config.auth().openReads());
                    ApiRouting.register(r, new ApiRouting.Services(config.production(), productions, jobs,
                            offloads, clips, slates, config.offload().autoDestinations(), model, analysisStore,
                            analysisConfig.stillsDir()));
                    r.register("/api/flags", new FlagRoutes(flags));
                    CoverageApi.register(r, new CoverageApi.Services(plan, coverage));
                    ApiRouting.registerSync(r, outboxStore, config.sync().enabled());
                })
                .build();
    }

    /** Opens the store, starts the server and resumes interrupted offloads. */
    public static Appliance start(ApplianceConfig config, Clock clock) {
        Appliance app = new Appliance(config, clock);
        app.server.start();
        app.status.report("started");
        int resumed = app.offloads.resumeUnfinished();
        int analyses = app.analysis.resumeUnfinished();
        LOG.info(() -> "Setkeeper appliance '" + config.appliance() + "' for production '" + config.production()
                + "' listening on http://localhost:" + app.port() + " (data: " + config.dataDir().toAbsolutePath()
                + ", resumed offloads: " + resumed + ", resumed analyses: " + analyses + ", sync: "
                + (config.sync().enabled() ? config.sync().brokerUri() : "off") + ")");
        return app;
    }

    private static String softwareVersion() {
        String v = Appliance.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** The running outbox publisher, or empty with {@code setkeeper.sync.enabled=false}. */
    public Optional<OutboxService> sync() {
        return Optional.ofNullable(sync);
    }

    public int port() {
        return server.port();
    }

    public ApplianceConfig config() {
        return config;
    }

    public OffloadService offloads() {
        return offloads;
    }

    public ClipStore clips() {
        return clips;
    }

    public ClipRegistrar registrar() {
        return registrar;
    }

    public AnalysisService analysis() {
        return analysis;
    }

    public AnalysisStore analysisStore() {
        return analysisStore;
    }

    public JobStore jobs() {
        return jobs;
    }

    /** The approval gate. */
    public ReviewService review() {
        return review;
    }

    /** Users, roles and tokens. */
    public UserService users() {
        return users;
    }

    /** The outbox table (read by tests and the publisher). */
    public OutboxStore outboxStore() {
        return outboxStore;
    }

    /** The outbox everything for post goes through. */
    public Outbox outbox() {
        return outbox;
    }

    /** The production model: the analysis pipeline feeds it with {@code model().learn(ClipFeatures)}. */
    public ModelService model() {
        return model;
    }

    /** Continuity flags raised as clips are analysed. */
    public FlagService flags() {
        return flags;
    }

    /** Coverage flags re-evaluated after each analysed clip and plan change. */
    public CoverageWatch coverageWatch() {
        return coverageWatch;
    }

    /** The imported plan (screenplay, shot list, scenes of the day). */
    public PlanService plan() {
        return plan;
    }

    public ProductionStore productions() {
        return productions;
    }

    @Override
    public void close() {
        server.stop();
        offloads.close();
        analysis.close();
        fixes.close();
        if (perception != null) {
            perception.close();
        }
        if (sync != null) {
            sync.close();
        }
        db.close();
    }
}
