package io.setkeeper.protocol.interchange.ale;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an Avid Log Exchange file: the columns Setkeeper uses (Name, Scene, Take, Circled and the CDL from
 * ASC_SOP/ASC_SAT) and every other column, by its header name in file order, in {@code other}.
 * {@code line} is the 1-based line in the file it came from (0 for rows built in code).
 */
public record AleClip(int line, String name, String scene, String take, boolean circled, Optional<Cdl> cdl,
        Map<String, String> other) {
    public AleClip {
        name = name == null ? "" : name;
        scene = scene == null ? "" : scene;
        take = take == null ? "" : take;
        Objects.requireNonNull(cdl, "cdl");
        other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /** A row built in code, for writing. */
    public static AleClip of(String name, String scene, String take, boolean circled, Cdl cdl,
            Map<String, String> other) {
        return new AleClip(0, name, scene, take, circled, Optional.ofNullable(cdl), other);
    }

    /** The value of any column: the known ones by their ALE names, else from {@code other}; "" when absent. */
    public String column(String header) {
        return switch (header) {
            case AleColumns.NAME -> name;
            case AleColumns.SCENE -> scene;
            case AleColumns.TAKE -> take;
            default -> other.getOrDefault(header, "");
        };
    }
}
