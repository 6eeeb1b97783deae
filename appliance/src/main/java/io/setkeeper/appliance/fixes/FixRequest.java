package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.fixes.patch.Region;
import io.setkeeper.appliance.fixes.reframe.Aspect;
import io.setkeeper.appliance.review.ReviewException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * What a person asks the machine to propose for a clip ({@code POST /api/clips/{id}/fixes}):
 * {@code {"kind":"cdl","reference":"scene|setup|clip:<id>"}}, {@code {"kind":"reframe","aspect":"9:16"}} or
 * {@code {"kind":"patch","frames":[a,b],"region":[x,y,w,h]}} (source frame indices and source pixels) or
 * {@code {"kind":"plate"}} (the production model's clean plate of the clip's setup).
 */
public sealed interface FixRequest {
    /** Match the clip's look to the scene's or setup's look in the production model, or to another clip. */
    record Cdl(String reference, double limit) implements FixRequest {
    }

    /** A crop path for another aspect ratio. */
    record Reframe(Aspect aspect) implements FixRequest {
    }

    /** Fill a region over frames [first, last] from the neighbouring frames. */
    record Patch(long first, long last, Region region) implements FixRequest {
    }

    /** The production model's clean plate of the clip's setup (slate setup, else where the model placed it). */
    record Plate() implements FixRequest {
    }

    /** Parses a request; anything missing or malformed is refused naming the field. */
    static FixRequest parse(JsonObject o) {
        if (!(o.get("kind") instanceof JsonString kind)) {
            throw ReviewException.invalid("'kind' is required: cdl, reframe, patch or plate");
        }
        try {
            return switch (kind.getString()) {
                case "cdl" -> {
                    String ref = o.get("reference") instanceof JsonString s ? s.getString().strip() : "scene";
                    if (!ref.equals("scene") && !ref.equals("setup") && !ref.matches("clip:\\d{1,18}")) {
                        throw ReviewException.invalid("reference must be scene, setup or clip:<id>, was '" + ref + "'");
                    }
                    double limit = o.get("limit") instanceof JsonNumber n ? n.doubleValue()
                            : io.setkeeper.appliance.fixes.cdl.CdlMatch.DEFAULT_LIMIT;
                    if (!(limit > 0 && limit < 100)) {
                        throw ReviewException.invalid("limit must be a CIEDE2000 value between 0 and 100");
                    }
                    yield new Cdl(ref, limit);
                }
                case "reframe" -> new Reframe(Aspect.parse(o.get("aspect") instanceof JsonString s ? s.getString()
                        : null));
                case "patch" -> {
                    long[] f = numbers(o, "frames", 2);
                    long[] r = numbers(o, "region", 4);
                    if (f[0] < 0 || f[1] < f[0]) {
                        throw ReviewException.invalid("frames must be [first, last] with 0 <= first <= last");
                    }
                    yield new Patch(f[0], f[1], new Region((int) r[0], (int) r[1], (int) r[2], (int) r[3]));
                }
                case "plate" -> new Plate();
                default -> throw ReviewException.invalid("kind must be cdl, reframe, patch or plate, was '"
                        + kind.getString() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw ReviewException.invalid(e.getMessage());
        }
    }

    private static long[] numbers(JsonObject o, String key, int n) {
        if (!(o.get(key) instanceof JsonArray a) || a.size() != n) {
            throw ReviewException.invalid("'" + key + "' must be an array of " + n + " integers");
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (!(a.get(i) instanceof JsonNumber num) || !num.isIntegral() || Math.abs(num.longValue()) > 1L << 31) {
                throw ReviewException.invalid("'" + key + "' must be an array of " + n + " integers");
            }
            out[i] = num.longValue();
        }
        return out;
    }
}
