/**
 * Kigo, a writing studio for haiku: {@link dev.kigo.Main} starts the studio (no arguments) or the command line.
 *
 * <p>Layers, top to bottom (each uses only those below it; {@code ArchitectureTest} holds them):
 * {@code cli} → {@code ui} → {@code library} → {@code generate} → {@code model}, {@code prosody}, {@code export}.
 * docs/architecture.md walks through them, the threads, and the path from a key press to a token on screen.
 */
package dev.kigo;
