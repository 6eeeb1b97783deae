package io.setkeeper.ui.view;

import io.setkeeper.ui.client.Production;
import io.setkeeper.ui.viewmodel.ConnectionState;
import io.setkeeper.ui.viewmodel.ConnectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Connect screen: address, token, connect button, state, production chooser. */
public final class ConnectView extends VBox {
    public ConnectView(ConnectionViewModel vm) {
        setSpacing(14);
        setPadding(new Insets(24));
        Label title = new Label("Connect to an appliance");
        title.getStyleClass().add("title");

        TextField address = new TextField();
        address.setId("address");
        address.setPromptText("cart.local:8080");
        address.textProperty().bindBidirectional(vm.address());
        PasswordField token = new PasswordField();
        token.setId("token");
        token.setPromptText("your user token");
        token.textProperty().bindBidirectional(vm.token());
        Button connect = new Button("_Connect");
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> vm.connect());
        connect.disableProperty().bind(vm.state().isEqualTo(ConnectionState.CONNECTING));
        Button disconnect = new Button("_Disconnect");
        disconnect.setOnAction(e -> vm.disconnect());
        disconnect.disableProperty().bind(vm.client().isNull());

        Label state = new Label();
        state.setId("connectionState");
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.state().get().words(), vm.state()));
        vm.state().addListener((o, a, b) -> styleState(state, b));
        styleState(state, vm.state().get());

        ComboBox<Production> production = new ComboBox<>(vm.productions());
        production.setId("production");
        production.valueProperty().bindBidirectional(vm.production());
        production.setCellFactory(l -> new ProductionCell());
        production.setButtonCell(new ProductionCell());
        production.disableProperty().bind(vm.client().isNull());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, label("_Appliance", address), address);
        form.addRow(1, label("_Token", token), token);
        form.addRow(2, new Label(""), new HBox(10, connect, disconnect));
        form.addRow(3, new Label("State"), state);
        form.addRow(4, label("_Production", production), production);
        address.setPrefColumnCount(28);

        Label message = new Label();
        message.setId("connectMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        Label keys = new Label("Keys: Ctrl+1…7 switch screens · Ctrl+L large type · F5 reload · Alt+letter "
                + "for underlined buttons");
        keys.getStyleClass().add("key-hint");
        getChildren().addAll(title, form, message, keys);
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private static void styleState(Label l, ConnectionState s) {
        l.getStyleClass().removeIf(c -> c.startsWith("state-"));
        l.getStyleClass().add("state-" + s.name());
    }

    private static final class ProductionCell extends ListCell<Production> {
        @Override
        protected void updateItem(Production p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? "" : p.name().equals(p.id()) ? p.name() : p.name() + "  (" + p.id() + ")");
        }
    }
}
