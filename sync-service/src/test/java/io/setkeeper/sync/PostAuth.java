package io.setkeeper.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;

/** The bootstrap admin token of a running sync-service, for tests that read its REST API. */
final class PostAuth {
    private PostAuth() {
    }

    static String adminToken(SyncService s) {
        try {
            return Files.readString(s.dataDir().resolve("admin-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request builder with the admin token. */
    static HttpRequest.Builder admin(SyncService s, String path) {
        return HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Authorization", "Bearer " + adminToken(s));
    }
}
