/** Sampling presets as the studio offers them: the built-in ones and the poet's own, stored where the studio keeps them. */
package dev.kigo.ui.presets;
