package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.ApprovedExport;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.ReviewService;

/**
 * {@code GET /api/exports/{format}?fps=25&dropFrame=false&title=...}: the approved CDL fixes as .cdl, .ccc, ALE,
 * EDL or OTIO. Nothing unapproved is in it; a broken audit log exports nothing (409).
 */
final class ExportRoutes implements HttpService {
    private final ReviewService review;
    private final Auth auth;
    private final String production;

    ExportRoutes(ReviewService review, Auth auth, String production) {
        this.review = review;
        this.auth = auth;
        this.production = production;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(auth::filter).get("/{format}", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        try {
            io.setkeeper.protocol.interchange.ExportFormat format = ApprovedExport.format(req.path().pathParameters().get("format"));
            int fps = intParam(req, "fps", 25);
            boolean dropFrame = Boolean.parseBoolean(req.query().first("dropFrame").orElse("false"));
            String title = req.query().first("title").orElse(production + " approved fixes");
            String text = ApprovedExport.render(format, title, fps, dropFrame, review.approvedFixes());
            res.header(HeaderNames.CONTENT_TYPE, format.contentType() + "; charset=UTF-8")
                    .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + production + "."
                            + format.name().toLowerCase(java.util.Locale.ROOT) + "\"")
                    .send(text);
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private static int intParam(ServerRequest req, String name, int dflt) {
        String v = req.query().first(name).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ReviewException.invalid(name + " must be a whole number, was '" + v + "'");
        }
    }
}
