package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/** A clip's merged slate: scene, setup, take, circled, camera roll, where it came from and what disagrees. */
public record Slate(Optional<String> scene, Optional<String> setup, Optional<String> take, Optional<Boolean> circled,
                    Optional<String> camroll, List<String> sources, List<String> disagreements) {
    public Slate {
        sources = List.copyOf(sources);
        disagreements = List.copyOf(disagreements);
    }
}
