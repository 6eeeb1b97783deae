package io.setkeeper.protocol.interchange.cdl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CDL XML file holds: its kind (from the root element, not the file name), its top-level descriptions and
 * its corrections in file order.
 */
public record CdlDocument(Kind kind, List<String> descriptions, List<Entry> entries) {
    /** The XML flavours: ColorCorrection, ColorCorrectionCollection, ColorDecisionList, and a CLF ProcessList. */
    public enum Kind {
        /** {@code .cc}: a single {@code ColorCorrection}. */
        CC,
        /** {@code .ccc}: a {@code ColorCorrectionCollection}. */
        CCC,
        /** {@code .cdl}: a {@code ColorDecisionList} of {@code ColorDecision}s, each with an optional media ref. */
        CDL,
        /** {@code .clf}: a Common LUT Format {@code ProcessList}; only its {@code ASC_CDL} nodes are read. */
        CLF
    }

    /** How a correction is meant to be applied: CLF styles; everything in .cc/.ccc/.cdl is {@link #FWD}. */
    public enum Style {
        FWD, REV, FWD_NO_CLAMP, REV_NO_CLAMP
    }

    /** One correction, with the media it applies to (ColorDecision MediaRef) and its CLF style. */
    public record Entry(Cdl cdl, Optional<String> mediaRef, Style style) {
        public Entry {
            Objects.requireNonNull(cdl, "cdl");
            Objects.requireNonNull(mediaRef, "mediaRef");
            Objects.requireNonNull(style, "style");
        }

        /** A forward correction without a media reference. */
        public static Entry of(Cdl cdl) {
            return new Entry(cdl, Optional.empty(), Style.FWD);
        }
    }

    public CdlDocument {
        Objects.requireNonNull(kind, "kind");
        descriptions = List.copyOf(descriptions);
        entries = List.copyOf(entries);
    }

    /** The corrections alone, in file order. */
    public List<Cdl> cdls() {
        return entries.stream().map(Entry::cdl).toList();
    }
}
