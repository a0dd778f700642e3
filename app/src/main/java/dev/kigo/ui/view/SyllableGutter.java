package dev.kigo.ui.view;

import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.Verdict;
import dev.kigo.prosody.WordResult;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import dev.kigo.ui.viewmodel.ProsodyViewModel.CheckedText;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The paragraph graphic beside each editor line: its syllables against the form's target ("5/5 ✓",
 * "6/5 ▲+1", "4/5 ▼−1"). A line that breaks the form gets a colour and a symbol, never colour alone; hovering
 * shows each word's count and where it came from.
 */
final class SyllableGutter implements IntFunction<Node> {

    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");
    static final PseudoClass ESTIMATED = PseudoClass.getPseudoClass("estimated");
    /** A line the model learned word for word: a quiet underline, explained on hover. */
    static final PseudoClass SEEN = PseudoClass.getPseudoClass("seen");
    static final String SEEN_TEXT = "Seen in training: the model learned this line word for word.";

    private final ProsodyViewModel prosody;

    SyllableGutter(ProsodyViewModel prosody) {
        this.prosody = prosody;
    }

    @Override
    public Node apply(int paragraph) {
        GutterMark mark = new GutterMark();
        // Every new check reaches every visible mark; a mark changes (and costs a layout) only if its line did.
        InvalidationListener update = ignore -> show(mark, linesOf(paragraph));
        prosody.checkedProperty().addListener(new WeakInvalidationListener(update));
        prosody.learnedLinesProperty().addListener(new WeakInvalidationListener(update));
        mark.setUserData(update); // the listener lives as long as the mark, which the editor drops when scrolled away
        show(mark, linesOf(paragraph));
        // The tooltip is made on first hover and filled on each: graphics are recreated whenever their line
        // changes, often while the model streams, and a Tooltip per line per change is needless work.
        mark.setOnMouseEntered(e -> {
            String explanation = explanation(linesOf(paragraph), prosody::isLearned);
            if (explanation.isEmpty()) {
                return;
            }
            if (mark.tooltip() == null) {
                Tooltip tooltip = new Tooltip();
                tooltip.setShowDelay(Duration.millis(250));
                tooltip.setShowDuration(Duration.seconds(30));
                tooltip.getStyleClass().add("syllable-tooltip");
                mark.installTooltip(tooltip);
            }
            mark.tooltip().setText(explanation);
        });
        return mark;
    }

    private List<LineResult> linesOf(int paragraph) {
        CheckedText checked = prosody.checkedProperty().get();
        return checked == null ? List.of() : checked.linesOfParagraph(paragraph);
    }

    private void show(GutterMark mark, List<LineResult> lines) {
        show(mark, lines, prosody::isLearned);
    }

    /** Shows {@code lines} (one paragraph's, or one line of a comparison's column) on {@code mark}. */
    static void show(GutterMark mark, List<LineResult> lines, Predicate<LineResult> learned) {
        String text = gutterText(lines);
        if (!text.equals(mark.getText())) {
            mark.textProperty().set(text);
        }
        restyle(mark, lines);
        mark.pseudoClassStateChanged(SEEN, lines.stream().anyMatch(learned));
    }

    /** The hover text for the lines of one paragraph; empty when nothing is measured. */
    static String explanation(List<LineResult> lines, Predicate<LineResult> learned) {
        return lines.stream().filter(l -> l.verdict() != Verdict.BLANK)
                .map(l -> learned.test(l) ? SEEN_TEXT + "\n" + explain(l) : explain(l))
                .collect(Collectors.joining("\n\n"));
    }

    private static void restyle(GutterMark mark, List<LineResult> lines) {
        boolean measured = lines.stream().anyMatch(l -> l.verdict() != Verdict.BLANK);
        boolean broken = lines.stream().anyMatch(l -> l.verdict() == Verdict.SHORT || l.verdict() == Verdict.LONG
                || l.verdict() == Verdict.EXTRA);
        mark.pseudoClassStateChanged(BROKEN, broken);
        mark.pseudoClassStateChanged(OK, measured && !broken && lines.stream().anyMatch(l -> l.verdict() == Verdict.OK));
        mark.pseudoClassStateChanged(ESTIMATED, lines.stream().anyMatch(LineResult::hasEstimates));
    }

    /**
     * One row per line of the paragraph (a paragraph holds several when the poet writes " / " in it): side by side
     * they would run past the gutter over the poem.
     */
    static String gutterText(List<LineResult> lines) {
        return lines.stream().filter(l -> l.verdict() != Verdict.BLANK).map(LineResult::mark)
                .collect(Collectors.joining("\n"));
    }

    /** The hover text of a line: verdict, then one row per word with its count and source. */
    static String explain(LineResult line) {
        StringBuilder text = new StringBuilder();
        text.append(switch (line.verdict()) {
            case OK -> "Fits: " + line.syllables() + " of " + line.target().getAsInt() + " syllables.";
            case LONG -> "Too long: " + line.syllables() + " syllables, the form asks for " + line.target().getAsInt() + ".";
            case SHORT -> "Too short: " + line.syllables() + " syllables, the form asks for " + line.target().getAsInt() + ".";
            case EXTRA -> "An extra line: the form has no line here (" + line.syllables() + " syllables).";
            case UNCHECKED -> line.syllables() + " syllables.";
            case BLANK -> "";
        });
        if (line.isAmbiguous()) {
            text.append(" Readings range from ").append(line.range().min()).append(" to ").append(line.range().max()).append('.');
        }
        for (WordResult word : line.words()) {
            text.append('\n').append(word.text()).append("  ").append(word.chosen())
                    .append(word.range().isExact() ? "" : " (" + word.range().min() + "–" + word.range().max() + ")")
                    .append("  ").append(sourceText(word));
        }
        return text.toString();
    }

    static String sourceText(WordResult word) {
        String source = word.source().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String derivation = word.count().derivation();
        return derivation == null || derivation.isBlank() || derivation.equalsIgnoreCase(source)
                ? source : source + ": " + derivation;
    }
}
