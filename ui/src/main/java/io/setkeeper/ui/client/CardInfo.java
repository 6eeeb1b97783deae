package io.setkeeper.ui.client;

import java.util.Optional;

/** A card the appliance received: its id (clips refer to it), label ("A001"), files, bytes and shoot day. */
public record CardInfo(String id, String label, int files, long bytes, Optional<Long> shootDay) {
}
