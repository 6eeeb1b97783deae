package io.setkeeper.ui.view;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Text columns and label / value tables for the screens. */
final class Tables {
    private Tables() {
    }

    static <R> TableColumn<R, String> column(String name, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A two-column "label · value" table without a header, the value column taking the rest of the width. */
    static TableView<io.setkeeper.ui.viewmodel.DetailLine> lines(String id,
            javafx.collections.ObservableList<io.setkeeper.ui.viewmodel.DetailLine> items, String placeholder) {
        TableView<io.setkeeper.ui.viewmodel.DetailLine> t = new TableView<>(items);
        t.setId(id);
        t.getStyleClass().add("lines");
        t.setPlaceholder(new javafx.scene.control.Label(placeholder));
        t.getColumns().add(column("", io.setkeeper.ui.viewmodel.DetailLine::label, 190));
        t.getColumns().add(column("", io.setkeeper.ui.viewmodel.DetailLine::value, 330));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }
}
