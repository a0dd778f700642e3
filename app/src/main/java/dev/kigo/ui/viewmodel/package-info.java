/**
 * The studio's state and commands, without controls (JabRef's view models with services): generation, prosody,
 * the library pane, presets, sampling fields, the draft's autosave, and {@link dev.kigo.ui.viewmodel.UserMessages},
 * which words every failure for the poet.
 */
package dev.kigo.ui.viewmodel;
