package io.setkeeper.appliance.demo;

import io.setkeeper.appliance.media.SampleClipSpec;
import io.setkeeper.appliance.media.SampleClipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A small ARRI-style sample card for a new user: three short ProRes clips with timecode (real encodes, drawn
 * frames with burnt-in clip name and timecode) in a reel folder, plus the camera department's ALE naming their
 * scene, take and circled state. Generated once; an existing card is reused.
 */
public final class SampleCard {
    /** One clip of the sample card with its slate. */
    record Take(String clip, String startTc, int seconds, String scene, String take, boolean circled) {
    }

    static final List<Take> TAKES = List.of(
            new Take("C001", "14:02:10:00", 3, "5A", "1", false),
            new Take("C002", "14:05:42:00", 3, "5A", "2", true),
            new Take("C003", "14:11:03:12", 2, "5B", "1", true));

    private SampleCard() {
    }

    /** Writes the card under {@code parent}/A001 (if not already there) and returns the card folder. */
    public static Path generate(Path parent) throws IOException {
        String date = LocalDate.of(2026, 11, 22).format(DateTimeFormatter.ofPattern("yyMMdd"));
        Path card = parent.resolve("A001");
        Path reel = card.resolve("A001R1AB");
        Path ale = card.resolve("A001.ale");
        if (Files.isRegularFile(ale)) {
            return card;
        }
        Files.createDirectories(reel);
        StringBuilder rows = new StringBuilder();
        for (Take t : TAKES) {
            String name = "A001" + t.clip() + "_" + date + "_R1AB";
            SampleClipSpec spec = SampleClipSpec.proxy(name, t.startTc(), t.seconds());
            SampleClipWriter.write(reel.resolve(name + ".mov"), spec);
            rows.append(String.join("\t", name, "A001", t.startTc(), t.scene(), t.take(), "A001", "A",
                    t.circled() ? "Y" : "N", name + ".mov")).append('\n');
        }
        Path tmp = card.resolve(".A001.ale.tmp");
        Files.writeString(tmp, """
                Heading
                FIELD_DELIM\tTABS
                VIDEO_FORMAT\tCUSTOM
                FPS\t23.976

                Column
                Name\tTape\tStart\tScene\tTake\tCamroll\tCamera\tCircled\tSource File

                Data
                """ + rows, StandardCharsets.UTF_8);
        Files.move(tmp, ale);
        return card;
    }
}
