package dev.kigo.cli;

import dev.kigo.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find pieces by words in their text, title, tags or keywords, best match first.",
                "Words match other forms of the word (jumping finds jumps); end a word with * to match its start "
                        + "(moo* finds moonlight); \"quote a phrase\"; tag:, title: or keyword: limits a word to that field."})
final class LibrarySearchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryDataOption data;

    @Mixin
    LibraryFilterOptions filters;

    @Option(names = "--json", description = "One JSON object per piece, one per line.")
    boolean json;

    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "What to look for.")
    List<String> words;

    @Override
    public void run() {
        try (Library library = data.open(spec.commandLine().getErr())) {
            LibraryListCommand.print(spec.commandLine().getOut(), library, filters.query(String.join(" ", words)), json);
        }
    }
}
