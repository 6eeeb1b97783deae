package io.setkeeper.appliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The before-wrap report as one self-contained HTML file (stills inlined), one printed page per scene. */
public final class ReportHtml {
    private ReportHtml() {
    }

    public static String render(String production, Instant at, List<ReportPage> pages) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Before wrap</title><style>
                body{font-family:sans-serif;margin:24px;color:#222}
                section{page-break-after:always;margin-bottom:48px}
                h1{font-size:20px;margin:0 0 4px} .meta{color:#666;font-size:12px;margin-bottom:12px}
                .badge{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-size:12px}
                .covered{background:#2e7d32} .flagged,.pending{background:#ef6c00} .missing,.nothing-shot,.unusable{background:#c62828}
                .unplanned{background:#6a1b9a}
                ul.wrap li{color:#b71c1c;font-weight:bold;margin:2px 0}
                table{border-collapse:collapse;font-size:13px;margin:8px 0} td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
                .stills{display:flex;flex-wrap:wrap;gap:8px} figure{margin:0;width:200px;font-size:11px}
                figure img{width:200px;border:4px solid #ccc} figure.covered img{border-color:#2e7d32}
                figure.flagged img,figure.pending img{border-color:#ef6c00} figure.unusable img{border-color:#c62828}
                </style></head><body>
                """);
        for (ReportPage p : pages) {
            b.append("<section><h1>").append(esc(p.title())).append(" <span class=\"badge ").append(ReportPage.css(p.status()))
                    .append("\">").append(p.status()).append("</span></h1><div class=\"meta\">").append(esc(production))
                    .append(" - before-wrap report - ").append(at).append("</div>");
            if (p.wrap().isEmpty()) {
                b.append("<p>Nothing to add: every planned setup has a usable take.</p>");
            } else {
                b.append("<h2>Before we wrap</h2><ul class=\"wrap\">");
                p.wrap().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
                b.append("</ul>");
            }
            b.append("<h2>Setups</h2><table><tr><th>setup</th><th>size</th><th>planned</th><th>takes</th><th>status</th></tr>");
            for (ReportPage.SetupRow r : p.setups()) {
                b.append("<tr><td>").append(esc(r.setup())).append("</td><td>").append(esc(r.size())).append("</td><td>")
                        .append(esc(r.description())).append("</td><td>")
                        .append(r.takes().isEmpty() ? "not shot" : esc(String.join("; ", r.takes())))
                        .append("</td><td><span class=\"badge ").append(ReportPage.css(r.status())).append("\">")
                        .append(r.status()).append("</span></td></tr>");
            }
            b.append("</table>");
            if (!p.people().isEmpty()) {
                b.append("<h2>Characters</h2><table><tr><th>character</th><th>speaks</th><th>seen at</th><th>single</th></tr>");
                for (ReportPage.CharacterRow c : p.people()) {
                    b.append("<tr><td>").append(esc(c.character())).append("</td><td>").append(c.speaks() ? "yes" : "no")
                            .append("</td><td>").append(esc(c.sizes())).append("</td><td>").append(c.single() ? "yes" : "no")
                            .append("</td></tr>");
                }
                b.append("</table>");
            }
            if (!p.stills().isEmpty()) {
                b.append("<h2>Takes</h2><div class=\"stills\">");
                for (ReportPage.Still s : p.stills()) {
                    b.append("<figure class=\"").append(ReportPage.css(s.status())).append("\"><img alt=\"")
                            .append(esc(s.caption())).append("\" src=\"data:image/jpeg;base64,").append(base64(s))
                            .append("\"><figcaption>").append(esc(s.caption())).append(" - ").append(s.status())
                            .append("</figcaption></figure>");
                }
                b.append("</div>");
            }
            b.append("</section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String base64(ReportPage.Still s) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(s.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
