package io.setkeeper.appliance;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.setkeeper.appliance.clips.ClipRegistrar;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.ingest.Checksums;
import io.setkeeper.appliance.ingest.MhlSealer;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.observe.StoreHealthCheck;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.ModelStore;
import io.setkeeper.appliance.model.ModelService;
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
    private final WebServer server;
    private final ModelService model;

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
        this.model = new ModelService(config.production(), java.util.Set.of(),
                config.dataDir().resolve("model").resolve(config.production()), new ModelStore(db, clock), clock);
        this.server = WebServer.builder()
                .host(config.http().host())
                .port(config.http().port())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().addCheck(new StoreHealthCheck(db)).details(true).build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(r -> ApiRouting.register(r, new ApiRouting.Services(config.production(), productions, jobs,
                        offloads, clips, slates, model)))
                .build();
    }

    /** Opens the store, starts the server and resumes interrupted offloads. */
    public static Appliance start(ApplianceConfig config, Clock clock) {
        Appliance app = new Appliance(config, clock);
        app.server.start();
        int resumed = app.offloads.resumeUnfinished();
        LOG.info(() -> "Setkeeper appliance '" + config.appliance() + "' for production '" + config.production()
                + "' listening on http://localhost:" + app.port() + " (data: " + config.dataDir().toAbsolutePath()
                + ", resumed offloads: " + resumed + ")");
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

    public JobStore jobs() {
        return jobs;
    }

    /** The production model: the analysis pipeline feeds it with {@code model().learn(ClipFeatures)}. */
    public ModelService model() {
        return model;
    }

    public ProductionStore productions() {
        return productions;
    }

    @Override
    public void close() {
        server.stop();
        offloads.close();
        db.close();
    }
}
