package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.Decider;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The decision controls of the fixes and flags screens: the reason, approve / reject / accept as creative intent
 * (Alt+A, Alt+R, Alt+I), off while {@code enabled} is false, and a line saying why or who decides.
 */
final class DecisionBar extends VBox {
    /** {@code id} prefixes the controls' ids: {@code <id>Reason}, {@code <id>Approve}, {@code <id>Hint}, … */
    DecisionBar(String id, Decider decider, BooleanExpression enabled, ObservableStringValue hint,
                Consumer<String> decide) {
        super(8);
        TextField reason = new TextField();
        reason.setId(id + "Reason");
        reason.setPromptText("reason (goes into the audit log), e.g. matches 5A and 5B");
        reason.textProperty().bindBidirectional(decider.reason());
        Label reasonLabel = new Label("_Why");
        reasonLabel.setMnemonicParsing(true);
        reasonLabel.setLabelFor(reason);
        HBox buttons = new HBox(10, button("_Approve", id + "Approve", Decider.APPROVE, enabled, decide),
                button("_Reject", id + "Reject", Decider.REJECT, enabled, decide),
                button("Accept as _intent", id + "AcceptAsIntent", Decider.ACCEPT_AS_INTENT, enabled, decide));
        Label why = new Label();
        why.setId(id + "Hint");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        why.textProperty().bind(hint);
        getChildren().addAll(reasonLabel, reason, buttons, why);
    }

    private static Button button(String text, String id, String decision, BooleanExpression enabled,
                                 Consumer<String> decide) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> decide.accept(decision));
        return b;
    }
}
