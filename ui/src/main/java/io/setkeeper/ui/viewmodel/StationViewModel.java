package io.setkeeper.ui.viewmodel;

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
    private final FlagsViewModel flags;
    private final CoverageViewModel coverage;
    private final FixesViewModel fixes;
    private final ModelSyncViewModel modelSync;
    private final BooleanProperty largeType = new SimpleBooleanProperty(false);

    public StationViewModel(Async async) {
        this.connection = new ConnectionViewModel(async);
        this.offload = new OffloadViewModel(connection, async);
        this.dailies = new DailiesViewModel(connection, async);
        this.flags = new FlagsViewModel(connection, async);
        this.coverage = new CoverageViewModel(connection, async);
        this.fixes = new FixesViewModel(connection, async);
        this.modelSync = new ModelSyncViewModel(connection, async);
        connection.production().addListener((o, a, b) -> refreshAll());
        connection.client().addListener((o, a, b) -> refreshAll());
    }

    /** Reloads every screen from the appliance. */
    public void refreshAll() {
        offload.refresh();
        dailies.refresh();
        flags.refresh();
        coverage.refresh();
        fixes.refresh();
        modelSync.refresh();
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

    public FlagsViewModel flags() {
        return flags;
    }

    public CoverageViewModel coverage() {
        return coverage;
    }

    public FixesViewModel fixes() {
        return fixes;
    }

    public ModelSyncViewModel modelSync() {
        return modelSync;
    }

    public BooleanProperty largeType() {
        return largeType;
    }
}
