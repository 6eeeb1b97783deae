package io.setkeeper.appliance.review;

import io.setkeeper.protocol.interchange.ExportClip;
import io.setkeeper.protocol.interchange.InterchangeExport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interchange exports of approved CDL fixes only: the texts come from protocol.interchange (the code the
 * sync-service uses too), each clip carrying its approval record (OTIO: {@code metadata.setkeeper.approval}).
 * When one clip has several approved CDL fixes, the latest approval (highest audit seq) is the one exported.
 */
public final class ApprovedExport {
    /** The formats {@code GET /api/exports/{format}} serves. */
    public enum Format {
        CDL("application/xml"), CCC("application/xml"), ALE("text/plain"), EDL("text/plain"),
        OTIO("application/json");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw ReviewException.notFound("no export format '" + s + "' (cdl, ccc, ale, edl, otio)");
            }
        }
    }

    private ApprovedExport() {
    }

    /** The export clips of the approved CDL fixes, one per clip (the latest approval wins), in audit order. */
    public static List<ExportClip> clips(List<ApprovedFix> approved) {
        Map<String, ExportClip> byClip = new LinkedHashMap<>();
        for (ApprovedFix a : approved) {
            if (a.fix() instanceof Fix.CdlFix c) {
                ClipRef t = c.target();
                byClip.remove(t.clip());
                byClip.put(t.clip(), new ExportClip(t.clip(), t.reel(), t.scene(), t.take(), t.circled(), c.cdl(),
                        t.sourceIn(), t.sourceOut(), Optional.empty(), a.approvalJson()));
            }
        }
        return List.copyOf(byClip.values());
    }

    /** The export text in one format. */
    public static String render(Format format, String title, int fps, boolean dropFrame, List<ApprovedFix> approved) {
        if (fps <= 0 || fps > 120) {
            throw ReviewException.invalid("fps must be 1-120, was " + fps);
        }
        if (dropFrame && fps != 30 && fps != 60) {
            throw ReviewException.invalid("drop-frame needs fps 30 or 60 (29.97 / 59.94), was " + fps);
        }
        List<ExportClip> clips = clips(approved);
        try {
            return switch (format) {
                case CDL -> InterchangeExport.cdl(clips);
                case CCC -> InterchangeExport.ccc(clips);
                case ALE -> InterchangeExport.ale(fps, dropFrame, clips);
                case EDL -> InterchangeExport.edl(title, fps, dropFrame, clips);
                case OTIO -> InterchangeExport.otio(title, fps, clips);
            };
        } catch (IllegalArgumentException e) {
            throw ReviewException.invalid("cannot export: " + e.getMessage());
        }
    }
}
