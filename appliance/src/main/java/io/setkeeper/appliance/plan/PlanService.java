package io.setkeeper.appliance.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The production's plan: imports (each replaces the stored part of its kind), parsed again from the stored bytes
 * on read, and the cast handed to whoever needs it (the production model) on import and at start.
 */
public final class PlanService {
    private final String production;
    private final PlanLedger ledger;
    private final Clock clock;
    private final List<Consumer<Set<String>>> castListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Plan cached;

    public PlanService(String production, PlanLedger ledger, Clock clock) {
        this.production = production;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Called with the script's cast now (when a screenplay is stored) and after every screenplay import. */
    public void onCast(Consumer<Set<String>> listener) {
        castListeners.add(listener);
        Set<String> cast = current().cast();
        if (!cast.isEmpty()) {
            listener.accept(cast);
        }
    }

    /** Called after every stored import (screenplay, shot list) and change of the day. */
    public void onChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    public String production() {
        return production;
    }

    /**
     * Imports a screenplay: Final Draft when the content type says XML/FDX or the bytes start with an XML
     * declaration or {@code <FinalDraft}, Fountain otherwise.
     *
     * @throws ScriptFormatException when an FDX body is not readable XML (nothing is stored then)
     */
    public Screenplay importScreenplay(byte[] body, String contentType, String fileName) throws ScriptFormatException {
        String format = isFdx(body, contentType, fileName) ? "FDX" : "FOUNTAIN";
        Screenplay parsed = parseScreenplay(format, body);
        if (parsed.scenes().isEmpty()) {
            throw new ScriptFormatException("no scene heading found: nothing imported, the stored screenplay stays",
                    0, null);
        }
        store(PlanSource.Kind.SCREENPLAY, format, fileName, body);
        Set<String> cast = current().cast();
        castListeners.forEach(l -> l.accept(cast));
        return parsed;
    }

    /**
     * Imports a shot list (CSV); malformed rows are in the result's problems, the rest is stored. A list with no
     * importable row is not stored (the stored one stays).
     */
    public ShotList importShotList(byte[] body, String fileName) {
        ShotList parsed = ShotListReader.read(new String(body, StandardCharsets.UTF_8));
        if (parsed.setups().isEmpty()) {
            return parsed;
        }
        store(PlanSource.Kind.SHOTLIST, "CSV", fileName, body);
        return parsed;
    }

    /** Sets the scenes planned for the day (ids as in the screenplay, e.g. "3", "5"); an empty list clears it. */
    public List<String> setDay(List<String> scenes) {
        List<String> day = normalise(scenes);
        store(PlanSource.Kind.DAY, "LIST", null, String.join("\n", day).getBytes(StandardCharsets.UTF_8));
        return day;
    }

    /** The plan as stored now. */
    public Plan current() {
        Plan p = cached;
        if (p == null) {
            p = load();
            cached = p;
        }
        return p;
    }

    private synchronized void store(PlanSource.Kind kind, String format, String fileName, byte[] body) {
        ledger.put(production, new PlanSource(kind, format, Optional.ofNullable(fileName).filter(s -> !s.isBlank()),
                body, clock.instant()));
        cached = null;
        changeListeners.forEach(Runnable::run);
    }

    private Plan load() {
        Optional<PlanSource> script = ledger.get(production, PlanSource.Kind.SCREENPLAY);
        Optional<PlanSource> shots = ledger.get(production, PlanSource.Kind.SHOTLIST);
        Optional<PlanSource> day = ledger.get(production, PlanSource.Kind.DAY);
        Optional<Screenplay> screenplay = script.map(s -> {
            try {
                return parseScreenplay(s.format(), s.content());
            } catch (ScriptFormatException e) {
                // stored only after it parsed once; a parser change that refuses it now leaves no screenplay
                return null;
            }
        });
        Optional<ShotList> shotList = shots.map(s -> ShotListReader.read(new String(s.content(), StandardCharsets.UTF_8)));
        List<String> scenes = day.map(d -> normalise(List.of(new String(d.content(), StandardCharsets.UTF_8)
                .split("\n")))).orElse(List.of());
        return new Plan(screenplay, script, shotList, shots, scenes);
    }

    static boolean isFdx(byte[] body, String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("xml") || type.contains("fdx")) {
            return true;
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".fdx")) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        return head.startsWith("<?xml") || head.startsWith("<FinalDraft");
    }

    private static Screenplay parseScreenplay(String format, byte[] body) throws ScriptFormatException {
        if (format.equals("FDX")) {
            try {
                return FdxParser.parse(new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return FountainParser.parse(body);
    }

    private static List<String> normalise(List<String> scenes) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : scenes) {
            for (String part : s.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
