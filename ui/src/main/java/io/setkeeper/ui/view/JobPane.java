package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.JobViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One offload job: card, progress bar, status with rate and time left, verification, destinations, error. */
final class JobPane extends VBox {
    JobPane(JobViewModel vm) {
        getStyleClass().add("job");
        setId("job-" + vm.id());
        setFocusTraversable(true);
        Label card = new Label();
        card.getStyleClass().add("subtitle");
        card.textProperty().bind(vm.card());
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("job-progress");
        bar.progressProperty().bind(vm.fraction());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label percent = new Label();
        percent.getStyleClass().add("job-percent");
        percent.textProperty().bind(Bindings.format("%.0f %%", vm.fraction().multiply(100)));
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox barLine = new HBox(10, bar, percent);
        Label status = new Label();
        status.getStyleClass().add("job-status");
        status.textProperty().bind(vm.status());
        Label rate = new Label();
        rate.textProperty().bind(vm.rate());
        Label eta = new Label();
        eta.textProperty().bind(vm.eta());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox statusLine = new HBox(16, status, gap, rate, eta);
        Label file = new Label();
        file.getStyleClass().add("muted");
        file.textProperty().bind(vm.currentFile());
        Label verification = new Label();
        verification.getStyleClass().addAll("ok", "job-verification");
        verification.textProperty().bind(vm.verification());
        Label dests = new Label();
        dests.getStyleClass().add("muted");
        dests.textProperty().bind(vm.destinations());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.error());
        error.managedProperty().bind(vm.error().isNotEmpty());
        error.visibleProperty().bind(vm.error().isNotEmpty());
        getChildren().addAll(card, barLine, statusLine, file, verification, dests, error);
    }
}
