package dev.kigo.prosody;

/**
 * Two lines whose last words rhyme.
 *
 * @param firstLine  index of the earlier line (as in {@link LineResult#index()})
 * @param secondLine index of the later line
 * @param firstWord  the last word of the earlier line, as written
 * @param secondWord the last word of the later line, as written
 * @param sound      the shared sound in ARPAbet without stress marks, from the last stressed vowel ("AY T")
 */
public record Rhyme(int firstLine, int secondLine, String firstWord, String secondWord, String sound) { }
