package dev.kigo.ui.viewmodel;

import dev.kigo.ui.settings.GenerationMode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/** What the generation panel asks of the editor's run: new poems from keywords or a continuation, and Keep to the form. */
public record GenerationInputs(ObjectProperty<GenerationMode> mode, StringProperty keywords, BooleanProperty keepForm) {
}
