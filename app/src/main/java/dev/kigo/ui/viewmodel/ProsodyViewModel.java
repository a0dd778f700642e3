package dev.kigo.ui.viewmodel;

import dev.kigo.generate.CopyGuard;

import dev.kigo.model.TrainingLines;


import javafx.beans.property.SimpleObjectProperty;

import dev.kigo.prosody.CraftCheck;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.PronouncingDictionary;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.UserDictionary;
import dev.kigo.prosody.WordResult;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.stores.UserWordStore;
import dev.kigo.ui.settings.FormChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Syllable counts for the editor: loads the dictionary in the background, checks the text against the chosen
 * form, and keeps the poet's user dictionary. Short texts are checked on the calling (FX) thread, which takes
 * microseconds; long pastes go to the background and stale results are dropped, so typing never waits.
 */
public final class ProsodyViewModel {

    /** Above this many characters a check runs off the FX thread. */
    public static final int BACKGROUND_THRESHOLD = 2_000;

    /**
     * The checked lines of the exact text measured (so the view never applies offsets to other text), with
     * offsets into the whole text. Each stanza (lines between blank lines) is checked as its own poem: the
     * editor is a page of haiku, not one long poem.
     */
    public record CheckedText(String text, List<LineResult> lines, List<List<LineResult>> linesByParagraph,
                              List<StanzaCraft> stanzas) {

        /**
         * The stanza around {@code caret}; on a blank line, the stanza before it (the one just written), as
         * {@code PoemEditor.currentStanza} reads it; empty before the first stanza.
         */
        public Optional<StanzaCraft> stanzaAt(int caret) {
            StanzaCraft before = null;
            for (StanzaCraft stanza : stanzas) {
                if (caret >= stanza.start() && caret <= stanza.end()) {
                    return Optional.of(stanza);
                }
                if (stanza.end() < caret) {
                    before = stanza;
                }
            }
            return Optional.ofNullable(before);
        }

        public List<LineResult> linesOfParagraph(int paragraph) {
            return paragraph >= 0 && paragraph < linesByParagraph.size() ? linesByParagraph.get(paragraph) : List.of();
        }

        /** The word whose characters cover {@code offset} in the text, if any. */
        public Optional<WordAt> wordAt(int offset) {
            for (LineResult line : lines) {
                if (offset < line.start() || offset > line.end()) {
                    continue;
                }
                for (WordResult word : line.words()) {
                    if (offset >= line.start() + word.start() && offset < line.start() + word.end()) {
                        return Optional.of(new WordAt(line, word, line.start() + word.start(), line.start() + word.end()));
                    }
                }
            }
            return Optional.empty();
        }

        /** [start, end) of every word whose count is only an estimate. */
        public List<int[]> estimatedWordRanges() {
            List<int[]> ranges = new ArrayList<>();
            for (LineResult line : lines) {
                for (WordResult word : line.words()) {
                    if (word.isEstimate()) {
                        ranges.add(new int[] {line.start() + word.start(), line.start() + word.end()});
                    }
                }
            }
            return ranges;
        }
    }

    /** A stanza's craft (season words, cuts, rhymes; offsets relative to its lines) and its place in the text. */
    public record StanzaCraft(int start, int end, CraftCheck craft) { }

    /** A word of the text with its absolute offsets. */
    public record WordAt(LineResult line, WordResult word, int start, int end) { }

    // Properties
    private final ReadOnlyObjectWrapper<CheckedText> checked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Form> form = new ReadOnlyObjectWrapper<>(Form.HAIKU);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<CraftHints> craftHints = new ReadOnlyObjectWrapper<>(CraftHints.NONE);
    /** Lines the loaded model learned word for word (its training-line set); none without a model or a set. */
    private final ObjectProperty<TrainingLines> learnedLines = new SimpleObjectProperty<>(TrainingLines.NONE);
    private int caret;

    private final ObjectProperty<FormChoice> formChoice;
    private final StringProperty customPattern;
    private final FxExecutor executor;
    private final UserWordStore userWords;
    private final Consumer<String> reportProblem;
    private volatile Prosody prosody;
    private String latestText = "";
    /** Incremented per check request; a background result is applied only if it is still the newest. */
    private long latestRequest;

    public ProsodyViewModel(ObjectProperty<FormChoice> formChoice, StringProperty customPattern, FxExecutor executor,
                            UserWordStore userWords, Consumer<String> reportProblem) {
        this.formChoice = formChoice;
        this.customPattern = customPattern;
        this.executor = executor;
        this.userWords = userWords;
        this.reportProblem = reportProblem;
        checked.addListener((obs, old, now) -> updateCraftHints());
        formChoice.addListener((obs, old, now) -> updateForm());
        customPattern.addListener((obs, old, now) -> updateForm());
        updateForm();
    }

    public ObjectProperty<TrainingLines> learnedLinesProperty() {
        return learnedLines;
    }

    /**
     * Whether the line is one the model learned word for word, long enough to matter (the originality guard's
     * measure: short stock lines are everyone's).
     */
    public boolean isLearned(LineResult line) {
        return learnedLines.get().contains(line.text(), CopyGuard.MIN_WORDS);
    }

    public ReadOnlyObjectProperty<CheckedText> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Form> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** Empty, or why the custom pattern cannot be used. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** True once the dictionary is loaded and counts can be shown. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Season, cut and rhyme of the stanza at the caret. */
    public ReadOnlyObjectProperty<CraftHints> craftHintsProperty() {
        return craftHints.getReadOnlyProperty();
    }

    public Optional<Prosody> prosody() {
        return Optional.ofNullable(prosody);
    }

    // Commands

    /** Loads the shipped dictionary and the poet's user dictionary in the background, then checks the text. */
    public void load() {
        executor.supply(() -> {
            UserDictionary user = new UserDictionary();
            userWords.loadInto(user);
            return new Prosody(PronouncingDictionary.loadDefault(), user);
        }).whenComplete((loaded, failure) -> {
            if (failure != null) {
                reportProblem.accept("Syllable counting is off: " + UserMessages.describe(failure));
                return;
            }
            prosody = loaded;
            ready.set(true);
            recheck();
        });
    }

    /** Uses an already loaded dictionary (the CLI and tests share one). */
    public void use(Prosody loaded) {
        prosody = loaded;
        ready.set(true);
        recheck();
    }

    /** The editor's text changed (after a typing pause). */
    public void textChanged(String text) {
        latestText = text == null ? "" : text;
        recheck();
    }

    /** The caret moved: the craft hints follow the stanza it is in. */
    public void caretMoved(int offset) {
        caret = offset;
        updateCraftHints();
    }

    private void updateCraftHints() {
        CheckedText current = checked.get();
        craftHints.set(current == null ? CraftHints.NONE
                : current.stanzaAt(caret).map(stanza -> CraftHints.of(stanza.craft())).orElse(CraftHints.NONE));
    }

    /**
     * Sets the syllables of {@code word} in the user dictionary, saves it, and recounts.
     *
     * @return a sentence if it could not be done
     */
    public Optional<String> addToUserDictionary(String word, int syllables) {
        Prosody current = prosody;
        if (current == null) {
            return Optional.of("The dictionary is still loading.");
        }
        try {
            current.userDictionary().put(word, syllables);
        } catch (IllegalArgumentException e) {
            return Optional.of(UserMessages.describe(e));
        }
        try {
            userWords.save(word, syllables, current.userDictionary());
        } catch (IOException | RuntimeException e) {
            return Optional.of("The word is counted now but could not be saved: " + UserMessages.describe(e));
        } finally {
            recheck();
        }
        return Optional.empty();
    }

    private void updateForm() {
        FormChoice choice = formChoice.get() == null ? FormChoice.HAIKU : formChoice.get();
        try {
            form.set(switch (choice) {
                case HAIKU -> Form.HAIKU;
                case TANKA -> Form.TANKA;
                case FREE -> Form.FREE;
                case CUSTOM -> Form.parse(customPattern.get());
            });
            formError.set("");
        } catch (IllegalArgumentException e) {
            formError.set(capitalised(UserMessages.describe(e)));
        }
        recheck();
    }

    private void recheck() {
        Prosody current = prosody;
        if (current == null) {
            return;
        }
        String text = latestText;
        Form currentForm = form.get();
        long request = ++latestRequest;
        if (text.length() <= BACKGROUND_THRESHOLD) {
            checked.set(measure(current, text, currentForm));
            return;
        }
        executor.supply(() -> measure(current, text, currentForm)).thenAccept(result -> {
            if (request == latestRequest) {
                checked.set(result);
            }
        });
    }

    static CheckedText measure(Prosody prosody, String text, Form form) {
        // Paragraph i of the editor is the text between the i-th and (i+1)-th '\n'.
        List<int[]> paragraphs = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                paragraphs.add(new int[] {from, i});
                from = i + 1;
            }
        }
        List<List<LineResult>> byParagraph = new ArrayList<>(paragraphs.size());
        List<LineResult> all = new ArrayList<>();
        List<StanzaCraft> stanzas = new ArrayList<>();
        int paragraph = 0;
        while (paragraph < paragraphs.size()) {
            if (isBlank(text, paragraphs.get(paragraph))) {
                byParagraph.add(List.of());
                paragraph++;
                continue;
            }
            int first = paragraph;
            while (paragraph < paragraphs.size() && !isBlank(text, paragraphs.get(paragraph))) {
                paragraph++;
            }
            int stanzaStart = paragraphs.get(first)[0];
            int stanzaEnd = paragraphs.get(paragraph - 1)[1];
            PoemCheck check = prosody.check(text.substring(stanzaStart, stanzaEnd), form);
            stanzas.add(new StanzaCraft(stanzaStart, stanzaEnd, check.craft()));
            List<List<LineResult>> stanzaParagraphs = new ArrayList<>();
            for (int p = first; p < paragraph; p++) {
                stanzaParagraphs.add(new ArrayList<>(1));
            }
            for (LineResult line : check.lines()) {
                LineResult shifted = new LineResult(line.index(), line.start() + stanzaStart, line.end() + stanzaStart,
                        line.text(), line.words(), line.range(), line.syllables(), line.target(), line.verdict());
                all.add(shifted);
                int owner = first;
                while (owner + 1 < paragraph && paragraphs.get(owner + 1)[0] <= shifted.start()) {
                    owner++;
                }
                stanzaParagraphs.get(owner - first).add(shifted);
            }
            stanzaParagraphs.forEach(list -> byParagraph.add(List.copyOf(list)));
        }
        return new CheckedText(text, List.copyOf(all), byParagraph, List.copyOf(stanzas));
    }

    private static boolean isBlank(String text, int[] paragraph) {
        for (int i = paragraph[0]; i < paragraph[1]; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
