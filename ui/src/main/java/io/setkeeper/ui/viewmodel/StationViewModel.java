package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Feature;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The whole station: the connection and every screen's view model, the large-type choice; when the connection
 * or production changes, every screen reloads.
 */
public final class StationViewModel {
    private final ConnectionViewModel connection;
    private final OffloadViewModel offload;
    private final DailiesViewModel dailies;
    private final List<FeatureViewModel> upcoming;
    private final BooleanProperty largeType = new SimpleBooleanProperty(false);

    public StationViewModel(Async async) {
        this.connection = new ConnectionViewModel(async);
        this.offload = new OffloadViewModel(connection, async);
        this.dailies = new DailiesViewModel(connection, async);
        this.upcoming = Arrays.stream(Feature.values()).map(f -> new FeatureViewModel(f, connection, async)).toList();
        connection.production().addListener((o, a, b) -> refreshAll());
        connection.client().addListener((o, a, b) -> refreshAll());
    }

    /** Reloads every screen from the appliance. */
    public void refreshAll() {
        offload.refresh();
        dailies.refresh();
        upcoming.forEach(FeatureViewModel::check);
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public OffloadViewModel offload() {
        return offload;
    }

    public DailiesViewModel dailies() {
        return dailies;
    }

    public List<FeatureViewModel> upcoming() {
        return upcoming;
    }

    public BooleanProperty largeType() {
        return largeType;
    }
}
