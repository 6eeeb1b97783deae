package io.setkeeper.appliance.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a screenplay file of either supported format, chosen by extension: {@code .fdx} or Fountain. */
public final class ScreenplayReader {
    private ScreenplayReader() {
    }

    /**
     * Reads {@code .fdx} as Final Draft and {@code .fountain}, {@code .spmd} and {@code .txt} as Fountain.
     *
     * @throws ScriptFormatException when the file is of no supported kind or cannot be read as its kind at all
     */
    public static Screenplay read(Path file) throws IOException, ScriptFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".fdx")) {
            return FdxParser.parse(file);
        }
        if (name.endsWith(".fountain") || name.endsWith(".spmd") || name.endsWith(".txt")) {
            return FountainParser.parse(file);
        }
        throw new ScriptFormatException("not a screenplay file (expected .fountain, .spmd, .txt or .fdx): "
                + file.getFileName(), 0, null);
    }
}
