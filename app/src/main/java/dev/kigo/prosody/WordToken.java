package dev.kigo.prosody;

/** A word as written in a line, with its character offsets in that line ({@code end} exclusive). */
public record WordToken(String text, int start, int end) { }
