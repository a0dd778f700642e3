package dev.kigo.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** One spelling per tag: trimmed, inner spaces collapsed, a leading '#' dropped, duplicates (any case) removed. */
final class Tags {
    private Tags() { }

    static List<String> normalise(Collection<String> tags) {
        List<String> result = new ArrayList<>();
        if (tags == null) {
            return List.of();
        }
        for (String tag : tags) {
            String clean = normalise(tag);
            boolean seen = result.stream().anyMatch(existing -> existing.equalsIgnoreCase(clean));
            if (!clean.isEmpty() && !seen) {
                result.add(clean);
            }
        }
        return List.copyOf(result);
    }

    static String normalise(String tag) {
        String clean = tag == null ? "" : tag.strip().replaceAll("\\s+", " ");
        while (clean.startsWith("#")) {
            clean = clean.substring(1).strip();
        }
        return clean;
    }

    static String key(String tag) {
        return normalise(tag).toLowerCase(Locale.ROOT);
    }
}
