package io.setkeeper.ui;

import io.setkeeper.ui.view.StationView;
import io.setkeeper.ui.viewmodel.Async;
import io.setkeeper.ui.viewmodel.StationViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: wires the station's view model and view, connects if told to at launch. */
public final class StationApp extends Application {
    private Async async;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        async = new Async(Platform::runLater);
        StationViewModel vm = new StationViewModel(async);
        vm.largeType().set(options.large());
        vm.coverage().browser().set(getHostServices()::showDocument);
        StationView view = new StationView(vm);
        Scene scene = new Scene(view, 1280, 800);
        view.installShortcuts(scene, vm);
        stage.setTitle("Setkeeper station");
        stage.setScene(scene);
        stage.show();
        options.appliance().ifPresent(a -> {
            vm.connection().address().set(a);
            vm.connection().token().set(options.token());
            vm.connection().connect();
        });
    }

    @Override
    public void stop() {
        if (async != null) {
            async.close();
        }
    }
}
