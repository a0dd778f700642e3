package dev.kigo.prosody;

import java.util.Arrays;
import java.util.List;

/**
 * One pronunciation as ARPAbet phones separated by single spaces ({@code "HH AY1 K UW0"}), with its
 * syllable count: the number of phones that carry a stress digit, since every vowel does.
 */
public record Pronunciation(String phones, int syllables) {

    public Pronunciation {
        if (phones.isBlank() || syllables < 0) {
            throw new IllegalArgumentException("bad pronunciation '" + phones + "'");
        }
    }

    /** Builds a pronunciation from space-separated phones, counting its syllables. */
    public static Pronunciation of(String phones) {
        String normalized = isNormalized(phones) ? phones : phones.trim().replaceAll("\\s+", " ");
        return new Pronunciation(normalized, countVowels(normalized));
    }

    private static boolean isNormalized(String phones) {
        if (phones.isEmpty() || phones.charAt(0) == ' ' || phones.charAt(phones.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < phones.length(); i++) {
            char c = phones.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || phones.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    static int countVowels(String phones) {
        int vowels = 0;
        for (int i = 0; i < phones.length(); i++) {
            char c = phones.charAt(i);
            boolean endOfPhone = i + 1 == phones.length() || phones.charAt(i + 1) == ' ';
            if (endOfPhone && c >= '0' && c <= '2') {
                vowels++;
            }
        }
        return vowels;
    }

    public List<String> phoneList() {
        return Arrays.asList(phones.split(" "));
    }

    /** The phones joined by '-', stress digits kept: the word form of the phoneme prompts. */
    public String hyphenated() {
        return phones.replace(' ', '-');
    }

    /** This pronunciation followed by more phones (a suffix such as "Z" or "IH0 NG"). */
    Pronunciation followedBy(String morePhones) {
        return morePhones.isEmpty() ? this : of(phones + " " + morePhones);
    }
}
