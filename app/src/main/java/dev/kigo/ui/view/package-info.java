/**
 * The studio's controls, each bound to a view model: the poem editor with its syllable gutter, the generation and
 * sampling panels, the library pane, the status bar, themes.
 */
package dev.kigo.ui.view;
