/**
 * The studio's stores over the library: presets and the poet's words kept in the library file when it opens, else
 * in plain files beside the studio's settings.
 */
package dev.kigo.ui.stores;
