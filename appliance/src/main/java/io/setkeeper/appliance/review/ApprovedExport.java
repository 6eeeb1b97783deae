package io.setkeeper.appliance.review;

import io.setkeeper.protocol.interchange.ApprovedFixes;
import io.setkeeper.protocol.interchange.ExportClip;
import io.setkeeper.protocol.interchange.ExportFormat;
import java.util.List;

/**
 * Interchange exports of approved CDL fixes only, rendered from the very {@code FixApproved} messages the box sends
 * to post ({@link ApprovedFix#toMessage()}) by {@code protocol.interchange.ApprovedFixes}, the code the sync-service
 * uses for its exports: both ends write the same texts. Each clip carries its approval record (OTIO:
 * {@code metadata.setkeeper.approval}); when one clip has several approved CDL fixes, the latest approval (highest
 * audit seq) is the one exported.
 */
public final class ApprovedExport {
    private ApprovedExport() {
    }

    /** The format {@code GET /api/exports/{format}} names; 404 for an unknown one. */
    public static ExportFormat format(String s) {
        try {
            return ExportFormat.parse(s);
        } catch (IllegalArgumentException e) {
            throw ReviewException.notFound(e.getMessage());
        }
    }

    /** The export clips of the approved CDL fixes, one per clip (the latest approval wins), in audit order. */
    public static List<ExportClip> clips(List<ApprovedFix> approved) {
        return ApprovedFixes.latestPerClip(approved.stream().map(ApprovedFix::toMessage).toList());
    }

    /** The export text in one format. */
    public static String render(ExportFormat format, String title, int fps, boolean dropFrame,
                                List<ApprovedFix> approved) {
        try {
            return ApprovedFixes.render(format, title, fps, dropFrame,
                    approved.stream().map(ApprovedFix::toMessage).toList());
        } catch (IllegalArgumentException e) {
            throw ReviewException.invalid(e.getMessage().startsWith("fps") || e.getMessage().startsWith("drop-frame")
                    ? e.getMessage() : "cannot export: " + e.getMessage());
        }
    }
}
