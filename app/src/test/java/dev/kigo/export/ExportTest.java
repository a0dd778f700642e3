package dev.kigo.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportTest {
    private static final ExportItem OLD_POND = new ExportItem("Old pond — Bashō",
            "old pond —\na frog jumps into\nthe sound of water");
    private static final ExportItem CROWS = new ExportItem("", "on a withered branch\na crow has settled —\nautumn nightfall");
    private static final ExportItem POPPY = new ExportItem("Poppy", "a red poppy\nblooms");

    @TempDir
    Path folder;

    private static String pdfToText(Path pdf, int firstPage, int lastPage) throws IOException, InterruptedException {
        return PdfText.read(pdf, firstPage, lastPage);
    }

    private static String fold(String text) {
        return PdfText.fold(text);
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private ExportResult export(List<ExportItem> items, ExportFormat format, String name, ExportOptions options) {
        return Exporter.export(items, format, folder.resolve(name), options);
    }

    // PDF

    @Test
    void aPdfPageReadsBackAsTheHaikuWithBashoAndAnEmDash() throws Exception {
        ExportResult result = export(List.of(OLD_POND), ExportFormat.PDF, "pond.pdf", ExportOptions.defaults());

        assertEquals(fold(OLD_POND.title() + "\n" + OLD_POND.text()), pdfToText(result.file(), 0, 0));
        assertEquals(1, pages(result.file()));
        assertEquals(List.of(), result.replacedCharacters());
    }

    @Test
    void onePerPagePutsEachPieceOnItsOwnPage() throws Exception {
        ExportResult result = export(List.of(OLD_POND, CROWS, POPPY), ExportFormat.PDF, "three.pdf", ExportOptions.defaults());

        assertEquals(3, pages(result.file()));
        assertEquals(fold(OLD_POND.title() + " " + OLD_POND.text()), pdfToText(result.file(), 1, 1));
        assertEquals(fold(CROWS.text()), pdfToText(result.file(), 2, 2));
        assertEquals(fold(POPPY.title() + " " + POPPY.text()), pdfToText(result.file(), 3, 3));
    }

    @Test
    void aCollectionHasATitlePageThenThePiecesInOrder() throws Exception {
        ExportOptions options = ExportOptions.defaults().withLayout(PdfLayout.COLLECTION).withCollectionTitle("Pond and crow");
        ExportResult result = export(List.of(OLD_POND, CROWS, POPPY), ExportFormat.PDF, "collection.pdf", options);

        assertEquals(2, pages(result.file()), "a title page, then three short pieces on one page");
        assertEquals("Pond and crow 3 pieces", pdfToText(result.file(), 1, 1));
        assertEquals(fold(OLD_POND.title() + " " + OLD_POND.text() + " " + CROWS.text() + " " + POPPY.title() + " "
                + POPPY.text()), pdfToText(result.file(), 2, 2));
    }

    @Test
    void aLongCollectionFlowsOverPagesWithoutSplittingAPiece() throws Exception {
        List<ExportItem> items = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            items.add(new ExportItem("Number " + i, "first line " + i + "\nsecond line " + i + "\nthird line " + i));
            expected.append("Number ").append(i).append(" first line ").append(i).append(" second line ").append(i)
                    .append(" third line ").append(i).append(' ');
        }
        ExportResult result = export(items, ExportFormat.PDF, "long.pdf",
                ExportOptions.defaults().withLayout(PdfLayout.COLLECTION));

        int pages = pages(result.file());
        assertTrue(pages > 3, "twenty pieces need several A5 pages, not " + pages);
        String body = pdfToText(result.file(), 2, pages);
        assertEquals(fold(expected.toString()), body);
        for (int page = 2; page <= pages; page++) {
            String text = pdfToText(result.file(), page, page);
            assertTrue(text.startsWith("Number ") && text.endsWith(text.substring(text.lastIndexOf("third line"))),
                    "page " + page + " starts with a title and ends with a third line: " + text);
        }
    }

    @Test
    void charactersNoEmbeddedFontHasBecomeOneVisibleBoxPerEmojiAndAreReported() throws Exception {
        ExportItem emoji = new ExportItem("Fox 🦊", "fox 🦊 under 🌸\nfamily 👨‍👩‍👧 flag 🇯🇵 ok 👍🏽\nfull moon 🌕 sun ☀️ 古池");

        ExportResult result = export(List.of(emoji), ExportFormat.PDF, "emoji.pdf", ExportOptions.defaults());

        // DejaVu Sans has the moon phases and the sun (with its variation selector); nothing has the rest.
        assertEquals("Fox □ fox □ under □ family □ flag □ ok □ full moon 🌕 sun ☀️ □□", pdfToText(result.file(), 0, 0));
        assertEquals(List.of("🦊", "🌸", "👨‍👩‍👧", "🇯🇵", "👍🏽", "古", "池"), result.replacedCharacters());
    }

    @Test
    void symbolsSerifLacksAreDrawnInTheSansFallback() throws Exception {
        // ☯ and ✿ are in DejaVu Sans but not in DejaVu Serif.
        ExportResult result = export(List.of(new ExportItem("", "yin ☯ yang\nflower ✿ falls")), ExportFormat.PDF,
                "symbols.pdf", ExportOptions.defaults());

        assertEquals("yin ☯ yang flower ✿ falls", pdfToText(result.file(), 0, 0));
        assertEquals(List.of(), result.replacedCharacters());
    }

    @Test
    void onlyTheShippedFontsAreUsedAndTheyAreEmbedded() throws Exception {
        ExportResult result = export(List.of(OLD_POND, new ExportItem("", "yin ☯ yang 🌕")), ExportFormat.PDF, "fonts.pdf",
                ExportOptions.defaults());
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(result.file().toFile())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font && font.isEmbedded(), font.getName());
                    fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
        }
        assertEquals(List.of("DejaVuSerif", "DejaVuSans"), fonts.stream().distinct().toList());
    }

    @Test
    void aLineWiderThanThePageWrapsWithoutLosingAWord() throws Exception {
        String longLine = ("the long river of stars crossing the summer sky above the sleeping village ").repeat(4).strip();
        ExportResult result = export(List.of(new ExportItem("", longLine + "\nshort\n" + "x".repeat(120))),
                ExportFormat.PDF, "wide.pdf", ExportOptions.defaults());

        String text = pdfToText(result.file(), 0, 0);
        assertEquals(fold(longLine) + " short " + "x".repeat(120), text.replaceAll("(?<=x) (?=x)", ""));
    }

    // Text and Markdown

    @Test
    void textExportIsUtf8WithTitlesAndABlankLineBetweenPieces() throws IOException {
        ExportResult result = export(List.of(OLD_POND, CROWS, new ExportItem("Moon", "full 🌕 moon")), ExportFormat.TEXT,
                "pieces.txt", ExportOptions.defaults().withCollectionTitle("Autumn"));

        assertEquals("""
                Autumn

                Old pond — Bashō
                old pond —
                a frog jumps into
                the sound of water

                on a withered branch
                a crow has settled —
                autumn nightfall

                Moon
                full 🌕 moon
                """, Files.readString(result.file(), StandardCharsets.UTF_8));
    }

    @Test
    void markdownExportKeepsLineBreaksAndEscapesWhatWouldBeSyntax() throws IOException {
        ExportItem tricky = new ExportItem("*Stars* & #tags", "- a dash begins\n1. numbered?\n    indented_word\n<b>not html</b> &amp;");
        ExportResult result = export(List.of(OLD_POND, tricky), ExportFormat.MARKDOWN, "pieces.md",
                ExportOptions.defaults().withCollectionTitle("Autumn"));

        assertEquals("""
                # Autumn

                ## Old pond — Bashō

                old pond —\\
                a frog jumps into\\
                the sound of water

                ---

                ## \\*Stars\\* & \\#tags

                \\- a dash begins\\
                1\\. numbered?\\
                &nbsp;&nbsp;&nbsp;&nbsp;indented\\_word\\
                \\<b\\>not html\\</b\\> &amp;amp;
                """, Files.readString(result.file(), StandardCharsets.UTF_8));
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertEquals(ExportFormat.MARKDOWN, ExportFormat.parse(" MD "));
        assertEquals("Unknown export format \"docx\"; use txt, md, pdf.",
                assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("docx")).getMessage());
    }

    // The target

    @Test
    void aMissingFolderIsReportedPlainly() {
        Path target = folder.resolve("no/such/folder/out.pdf");
        ExportException error = assertThrows(ExportException.class,
                () -> Exporter.export(List.of(OLD_POND), ExportFormat.PDF, target, ExportOptions.defaults()));
        assertEquals("The folder " + folder.resolve("no/such/folder") + " does not exist.", error.getMessage());
    }

    @Test
    void aFolderAsTheTargetIsReportedPlainly() throws IOException {
        Path target = Files.createDirectory(folder.resolve("out.md"));
        ExportException error = assertThrows(ExportException.class,
                () -> Exporter.export(List.of(OLD_POND), ExportFormat.MARKDOWN, target, ExportOptions.defaults()));
        assertEquals(target + " is a folder; give a file name to export to.", error.getMessage());
    }

    @Test
    void aFileInPlaceOfTheFolderIsReportedPlainly() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "x");
        ExportException error = assertThrows(ExportException.class, () -> Exporter.export(List.of(OLD_POND),
                ExportFormat.TEXT, notAFolder.resolve("out.txt"), ExportOptions.defaults()));
        assertEquals(notAFolder + " is a file, not a folder, so nothing can be exported into it.", error.getMessage());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAllowed() throws IOException {
        Path target = Files.writeString(folder.resolve("keep.txt"), "the poet's own notes");
        ExportException error = assertThrows(ExportException.class,
                () -> Exporter.export(List.of(POPPY), ExportFormat.TEXT, target, ExportOptions.defaults()));
        assertEquals(target + " already exists; choose another name or allow replacing it.", error.getMessage());
        assertEquals("the poet's own notes", Files.readString(target));

        Exporter.export(List.of(POPPY), ExportFormat.TEXT, target, ExportOptions.defaults().withOverwrite(true));
        assertEquals("Poppy\na red poppy\nblooms\n", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("keep.txt"), files.map(path -> path.getFileName().toString()).toList(),
                    "no partial file left behind");
        }
    }

    @Test
    void replacingFollowsASymbolicLinkAndKeepsTheFilesPermissions() throws IOException {
        Path real = Files.writeString(folder.resolve("private.txt"), "the poet's own notes");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(folder.resolve("link.txt"), real.getFileName());

        ExportResult result = Exporter.export(List.of(POPPY), ExportFormat.TEXT, link,
                ExportOptions.defaults().withOverwrite(true));

        assertEquals(real, result.file());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("Poppy\na red poppy\nblooms\n", Files.readString(real));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of("link.txt", "private.txt"), names());
    }

    @Test
    void aFileWithAnotherHardLinkIsRewrittenSoBothNamesShowTheExport() throws IOException {
        Path first = Files.writeString(folder.resolve("first.txt"), "the poet's own notes");
        Path second = Files.createLink(folder.resolve("second.txt"), first);

        Exporter.export(List.of(POPPY), ExportFormat.TEXT, second, ExportOptions.defaults().withOverwrite(true));

        assertEquals("Poppy\na red poppy\nblooms\n", Files.readString(first));
        assertTrue(Files.isSameFile(first, second));
        assertEquals(List.of("first.txt", "second.txt"), names());
    }

    @Test
    void aNamedPipeIsRefusedEvenWhenReplacingIsAllowed() throws Exception {
        Path pipe = folder.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo");

        ExportException error = assertThrows(ExportException.class, () -> Exporter.export(List.of(POPPY),
                ExportFormat.TEXT, pipe, ExportOptions.defaults().withOverwrite(true)));

        assertEquals(pipe + " is a named pipe, not a file; an export writes only to files.", error.getMessage());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "still a pipe");
        assertEquals(List.of("pipe"), names());
    }

    @Test
    void aPartFileLeftByAKilledExportIsRemovedByTheNextAndAFreshOneIsKept() throws IOException {
        Path stale = Files.writeString(folder.resolve(".poems.txt.1234.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Exporter.STALE_PART).minusSeconds(1)));
        Path fresh = Files.writeString(folder.resolve(".poems.txt.5678.part"), "being written");

        Exporter.export(List.of(POPPY), ExportFormat.TEXT, folder.resolve("poems.txt"), ExportOptions.defaults());

        assertEquals(List.of(".poems.txt.5678.part", "poems.txt"), names());
        assertTrue(Files.exists(fresh));
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anUnwritableFolderIsReportedPlainly() throws IOException {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            // Root may write anywhere a mode forbids; /sys refuses even root (where it is mounted, as on Linux).
            Path target = Files.isWritable(locked) ? Path.of("/sys/kigo-export.txt") : locked.resolve("out.txt");
            ExportException error = assertThrows(ExportException.class,
                    () -> Exporter.export(List.of(POPPY), ExportFormat.TEXT, target, ExportOptions.defaults()));
            assertTrue(error.getMessage().equals("The folder " + target.getParent() + " is not writable.")
                    || error.getMessage().equals("Could not write " + target + ": permission denied."), error.getMessage());
            assertFalse(Files.exists(target));
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void nothingToExportIsReportedPlainly() {
        ExportException error = assertThrows(ExportException.class,
                () -> Exporter.export(List.of(), ExportFormat.PDF, folder.resolve("x.pdf"), ExportOptions.defaults()));
        assertEquals("Nothing to export: no pieces were chosen.", error.getMessage());
    }

    @Test
    void aPdfExportReportsEachPieceAsItIsLaidOutAndTextReportsAllAtTheEnd() {
        List<String> heard = new ArrayList<>();
        Exporter.export(List.of(OLD_POND, CROWS, POPPY), ExportFormat.PDF, folder.resolve("three.pdf"),
                ExportOptions.defaults().withLayout(PdfLayout.COLLECTION), (done, total) -> heard.add(done + "/" + total));
        assertEquals(List.of("1/3", "2/3", "3/3"), heard);
        heard.clear();
        Exporter.export(List.of(OLD_POND, CROWS), ExportFormat.TEXT, folder.resolve("two.txt"), ExportOptions.defaults(),
                (done, total) -> heard.add(done + "/" + total));
        assertEquals(List.of("2/2"), heard);
    }

    @Test
    void thePreviewIsThePdfsFirstPageAsAPortraitPicture() {
        java.awt.image.BufferedImage page = PdfPreview.firstPage(List.of(OLD_POND, CROWS), ExportOptions.defaults(), 0.5f);
        // A5 is 419.5 × 595.3 points.
        assertEquals(209, page.getWidth());
        assertEquals(297, page.getHeight());
        boolean ink = false;
        for (int y = 0; y < page.getHeight() && !ink; y++) {
            for (int x = 0; x < page.getWidth() && !ink; x++) {
                ink = (page.getRGB(x, y) & 0xFF) < 128;
            }
        }
        assertTrue(ink, "the first piece is drawn on it");
    }
}
