package io.setkeeper.appliance.media;

import java.util.Locale;

/**
 * The opto-electronic transfer function a stream declares, which decides whether QC must treat it as HDR.
 * Read from FFmpeg's {@code color_trc} names.
 */
public enum TransferFunction {
    /** Standard dynamic range: BT.709, BT.601/SMPTE 170M, sRGB, gamma curves, BT.2020 SDR. */
    SDR,
    /** HDR10 / Dolby Vision base: SMPTE ST 2084 perceptual quantizer. */
    PQ,
    /** Hybrid log-gamma, ARIB STD-B67 / BT.2100 HLG. */
    HLG,
    /** Not declared in the file (FFmpeg "unknown"/"unspecified") or a curve we do not classify. */
    UNKNOWN;

    /** Classifies an FFmpeg transfer characteristic name ({@code av_color_transfer_name}); null means unknown. */
    public static TransferFunction fromFfmpegName(String trc) {
        if (trc == null) {
            return UNKNOWN;
        }
        return switch (trc.strip().toLowerCase(Locale.ROOT)) {
            case "smpte2084" -> PQ;
            case "arib-std-b67" -> HLG;
            case "bt709", "smpte170m", "bt470m", "bt470bg", "gamma22", "gamma28", "smpte240m", "iec61966-2-1",
                 "iec61966-2-4", "bt2020-10", "bt2020-12", "bt1361e", "linear" -> SDR;
            default -> UNKNOWN;
        };
    }
}
