package io.setkeeper.appliance.web;

import io.setkeeper.appliance.ApplianceHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: bearer-token requests against a running appliance, and fix bodies to propose. */
final class ReviewClient {
    private final ApplianceHarness h;

    ReviewClient(ApplianceHarness h) {
        this.h = h;
    }

    String adminToken(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("admin-token")).strip();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return h.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return h.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a user through the admin API and returns its token. */
    String user(String admin, String name, String role) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/users", admin, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("creating " + name + ": " + r.statusCode() + " " + r.body());
        }
        return json(r.body()).getString("token");
    }

    HttpResponse<String> decide(String token, String type, String id, String decision, String reason)
            throws IOException, InterruptedException {
        return post("/api/decisions", token, Json.createObjectBuilder().add("subjectType", type).add("subjectId", id)
                .add("decision", decision).add("reason", reason).build().toString());
    }

    static JsonObject json(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    /** A CDL fix body; {@code slopeR} makes each fix's values distinguishable in the exports. */
    static String cdlFix(String id, String clip, double slopeR) {
        return """
                {"id": "%s", "kind": "cdl", "modelVersion": "looks-v3",
                 "target": {"clip": "%s", "reel": "A001", "scene": "5", "take": "3", "circled": true,
                            "sourceIn": 100, "sourceOut": 220},
                 "cdl": {"slope": [%s, 1.0, 0.97], "offset": [0.01, 0.0, -0.01], "power": [1.0, 1.0, 1.02],
                         "saturation": 0.95},
                 "reference": "scene 5 look",
                 "verdict": {"kind": "FIXABLE_IN_POST", "reason": "colour difference 7.1 -> 1.3 after the CDL"},
                 "evidence": ["still:%s:before", "still:%s:after", "measure:%s:deltaE"]}
                """.formatted(id, clip, slopeR, id, id, id);
    }
}
