package dev.kigo.prosody;

import java.nio.file.Path;

/**
 * The prosody services wired together over one dictionary and one user dictionary: what the editor, the
 * decoder and the command line hold on to. Immutable apart from the user dictionary, which is thread-safe.
 */
public final class Prosody {

    private final PronouncingDictionary dictionary;
    private final UserDictionary userDictionary;
    private final SyllableCounter counter;
    private final PoemChecker checker;
    private final ArpabetRenderer arpabet;

    public Prosody(PronouncingDictionary dictionary, UserDictionary userDictionary) {
        this(new SyllableCounter(dictionary, userDictionary));
    }

    private Prosody(SyllableCounter counter) {
        this.dictionary = counter.dictionary();
        this.userDictionary = counter.userDictionary();
        this.counter = counter;
        this.checker = new PoemChecker(counter);
        this.arpabet = new ArpabetRenderer(checker);
    }

    /** The shipped CMU dictionary (see {@link PronouncingDictionary#locate()}) and an empty user dictionary. */
    public static Prosody loadDefault() {
        return new Prosody(PronouncingDictionary.loadDefault(), new UserDictionary());
    }

    public static Prosody load(Path dictionaryFile) {
        return new Prosody(PronouncingDictionary.load(dictionaryFile), new UserDictionary());
    }

    /** The same dictionary, but every word goes through the estimator (the whole word is never looked up). */
    public Prosody estimatorOnly() {
        return new Prosody(SyllableCounter.estimatorOnly(dictionary));
    }

    public PronouncingDictionary dictionary() {
        return dictionary;
    }

    public UserDictionary userDictionary() {
        return userDictionary;
    }

    public SyllableCounter counter() {
        return counter;
    }

    public PoemChecker checker() {
        return checker;
    }

    public ArpabetRenderer arpabet() {
        return arpabet;
    }

    public WordCount count(String word) {
        return counter.count(word);
    }

    public PoemCheck check(String text, Form form) {
        return checker.check(text, form);
    }
}
