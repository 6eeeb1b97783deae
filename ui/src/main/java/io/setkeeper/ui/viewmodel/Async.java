package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs the client's blocking calls off the UI thread and hands results back on it. The station passes
 * {@code Platform::runLater} as the UI executor; tests without a screen pass {@code Runnable::run}.
 */
public final class Async implements AutoCloseable {
    /** A blocking call to the appliance. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws ApiException;
    }

    private final java.util.concurrent.Executor ui;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "station-worker");
        t.setDaemon(true);
        return t;
    });

    public Async(java.util.concurrent.Executor ui) {
        this.ui = ui;
    }

    /** For tests without a screen: results are applied on the worker thread. */
    public static Async direct() {
        return new Async(Runnable::run);
    }

    /**
     * Runs {@code work} on a worker, then {@code done} or {@code failed} on the UI thread. The returned future
     * completes after that UI step ran (tests wait on it).
     */
    public <T> CompletableFuture<Void> run(Work<T> work, Consumer<T> done, Consumer<ApiException> failed) {
        CompletableFuture<Void> after = new CompletableFuture<>();
        workers.execute(() -> {
            Runnable step;
            try {
                T value = work.call();
                step = () -> done.accept(value);
            } catch (ApiException e) {
                step = () -> failed.accept(e);
            } catch (RuntimeException e) {
                ApiException wrapped = new ApiException(0, "The station could not read the appliance's answer: "
                        + e.getMessage(), e);
                step = () -> failed.accept(wrapped);
            }
            Runnable s = step;
            ui.execute(() -> {
                try {
                    s.run();
                    after.complete(null);
                } catch (RuntimeException e) {
                    after.completeExceptionally(e);
                }
            });
        });
        return after;
    }

    /** Runs a step on the UI thread (progress from a worker). */
    public void onUi(Runnable step) {
        ui.execute(step);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
