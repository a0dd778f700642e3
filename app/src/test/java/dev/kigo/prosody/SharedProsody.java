package dev.kigo.prosody;

/** One loaded dictionary for all prosody tests: loading it once keeps the suite fast. */
final class SharedProsody {
    private SharedProsody() { }

    private static final class Holder {
        static final PronouncingDictionary DICTIONARY = PronouncingDictionary.loadDefault();
    }

    static PronouncingDictionary dictionary() {
        return Holder.DICTIONARY;
    }

    /** A fresh Prosody over the shared dictionary with an empty user dictionary of its own. */
    static Prosody fresh() {
        return new Prosody(dictionary(), new UserDictionary());
    }
}
