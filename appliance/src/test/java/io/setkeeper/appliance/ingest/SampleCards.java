package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Builds camera-card-shaped folders of random bytes for offload tests. */
public final class SampleCards {
    private SampleCards() {
    }

    /** An ARRI-style card: clips in a reel folder, a sidecar, an empty file, a Unicode and a very long name. */
    public static Path arriCard(Path parent, long seed) throws IOException {
        Path card = parent.resolve("A001");
        Random random = new Random(seed);
        write(card.resolve("A001R1AB/A001C001_261122_R1AB.mov"), random, 3_000_000);
        write(card.resolve("A001R1AB/A001C002_261122_R1AB.mov"), random, 1_234_567);
        write(card.resolve("A001R1AB/A001C003_261122_R1AB.mov"), random, 5);
        write(card.resolve("A001R1AB/A001_sidecar.xml"), random, 777);
        write(card.resolve("A001R1AB/empty.txt"), random, 0);
        write(card.resolve("Notes/Scène 5 – café ☕.txt"), random, 4096);
        write(card.resolve("Notes/" + "L".repeat(200) + ".txt"), random, 10);
        write(card.resolve(".DS_Store"), random, 10); // litter: never copied
        return card;
    }

    public static void write(Path file, Random random, int size) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] data = new byte[size];
        random.nextBytes(data);
        Files.write(file, data);
    }
}
