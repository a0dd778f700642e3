package dev.kigo.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a PDF's text back with poppler's pdftotext, as a reader's tools would. */
public final class PdfText {
    private PdfText() { }

    /** The text of pages from..to (1-based; 0 and 0 for all), white space folded to single spaces. */
    public static String read(Path pdf, int firstPage, int lastPage) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        if (firstPage > 0) {
            command.addAll(List.of("-f", Integer.toString(firstPage), "-l", Integer.toString(lastPage)));
        }
        command.addAll(List.of(pdf.toString(), "-"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("pdftotext is needed to read exported PDFs back: install poppler-utils.", e);
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("pdftotext failed on " + pdf + ": " + text);
        }
        return fold(text);
    }

    public static String fold(String text) {
        return text.replaceAll("[\\s\\f]+", " ").strip();
    }
}
