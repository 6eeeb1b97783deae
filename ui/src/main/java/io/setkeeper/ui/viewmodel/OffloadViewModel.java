package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApiException;
import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.OffloadJob;
import io.setkeeper.ui.client.OffloadStart;
import io.setkeeper.ui.client.StartedOffload;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cards and offload screen: start an offload (card folder, destinations, optional card label and checksum),
 * the production's jobs newest first, each followed live over the appliance's progress stream until it finishes,
 * then its report.
 */
public final class OffloadViewModel {
    /** Checksums the appliance offers (its ingest.hash algorithms). */
    /** How often a dropped progress stream is reopened before the job shows the error. */
    static final int RECONNECTS = 8;

    public static final List<String> ALGORITHMS = List.of("xxh64", "xxh3", "xxh128", "md5", "sha1", "c4");

    private final ConnectionViewModel connection;
    private final Async async;
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty destinations = new SimpleStringProperty("");
    private final StringProperty card = new SimpleStringProperty("");
    private final StringProperty algorithm = new SimpleStringProperty("xxh64");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<JobViewModel> jobs = FXCollections.observableArrayList();
    private final Set<String> following = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, CompletableFuture<Void>> finishedJobs = new ConcurrentHashMap<>();

    public OffloadViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
    }

    /** Starts the offload described by the form; the new job is followed live. */
    public CompletableFuture<Void> start() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (c.isEmpty()) {
            message.set("Connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        OffloadStart request;
        try {
            request = new OffloadStart(source.get().strip(), Formats.destinations(destinations.get()),
                    Optional.of(card.get().strip()).filter(s -> !s.isEmpty()), Optional.ofNullable(algorithm.get()),
                    connection.productionId());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        message.set("Starting the offload of " + request.source() + "…");
        return async.run(() -> c.get().start(request), (StartedOffload s) -> {
            JobViewModel vm = upsert(s.job());
            message.set(s.repeat() ? "Card " + s.job().cardLabel()
                    + " was already sent to these destinations: nothing is copied twice."
                    : "Offloading card " + s.job().cardLabel() + ".");
            follow(c.get(), vm, s.job());
        }, e -> message.set(e.getMessage()));
    }

    /** Lists the production's jobs and follows the ones still running. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        Optional<String> production = connection.productionId();
        if (c.isEmpty() || production.isEmpty()) {
            jobs.clear();
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().offloads(production.get()), list -> {
            Set<String> ids = new HashSet<>();
            for (OffloadJob j : list) {
                ids.add(j.id());
                follow(c.get(), upsert(j), j);
            }
            jobs.removeIf(vm -> !ids.contains(vm.id()));
            jobs.sort(java.util.Comparator.comparingInt(vm -> list.stream().map(OffloadJob::id).toList()
                    .indexOf(vm.id())));
        }, e -> message.set(e.getMessage()));
    }

    /** Completes when the job has finished and its report is shown (for tests and the status line). */
    public CompletableFuture<Void> whenFinished(String jobId) {
        return finishedJobs.computeIfAbsent(jobId, k -> new CompletableFuture<>());
    }

    private JobViewModel upsert(OffloadJob job) {
        for (JobViewModel vm : jobs) {
            if (vm.id().equals(job.id())) {
                vm.apply(job);
                return vm;
            }
        }
        JobViewModel vm = new JobViewModel(job);
        jobs.addFirst(vm);
        return vm;
    }

    private void follow(ApplianceClient c, JobViewModel vm, OffloadJob job) {
        if (!following.add(job.id())) {
            return;
        }
        async.run(() -> job.finished() ? job : followUntilFinished(c, vm, job.id()), vm::apply,
                        e -> vm.lost(e.getMessage()))
                .thenCompose(v -> async.run(() -> c.report(job.id()), vm::apply, e -> vm.lost(e.getMessage())))
                .whenComplete((v, t) -> whenFinished(job.id()).complete(null));
    }

    /**
     * Follows the progress stream; when the connection drops (the appliance restarts, the network blips) it says
     * so on the job and reconnects, up to {@link #RECONNECTS} times with a growing pause. The appliance resumes an
     * interrupted offload itself and its stream starts with the last progress, so nothing is missed.
     */
    private OffloadJob followUntilFinished(ApplianceClient c, JobViewModel vm, String id) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return c.follow(id, p -> async.onUi(() -> vm.apply(p)));
            } catch (ApiException e) {
                if (e.status() != 0 || attempt > RECONNECTS) {
                    throw e;
                }
                String why = e.getMessage() + " Reconnecting (" + attempt + " of " + RECONNECTS + ")…";
                async.onUi(() -> vm.lost(why));
                pause(attempt);
                try {
                    OffloadJob now = c.offload(id);
                    if (now.finished()) {
                        return now;
                    }
                } catch (ApiException stillDown) {
                    // the next follow attempt reports it
                }
            }
        }
    }

    private static void pause(int attempt) throws ApiException {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Stopped following the offload.", e);
        }
    }

    public StringProperty source() {
        return source;
    }

    public StringProperty destinations() {
        return destinations;
    }

    public StringProperty card() {
        return card;
    }

    public StringProperty algorithm() {
        return algorithm;
    }

    public StringProperty message() {
        return message;
    }

    public ObservableList<JobViewModel> jobs() {
        return jobs;
    }
}
