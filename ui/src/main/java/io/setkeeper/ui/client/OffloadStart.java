package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/** What the station asks for when it starts an offload; empty optionals take the appliance's defaults. */
public record OffloadStart(String source, List<String> destinations, Optional<String> card,
                           Optional<String> algorithm, Optional<String> production) {
    public OffloadStart {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Choose the card to offload (its folder).");
        }
        if (destinations == null || destinations.isEmpty()) {
            throw new IllegalArgumentException("Name at least one destination.");
        }
        destinations = List.copyOf(destinations);
    }
}
