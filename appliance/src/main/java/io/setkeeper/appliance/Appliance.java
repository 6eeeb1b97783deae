package io.setkeeper.appliance;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.setkeeper.appliance.analysis.AnalysisService;
import io.setkeeper.appliance.analysis.Pipelines;
import io.setkeeper.appliance.clips.ClipRegistrar;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.ingest.Checksums;
import io.setkeeper.appliance.ingest.MhlSealer;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.observe.StoreHealthCheck;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.SlateStore;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import io.setkeeper.appliance.web.ApiRouting;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * One running appliance: store, services and web server, wired from a typed config. {@link Main} builds one
 * from the command line; tests build one on a free port with a real H2 file.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Appliance.class.getName());

    private final ApplianceConfig config;
    private final Database db;
    private final ProductionStore productions;
    private final JobStore jobs;
    private final OffloadService offloads;
    private final ClipStore clips;
    private final ClipRegistrar registrar;
    private final AnalysisStore analysisStore;
    private final AnalysisService analysis;
    private final io.setkeeper.appliance.analysis.perception.Perception perception;
    private final WebServer server;

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
        this.analysisStore = new AnalysisStore(db, clock);
        this.perception = Pipelines.openPerception();
        AnalysisService.Config analysisConfig = AnalysisService.Config.defaults(config.dataDir());
        this.analysis = new AnalysisService(analysisStore, clips, perception, analysisConfig);
        registrar.onRegistered(analysis);
        this.server = WebServer.builder()
                .host(config.http().host())
                .port(config.http().port())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().addCheck(new StoreHealthCheck(db)).details(true).build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(r -> ApiRouting.register(r, new ApiRouting.Services(config.production(), productions, jobs,
                        offloads, clips, slates, analysisStore, analysisConfig.stillsDir())))
                .build();
    }

    /** Opens the store, starts the server and resumes interrupted offloads. */
    public static Appliance start(ApplianceConfig config, Clock clock) {
        Appliance app = new Appliance(config, clock);
        app.server.start();
        int resumed = app.offloads.resumeUnfinished();
        int analyses = app.analysis.resumeUnfinished();
        LOG.info(() -> "Setkeeper appliance '" + config.appliance() + "' for production '" + config.production()
                + "' listening on http://localhost:" + app.port() + " (data: " + config.dataDir().toAbsolutePath()
                + ", resumed offloads: " + resumed + ", resumed analyses: " + analyses + ")");
        return app;
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

    public ProductionStore productions() {
        return productions;
    }

    @Override
    public void close() {
        server.stop();
        offloads.close();
        analysis.close();
        if (perception != null) {
            perception.close();
        }
        db.close();
    }
}
