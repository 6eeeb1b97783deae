package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.CoverageService;
import io.setkeeper.appliance.report.ReportHtml;
import io.setkeeper.appliance.report.ReportPage;
import io.setkeeper.appliance.report.ReportPdf;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The director's before-wrap report: {@code GET /api/reports/before-wrap.html} and {@code .pdf}, one page per
 * scene, optional {@code ?scene=5} and {@code ?day=3,5}.
 */
final class ReportRoutes implements HttpService {
    private final CoverageService coverage;

    ReportRoutes(CoverageService coverage) {
        this.coverage = coverage;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/before-wrap.html", this::html).get("/before-wrap.pdf", this::pdf);
    }

    private List<ReportPage> pages(ServerRequest req, CoverageBoard board) {
        return ReportPage.of(board, coverage.plan().current().scenes(), coverage.stillsDir(),
                req.query().first("scene").asOptional());
    }

    private void html(ServerRequest req, ServerResponse res) {
        CoverageBoard board = coverage.board(CoverageRoutes.day(req));
        List<ReportPage> pages = pages(req, board);
        if (pages.isEmpty() && req.query().first("scene").isPresent()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no scene " + req.query().first("scene").get()));
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .send(ReportHtml.render(board.production(), board.at(), pages));
    }

    private void pdf(ServerRequest req, ServerResponse res) {
        CoverageBoard board = coverage.board(CoverageRoutes.day(req));
        List<ReportPage> pages = pages(req, board);
        Optional<String> scene = req.query().first("scene").asOptional();
        if (pages.isEmpty() && scene.isPresent()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no scene " + scene.get()));
            return;
        }
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/pdf")
                    .header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"before-wrap.pdf\"")
                    .send(ReportPdf.render(board.production(), board.at(), pages));
        } catch (IOException e) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(JsonViews.error("cannot draw the PDF: " + e.getMessage()));
        }
    }
}
