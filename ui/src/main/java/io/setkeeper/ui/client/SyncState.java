package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/**
 * What the outbox holds ({@code GET /api/sync}): messages queued, published (sent, no receipt yet), confirmed by
 * post, dropped; whether the publisher runs; the last receipts and the last drops.
 */
public record SyncState(boolean publishing, long queued, long published, long confirmed, long dropped,
                        List<Line> lastConfirmed, List<Line> lastDropped) {
    /** One message: its schema, when, and the receipt status or drop reason. */
    public record Line(String messageId, String schema, String at, Optional<String> detail) {
    }
}
