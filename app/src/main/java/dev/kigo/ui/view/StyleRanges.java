package dev.kigo.ui.view;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges possibly overlapping style-class ranges (generated text, estimated words, ...) into the
 * non-overlapping spans RichTextFX wants, so one kind of styling never wipes out another.
 */
final class StyleRanges {
    private StyleRanges() { }

    /** A style class over [start, end) of the text. */
    record Range(int start, int end, String styleClass) { }

    static StyleSpans<Collection<String>> spans(int textLength, List<Range> ranges) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(textLength);
        List<Range> clipped = new ArrayList<>();
        for (Range range : ranges) {
            int start = Math.max(0, Math.min(textLength, range.start()));
            int end = Math.max(start, Math.min(textLength, range.end()));
            if (end > start) {
                clipped.add(new Range(start, end, range.styleClass()));
                cuts.add(start);
                cuts.add(end);
            }
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                Set<String> classes = new TreeSet<>();
                for (Range range : clipped) {
                    if (range.start() <= previous && range.end() >= cut) {
                        classes.add(range.styleClass());
                    }
                }
                builder.add(classes.isEmpty() ? List.of() : List.copyOf(classes), cut - previous);
            }
            previous = cut;
        }
        if (textLength == 0) {
            builder.add(List.of(), 0);
        }
        return builder.create();
    }
}
