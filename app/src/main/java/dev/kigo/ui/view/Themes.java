package dev.kigo.ui.view;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kigo.ui.settings.Theme;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/** Applies a theme: AtlantaFX Primer as the user-agent stylesheet, plus a :dark pseudo-class for our own CSS. */
public final class Themes {
    private Themes() { }

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    public static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK, theme == Theme.DARK);
        }
    }
}
