/**
 * Frame-timing harness for the studio's opt-in measurements (docs/benchmarks.md, "Studio: frames while the model
 * streams"): {@link dev.kigo.ui.timing.PulseGapRecorder} records the gaps between pulses,
 * {@link dev.kigo.ui.timing.FrameChangeLog} lists the nodes each frame repaints ({@code -Dkigo.debug.frames=true}),
 * and {@link dev.kigo.ui.timing.FxStackSampler} shows which threads held the cores during a long gap
 * ({@code -Dkigo.debug.stacks=true}); {@link dev.kigo.ui.timing.Measurement} reads the properties that ask for them.
 * Test code only; nothing here runs unless a measurement asks for it.
 */
package dev.kigo.ui.timing;
