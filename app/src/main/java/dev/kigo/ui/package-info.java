/**
 * The studio (JavaFX): {@link dev.kigo.ui.StudioApp} builds the services and view models and
 * {@link dev.kigo.ui.StudioWindow} lays out the views. Inside, bottom to top: {@code concurrent} and
 * {@code settings}, {@code presets}, {@code stores} (the studio's stores over the library), {@code viewmodel}
 * (state and commands, no controls), {@code view} (controls bound to the view models), {@code help} (the user
 * guide and shortcut windows).
 */
package dev.kigo.ui;
