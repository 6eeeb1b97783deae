package io.setkeeper.appliance.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the DIT asks for: this card folder, to these destinations, with this checksum. */
public record OffloadRequest(String production, Optional<String> cardLabel, Path source, List<Path> destinations,
                             Optional<String> algorithm) {
    public OffloadRequest {
        source = source.toAbsolutePath().normalize();
        destinations = destinations.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Refuses requests that would lose data or make no sense, naming the problem. */
    public void validate() {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("source card folder not found: " + source);
        }
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("at least one destination is needed (two or more recommended)");
        }
        Set<Path> seen = new HashSet<>();
        for (Path d : destinations) {
            if (!seen.add(d)) {
                throw new IllegalArgumentException("destination listed twice: " + d);
            }
            if (d.startsWith(source) || source.startsWith(d)) {
                throw new IllegalArgumentException("destination and source overlap: " + d);
            }
        }
    }

    /** The card's label: given, or the source folder's name (e.g. A001). */
    public String label() {
        return cardLabel.filter(s -> !s.isBlank()).orElse(
                source.getFileName() == null ? "card" : source.getFileName().toString());
    }
}
