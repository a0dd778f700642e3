package dev.kigo.ui.view;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StyleRangesTest {

    private static List<String> describe(StyleSpans<Collection<String>> spans) {
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : spans) {
            out.add(span.getLength() + ":" + String.join("+", span.getStyle()));
        }
        return out;
    }

    @Test
    void overlappingRangesKeepBothClassesWhereTheyMeet() {
        var spans = StyleRanges.spans(20, List.of(
                new StyleRanges.Range(5, 15, "generated"),
                new StyleRanges.Range(10, 12, "estimated")));
        assertEquals(List.of("5:", "5:generated", "2:estimated+generated", "3:generated", "5:"), describe(spans));
    }

    @Test
    void rangesBeyondTheTextAreClipped() {
        var spans = StyleRanges.spans(4, List.of(new StyleRanges.Range(2, 99, "generated")));
        assertEquals(List.of("2:", "2:generated"), describe(spans));
        assertEquals(4, spans.length());
    }

    @Test
    void emptyTextGivesOneEmptySpan() {
        assertEquals(0, StyleRanges.spans(0, List.of()).length());
    }
}
