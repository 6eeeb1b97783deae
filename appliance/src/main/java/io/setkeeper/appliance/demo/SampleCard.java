package io.setkeeper.appliance.demo;

import java.io.IOException;
import java.nio.file.Path;

/** Generates a small ARRI-style sample card with real encoded clips and a matching ALE (lands with media). */
final class SampleCard {
    private SampleCard() {
    }

    static Path generate(Path parent) throws IOException {
        throw new IOException("sample card generation lands with the media package; pass a card folder");
    }
}
