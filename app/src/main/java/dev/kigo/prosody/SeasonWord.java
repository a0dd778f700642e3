package dev.kigo.prosody;

/**
 * One saijiki entry.
 *
 * @param phrase the word or phrase as the saijiki writes it ("cherry blossom")
 * @param season the season it evokes
 * @param topic  the group it is filed under
 */
public record SeasonWord(String phrase, Season season, SeasonTopic topic) { }
