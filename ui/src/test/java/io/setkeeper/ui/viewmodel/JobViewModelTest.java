package io.setkeeper.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.client.OffloadJob;
import io.setkeeper.ui.client.OffloadReport;
import io.setkeeper.ui.client.Progress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A job's screen state from progress events, the finished job and its report (values as the API gives them). */
class JobViewModelTest {
    private static OffloadJob job(String state, Optional<String> error, OffloadJob.Destination... dests) {
        return new OffloadJob("j1", "signing-room", "A001", "/media/A001", "xxh64", state, List.of(dests), error,
                Optional.empty());
    }

    private static final OffloadJob.Destination RAID = new OffloadJob.Destination(0, "/raid/A001", "ACTIVE",
            Optional.empty(), Optional.empty());

    @Test
    void progressShowsPhaseFilesRateAndTimeLeft() {
        JobViewModel vm = new JobViewModel(job("COPYING", Optional.empty(), RAID));
        vm.apply(new Progress("j1", "COPYING", 3, 7, 4_239_455, 8_478_910, 0.5, 412_000_000,
                "A001R1AB/A001C002_261122_R1AB.mov", OptionalLong.of(75)));
        assertEquals(0.25, vm.fraction().get(), 1e-9);
        assertEquals("Copying: 3 of 7 files, 4.2 MB of 8.5 MB", vm.status().get());
        assertEquals("412 MB/s", vm.rate().get());
        assertEquals("1:15 left", vm.eta().get());
        assertEquals("A001R1AB/A001C002_261122_R1AB.mov", vm.currentFile().get());
        assertEquals("/raid/A001   copying", vm.destinations().get());
    }

    @Test
    void aFailedJobSaysWhyPerDestinationAndLateProgressIsIgnored() {
        JobViewModel vm = new JobViewModel(job("COPYING", Optional.empty(), RAID));
        OffloadJob failed = job("FAILED", Optional.empty(), new OffloadJob.Destination(0, "/raid/A001", "FAILED",
                Optional.empty(), Optional.of("no space left on device")));
        vm.apply(failed);
        vm.apply(new Progress("j1", "VERIFYING", 1, 7, 1, 2, 0.5, 1, "x", OptionalLong.empty()));
        assertEquals("Failed", vm.status().get());
        assertEquals("/raid/A001: no space left on device", vm.error().get());
        assertTrue(vm.finished().get());
        vm.apply(new OffloadReport(failed, 2, 1, 1, 2_000_000, List.of(
                new OffloadReport.FileLine("a.mov", 1_000_000, "VERIFIED", Optional.of("ab"), Optional.empty()),
                new OffloadReport.FileLine("b.mov", 1_000_000, "FAILED", Optional.empty(),
                        Optional.of("copy differs from the card")))));
        assertEquals("1 of 2 files verified, 1 failed: b.mov (copy differs from the card)",
                vm.verification().get());
    }

    @Test
    void doneIsFullAndSealedDestinationsNameTheirGeneration() {
        JobViewModel vm = new JobViewModel(job("DONE", Optional.empty(), new OffloadJob.Destination(0,
                "/raid/A001", "SEALED", Optional.of(2), Optional.empty())));
        assertEquals(1.0, vm.fraction().get(), 1e-9);
        assertEquals("Done: every copy verified", vm.status().get());
        assertEquals("/raid/A001   sealed, ASC MHL generation 2", vm.destinations().get());
    }
}
