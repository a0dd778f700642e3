package dev.kigo.ui.view;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.kigo.ui.viewmodel.StudioViewModel;

/** A dismissable banner above the editor with one readable sentence; hidden when there is nothing to say. */
public final class ErrorBanner extends Message {

    public ErrorBanner(StudioViewModel model) {
        super("Something needs your attention", "");
        setId("error-banner");
        getStyleClass().add(Styles.DANGER);
        descriptionProperty().bind(model.errorMessageProperty());
        visibleProperty().bind(model.errorMessageProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        setOnClose(e -> model.dismissError());
    }
}
