package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.fixes.FixService;
import io.setkeeper.appliance.review.ProposedFix;
import io.setkeeper.appliance.review.ReviewException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fix generators: {@code POST /api/clips/{id}/fixes} (a DIT, director or supervisor token) generates a CDL
 * match, reframe or patch for the clip and proposes it through the approval gate; {@code GET
 * /api/fixes/{id}/stills/{name}} serves its before/after stills, mask, plate and crop path.
 */
final class FixProposalRoutes implements HttpService {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(png|csv)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final FixService fixes;
    private final Auth auth;

    FixProposalRoutes(FixService fixes, Auth auth) {
        this.fixes = fixes;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/clips/{id}/fixes", auth::filter, this::propose)
                .get("/fixes/{id}/stills/{name}", auth::filter, this::still);
    }

    private void propose(ServerRequest req, ServerResponse res) {
        try {
            var user = Auth.user(req);
            long clip;
            try {
                clip = Long.parseLong(req.path().pathParameters().get("id"));
            } catch (NumberFormatException e) {
                throw ReviewException.notFound("no clip '" + req.path().pathParameters().get("id") + "'");
            }
            var request = io.setkeeper.appliance.fixes.FixRequest.parse(FixRoutes.body(req));
            ProposedFix p = fixes.propose(user, clip, request);
            res.status(Status.CREATED_201).send(ReviewViews.fix(p, Optional.empty()));
        } catch (UncheckedIOException e) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(JsonViews.error(e.getMessage()));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void still(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        String name = req.path().pathParameters().get("name");
        if (!ID.matcher(id).matches() || !NAME.matcher(name).matches()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no still " + name + " for fix " + id));
            return;
        }
        Path file = fixes.dir(id).resolve(name);
        if (!Files.isRegularFile(file)) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no still " + name + " for fix " + id));
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            res.header(HeaderNames.CONTENT_TYPE, name.endsWith(".png") ? "image/png" : "text/csv").send(bytes);
        } catch (IOException e) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(JsonViews.error("cannot read " + name + ": "
                    + e.getMessage()));
        }
    }
}
