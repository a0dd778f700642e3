package dev.kigo.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats Kigo exports to, by the name the command line takes. */
public enum ExportFormat {
    TEXT("txt"),
    MARKDOWN("md"),
    PDF("pdf");

    private final String name;

    ExportFormat(String name) {
        this.name = name;
    }

    public String cliName() {
        return name;
    }

    /** Parses "txt", "md" or "pdf" (any case). */
    public static ExportFormat parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown export format \"" + name + "\"; use "
                        + Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")) + "."));
    }
}
