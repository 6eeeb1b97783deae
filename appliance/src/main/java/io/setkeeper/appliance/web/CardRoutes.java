package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.ingest.OffloadRequest;
import io.setkeeper.appliance.ingest.OffloadService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Card announcements from the box's udev helper ({@code firmware-config/bin/setkeeper-card}):
 * {@code POST /api/cards/inserted {"mountPath", "device", "fsType", "label", "uuid"}} starts an offload to the
 * configured automatic destinations (each gets a folder named after the card), or answers that the DIT must start
 * it; {@code POST /api/cards/removed} is logged.
 */
final class CardRoutes implements HttpService {
    private static final Logger LOG = Logger.getLogger(CardRoutes.class.getName());

    private final OffloadService offloads;
    private final String production;
    private final List<Path> autoDestinations;

    CardRoutes(OffloadService offloads, String production, List<Path> autoDestinations) {
        this.offloads = offloads;
        this.production = production;
        this.autoDestinations = autoDestinations;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/inserted", this::inserted).post("/removed", this::removed);
    }

    private void inserted(ServerRequest req, ServerResponse res) {
        try {
            JsonObject body = req.content().as(JsonObject.class);
            Path mount = Path.of(body.getString("mountPath"));
            String label = body.getString("label", "").isBlank() ? String.valueOf(mount.getFileName())
                    : body.getString("label");
            LOG.info(() -> "card inserted: " + label + " at " + mount + " (" + body.getString("device", "?") + ")");
            if (autoDestinations.isEmpty()) {
                res.status(Status.ACCEPTED_202).send(Json.createObjectBuilder().add("action", "waiting")
                        .add("message", "card " + label + " is mounted at " + mount + "; no automatic destinations "
                                + "are configured (setkeeper.offload.auto-destinations): start the offload from the "
                                + "station").build());
                return;
            }
            List<Path> dests = autoDestinations.stream().map(d -> d.resolve(label.replaceAll("[/\\\\]", "_")))
                    .toList();
            var started = offloads.start(new OffloadRequest(production, Optional.of(label), mount, dests,
                    Optional.empty()));
            res.status(Status.ACCEPTED_202).send(Json.createObjectBuilder().add("action", "offloading")
                    .add("repeat", started.repeat()).add("job", JsonViews.job(started.job(), Optional.empty()))
                    .build());
        } catch (Exception e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage() == null
                    ? "body must be {\"mountPath\": ...}" : e.getMessage()));
        }
    }

    private void removed(ServerRequest req, ServerResponse res) {
        String body = req.content().as(String.class);
        LOG.info(() -> "card removed: " + body);
        res.status(Status.NO_CONTENT_204).send();
    }
}
