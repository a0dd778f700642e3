package dev.kigo.ui.viewmodel;

import dev.kigo.generate.TokenEvent;

/**
 * A generated token and the text it adds to the editor, which can differ from the model's raw text (" / "
 * shown as a line break, a held-back space shown with the next token).
 */
public record ShownToken(TokenEvent token, String shown) { }
