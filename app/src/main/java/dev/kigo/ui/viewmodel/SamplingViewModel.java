package dev.kigo.ui.viewmodel;

import dev.kigo.generate.SamplingSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The sampling panel's state: one text per field as typed, one message per field when it is not valid, and
 * the settings record they make when all are valid. Text fields bind to {@link #text}; the record only changes
 * when every field is valid, so a half-typed "0." never reaches the model.
 */
public final class SamplingViewModel {

    // Properties
    private final Map<SamplingField, StringProperty> texts = new EnumMap<>(SamplingField.class);
    private final Map<SamplingField, ReadOnlyStringWrapper> errors = new EnumMap<>(SamplingField.class);
    private final ReadOnlyObjectWrapper<SamplingSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper firstError = new ReadOnlyStringWrapper("");
    private final BooleanProperty seedLocked = new SimpleBooleanProperty();

    private final RandomGenerator random;
    private boolean applying;

    public SamplingViewModel(SamplingSettings initial, RandomGenerator random) {
        this.random = random;
        this.settings.set(initial);
        for (SamplingField field : SamplingField.values()) {
            StringProperty text = new SimpleStringProperty(field.format(initial));
            texts.put(field, text);
            errors.put(field, new ReadOnlyStringWrapper(""));
            text.addListener((obs, old, now) -> {
                if (!applying) {
                    revalidate();
                }
            });
        }
    }

    public StringProperty text(SamplingField field) {
        return texts.get(field);
    }

    /** Empty when the field's text is valid, else the sentence to show beside it. */
    public ReadOnlyStringProperty error(SamplingField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The last valid settings; unchanged while any field is invalid. */
    public ReadOnlyObjectProperty<SamplingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public SamplingSettings getSettings() {
        return settings.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyStringProperty firstErrorProperty() {
        return firstError.getReadOnlyProperty();
    }

    /**
     * Whether every run uses the seed in the field. Unlocked, each run draws a new one, so pressing Generate again
     * writes a new poem; locked, the poet can change one setting and hear what it alone does.
     */
    public BooleanProperty seedLockedProperty() {
        return seedLocked;
    }

    // Commands

    /** Shows {@code newSettings} in every field (a preset, a restored session, a reproduced piece). */
    public void apply(SamplingSettings newSettings) {
        applying = true;
        try {
            for (SamplingField field : SamplingField.values()) {
                texts.get(field).set(field.format(newSettings));
            }
        } finally {
            applying = false;
        }
        settings.set(newSettings);
        revalidate();
    }

    /** Applies everything but the seed, which stays the poet's. */
    public void applyKeepingSeed(SamplingSettings newSettings) {
        SamplingSettings current = settings.get();
        apply(newSettings.withSeed(current.seed()));
    }

    /** The dice button: a fresh non-negative seed that fits comfortably in a text field. */
    public void rollSeed() {
        texts.get(SamplingField.SEED).set(Long.toString(random.nextLong(1_000_000_000L)));
    }

    /** Before a run: a fresh seed, unless the poet locked the one in the field. */
    public void rollSeedUnlessLocked() {
        if (!seedLocked.get()) {
            rollSeed();
        }
    }

    private void revalidate() {
        SamplingSettings base = settings.get();
        SamplingSettings combined = base;
        String first = "";
        for (SamplingField field : SamplingField.values()) {
            String text = texts.get(field).get();
            String message = "";
            try {
                // Checked on its own against the last valid settings, so each message belongs to its field.
                field.apply(base, text);
                combined = field.apply(combined, text);
            } catch (IllegalArgumentException e) {
                message = e.getMessage();
                if (first.isEmpty()) {
                    first = message;
                }
            }
            errors.get(field).set(message);
        }
        firstError.set(first);
        valid.set(first.isEmpty());
        if (first.isEmpty()) {
            settings.set(combined);
        }
    }
}
