package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;

/**
 * Spells numbers the way a poet reads them aloud: years as pairs ("1999" nineteen ninety-nine,
 * "1905" nineteen oh five, "2007" two thousand seven), other integers as cardinals ("1,200" one thousand
 * two hundred), decimals with "point", ordinals ("21st" twenty first). Very long digit runs are read digit
 * by digit so the work stays linear.
 */
final class NumberWords {
    private NumberWords() { }

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety"};
    private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion"};
    private static final int MAX_CARDINAL_DIGITS = 15;

    /**
     * The words for a token of digits with optional thousands commas, one decimal point and an ordinal
     * suffix (st, nd, rd, th); empty if the token is not such a number.
     */
    static List<String> spell(String token) {
        String body = token;
        boolean ordinal = false;
        if (body.length() > 2 && Character.isDigit(body.charAt(body.length() - 3))) {
            String end = body.substring(body.length() - 2);
            if (end.equals("st") || end.equals("nd") || end.equals("rd") || end.equals("th")) {
                ordinal = true;
                body = body.substring(0, body.length() - 2);
            }
        }
        if (body.isEmpty() || !Character.isDigit(body.charAt(0))) {
            return List.of();
        }
        int point = body.indexOf('.');
        String integer = (point < 0 ? body : body.substring(0, point)).replace(",", "");
        String fraction = point < 0 ? "" : body.substring(point + 1);
        if (!allDigits(integer) || !allDigits(fraction) || integer.isEmpty() || ordinal && point >= 0) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        boolean year = point < 0 && !ordinal && !body.contains(",") && integer.length() == 4 && integer.charAt(0) != '0';
        if (year) {
            year(Integer.parseInt(integer), words);
        } else if (integer.length() > MAX_CARDINAL_DIGITS || integer.length() > 1 && integer.charAt(0) == '0') {
            digits(integer, words);
        } else {
            cardinal(Long.parseLong(integer), words);
        }
        if (!fraction.isEmpty()) {
            words.add("point");
            digits(fraction, words);
        }
        if (ordinal) {
            int last = words.size() - 1;
            words.set(last, ordinalOf(words.get(last)));
        }
        return words;
    }

    private static void year(int value, List<String> words) {
        int century = value / 100;
        int rest = value % 100;
        if (value % 1000 < 10 && value % 1000 != 0 || value % 1000 == 0) {
            cardinal(value, words); // 2000, 2007, 1000, 1005: two thousand seven
            return;
        }
        cardinal(century, words);
        if (rest == 0) {
            words.add("hundred");
        } else if (rest < 10) {
            words.add("oh");
            words.add(ONES[rest]);
        } else {
            cardinal(rest, words);
        }
    }

    private static void cardinal(long value, List<String> words) {
        if (value == 0) {
            words.add("zero");
            return;
        }
        List<List<String>> groups = new ArrayList<>();
        int scale = 0;
        while (value > 0) {
            int group = (int) (value % 1000);
            List<String> groupWords = new ArrayList<>();
            if (group > 0) {
                belowThousand(group, groupWords);
                if (scale > 0) {
                    groupWords.add(SCALES[scale]);
                }
            }
            groups.add(0, groupWords);
            value /= 1000;
            scale++;
        }
        groups.forEach(words::addAll);
    }

    private static void belowThousand(int value, List<String> words) {
        if (value >= 100) {
            words.add(ONES[value / 100]);
            words.add("hundred");
            value %= 100;
        }
        if (value >= 20) {
            words.add(TENS[value / 10]);
            value %= 10;
            if (value > 0) {
                words.add(ONES[value]);
            }
        } else if (value > 0) {
            words.add(ONES[value]);
        }
    }

    private static void digits(String digits, List<String> words) {
        for (int i = 0; i < digits.length(); i++) {
            words.add(ONES[digits.charAt(i) - '0']);
        }
    }

    private static String ordinalOf(String word) {
        return switch (word) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> word.endsWith("y") ? word.substring(0, word.length() - 1) + "ieth" : word + "th";
        };
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
