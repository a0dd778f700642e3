package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The syllables one written word can have.
 *
 * @param readings     distinct syllable counts, the preferred reading (first pronunciation) first, the
 *                     others ascending; never empty
 * @param source       where the count came from
 * @param derivation   how it was found, for the hover: "dictionary", "spider + 's", "dragon + fly",
 *                     "nineteen ninety-nine", "spelling rules"
 * @param spokenPhones ARPAbet of the preferred reading, one space-separated entry per spoken word
 *                     ("1999" is two words); empty when no phones are known
 */
public record WordCount(List<Integer> readings, Source source, String derivation, List<String> spokenPhones) {

    public WordCount {
        readings = List.copyOf(readings);
        spokenPhones = List.copyOf(spokenPhones);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a word needs at least one reading");
        }
    }

    static WordCount of(List<Pronunciation> pronunciations, Source source, String derivation) {
        List<Integer> readings = new ArrayList<>(pronunciations.size());
        for (Pronunciation p : pronunciations) {
            if (!readings.contains(p.syllables())) {
                readings.add(p.syllables());
            }
        }
        return new WordCount(ordered(readings), source, derivation, List.of(pronunciations.get(0).phones()));
    }

    static WordCount guessed(int syllables, String derivation) {
        return new WordCount(List.of(syllables), Source.ESTIMATE, derivation, List.of());
    }

    /** The preferred number of syllables. */
    public int preferred() {
        return readings.get(0);
    }

    public SyllableRange range() {
        int min = readings.get(0);
        int max = min;
        for (int r : readings) {
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        return new SyllableRange(min, max);
    }

    public boolean hasPhones() {
        return !spokenPhones.isEmpty();
    }

    WordCount withSource(Source newSource, String newDerivation) {
        return new WordCount(readings, newSource, newDerivation, spokenPhones);
    }

    /** This word with a suffix or second half glued on: counts add, phones join into one spoken word. */
    WordCount joinedWith(int syllables, String phones, String newDerivation) {
        List<Integer> sums = new ArrayList<>(readings.size());
        for (int r : readings) {
            sums.add(r + syllables);
        }
        List<String> spoken = hasPhones() && phones != null
                ? List.of(lastPhones() + (phones.isEmpty() ? "" : " " + phones)) : List.of();
        return new WordCount(sums, source, newDerivation, spoken);
    }

    /** A prefix or first half followed by this word, as one spoken word. */
    WordCount prefixedWith(int syllables, String phones, String newDerivation) {
        List<Integer> sums = new ArrayList<>(readings.size());
        for (int r : readings) {
            sums.add(r + syllables);
        }
        List<String> spoken = hasPhones() && phones != null ? List.of(phones + " " + lastPhones()) : List.of();
        return new WordCount(sums, source, newDerivation, spoken);
    }

    /** Two parts of one word (a compound), or two spoken words (hyphen halves, number words). */
    WordCount combine(WordCount next, boolean sameSpokenWord, String newDerivation) {
        List<Integer> sums = new ArrayList<>();
        sums.add(preferred() + next.preferred());
        TreeSet<Integer> others = new TreeSet<>();
        for (int a : readings) {
            for (int b : next.readings) {
                others.add(a + b);
            }
        }
        others.remove(sums.get(0));
        sums.addAll(others);
        List<String> spoken = List.of();
        if (hasPhones() && next.hasPhones()) {
            List<String> joined = new ArrayList<>(spokenPhones);
            if (sameSpokenWord) {
                joined.set(joined.size() - 1, lastPhones() + " " + next.spokenPhones.get(0));
                joined.addAll(next.spokenPhones.subList(1, next.spokenPhones.size()));
            } else {
                joined.addAll(next.spokenPhones);
            }
            spoken = joined;
        }
        return new WordCount(sums, source.weakest(next.source), newDerivation, spoken);
    }

    /**
     * Several parts read one after the other as separate spoken words (number words, hyphen halves, spelled
     * letters). Linear in the number of parts, so a 100,000-digit "number" stays cheap.
     */
    static WordCount sequence(List<WordCount> parts, String derivation) {
        int preferred = 0;
        int fixed = 0;
        TreeSet<Integer> extra = new TreeSet<>(List.of(0)); // sums over the ambiguous parts only
        Source source = Source.USER;
        boolean phones = true;
        List<String> spoken = new ArrayList<>();
        for (WordCount part : parts) {
            preferred += part.preferred();
            source = source.weakest(part.source);
            if (part.readings.size() == 1) {
                fixed += part.preferred();
            } else {
                TreeSet<Integer> next = new TreeSet<>();
                for (int sum : extra) {
                    for (int r : part.readings) {
                        next.add(sum + r);
                    }
                }
                extra = next;
            }
            phones &= part.hasPhones();
            if (phones) {
                spoken.addAll(part.spokenPhones);
            }
        }
        List<Integer> readings = new ArrayList<>();
        readings.add(preferred);
        for (int sum : extra) {
            if (sum + fixed != preferred) {
                readings.add(sum + fixed);
            }
        }
        return new WordCount(readings, source, derivation, phones ? spoken : List.of());
    }

    String lastPhones() {
        return spokenPhones.get(spokenPhones.size() - 1);
    }

    private static List<Integer> ordered(List<Integer> readings) {
        if (readings.size() <= 1) {
            return readings;
        }
        List<Integer> result = new ArrayList<>(readings.size());
        result.add(readings.get(0));
        readings.subList(1, readings.size()).stream().sorted().forEach(result::add);
        return result;
    }
}
