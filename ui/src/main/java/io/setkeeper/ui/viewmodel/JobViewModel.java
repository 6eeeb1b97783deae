package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.OffloadJob;
import io.setkeeper.ui.client.OffloadReport;
import io.setkeeper.ui.client.Progress;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One offload job on the Cards screen: its state and live progress (overall fraction, files, rate, time left,
 * current file), verification result, destinations with their ASC MHL generation, and errors in words.
 */
public final class JobViewModel {
    private final String id;
    private final StringProperty card = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("");
    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty rate = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty currentFile = new SimpleStringProperty("");
    private final StringProperty verification = new SimpleStringProperty("Not verified yet");
    private final StringProperty destinations = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private boolean lostStream;

    public JobViewModel(OffloadJob job) {
        this.id = job.id();
        apply(job);
    }

    /** Takes the job as the appliance reports it (listing, start, or the {@code finished} event). */
    public void apply(OffloadJob job) {
        card.set(job.cardLabel() + "  ←  " + job.source());
        state.set(job.state());
        destinations.set(job.destinations().stream().map(d -> d.path() + "   " + destinationWords(d))
                .collect(Collectors.joining("\n")));
        job.progress().ifPresent(this::apply);
        finished.set(job.finished());
        if (job.state().equals("DONE")) {
            fraction.set(1.0);
            status.set("Done: every copy verified");
            rate.set("");
            eta.set("");
            currentFile.set("");
        } else if (job.state().equals("FAILED")) {
            status.set("Failed");
            eta.set("");
        } else if (job.progress().isEmpty()) {
            status.set(Formats.phase(job.state()));
        }
        String why = job.error().orElse(job.destinations().stream().flatMap(d -> d.error().stream()
                .map(e -> d.path() + ": " + e)).collect(Collectors.joining("\n")));
        error.set(why);
    }

    /** Takes one {@code progress} event. */
    public void apply(Progress p) {
        if (finished.get()) {
            return;
        }
        if (lostStream) {
            lostStream = false;
            error.set("");
        }
        state.set(p.phase());
        fraction.set(Formats.overall(p.phase(), p.fraction()));
        status.set(String.format(Locale.ROOT, "%s: %d of %d files, %s of %s", Formats.phase(p.phase()),
                p.filesDone(), p.filesTotal(), Formats.bytes(p.bytesDone()), Formats.bytes(p.bytesTotal())));
        rate.set(Formats.rate(p.bytesPerSecond()));
        eta.set(Formats.eta(p.etaSeconds()));
        currentFile.set(p.currentFile());
    }

    /** Takes the job's report once it finished. */
    public void apply(OffloadReport r) {
        apply(r.job());
        verification.set(r.failed() == 0 && r.verified() == r.files()
                ? "Verified: " + r.verified() + " of " + r.files() + " files (" + Formats.bytes(r.bytes()) + ")"
                : r.verified() + " of " + r.files() + " files verified, " + r.failed() + " failed: "
                + r.lines().stream().filter(l -> l.state().equals("FAILED"))
                .map(l -> l.path() + l.error().map(e -> " (" + e + ")").orElse(""))
                .collect(Collectors.joining(", ")));
    }

    /** The follow stream broke: say so (the job goes on on the appliance). */
    public void lost(String why) {
        if (!finished.get()) {
            error.set(why);
            lostStream = true;
        }
    }

    private static String destinationWords(OffloadJob.Destination d) {
        return switch (d.state()) {
            case "SEALED" -> "sealed" + d.mhlGeneration().map(g -> ", ASC MHL generation " + g).orElse("");
            case "FAILED" -> "failed";
            case "ACTIVE" -> "copying";
            default -> d.state().toLowerCase(Locale.ROOT);
        };
    }

    public String id() {
        return id;
    }

    public StringProperty card() {
        return card;
    }

    public StringProperty state() {
        return state;
    }

    public DoubleProperty fraction() {
        return fraction;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty rate() {
        return rate;
    }

    public StringProperty eta() {
        return eta;
    }

    public StringProperty currentFile() {
        return currentFile;
    }

    public StringProperty verification() {
        return verification;
    }

    public StringProperty destinations() {
        return destinations;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty finished() {
        return finished;
    }
}
