/**
 * The command line ({@code ./kigo <command>}): picocli commands over the same services the studio uses.
 * {@link dev.kigo.cli.KigoCli} lists them; {@link dev.kigo.cli.CliErrors} turns every failure into one sentence
 * and an exit code. Shared options: {@link dev.kigo.cli.ModelOptions}, {@link dev.kigo.cli.SamplingOptions},
 * {@link dev.kigo.cli.LibraryDataOption}. The benchmark commands print Markdown tables for docs/benchmarks.md.
 */
package dev.kigo.cli;
