/** Handing work between the model's threads and the JavaFX application thread. */
package dev.kigo.ui.concurrent;
