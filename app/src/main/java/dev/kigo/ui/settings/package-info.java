/**
 * What the studio keeps between runs, outside the library: window and panel state
 * ({@link dev.kigo.ui.settings.StudioState} in studio.json), the autosaved draft, where those files live
 * ({@link dev.kigo.ui.settings.StudioPaths}), and writing them atomically.
 */
package dev.kigo.ui.settings;
