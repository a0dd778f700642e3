package dev.kigo.export;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;

/**
 * One piece to export: a title (may be empty) and its lines. Text is NFC-normalised, so "o" followed by a
 * combining macron and a precomposed "ō" export alike.
 */
public record ExportItem(String title, String text) {

    public ExportItem {
        title = Normalizer.normalize(Objects.requireNonNullElse(title, "").strip(), Normalizer.Form.NFC);
        text = Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }
}
