package io.setkeeper.appliance.plan;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One planned camera setup from the shot list.
 *
 * @param line        the 1-based line in the shot list file (0 when not from a file)
 * @param scene       the scene id as in the screenplay ("5")
 * @param setup       the setup id as the slate will say ("5C")
 * @param shotSize    the planned size
 * @param subjects    the characters framed, by identity (upper case, extensions removed); empty for none
 * @param angle       e.g. "eye level", "low"; empty when not given
 * @param lens        the lens as written ("35", "35mm", "24-70"); empty when not given
 * @param movement    e.g. "static", "locked off", "dolly in"; empty when not given
 * @param description free text
 */
public record PlannedSetup(int line, String scene, String setup, ShotSize shotSize, List<String> subjects,
                           String angle, String lens, String movement, String description) {
    private static final Pattern FOCAL = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(?:mm)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    public PlannedSetup {
        Objects.requireNonNull(scene);
        Objects.requireNonNull(setup);
        Objects.requireNonNull(shotSize);
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(angle);
        Objects.requireNonNull(lens);
        Objects.requireNonNull(movement);
        Objects.requireNonNull(description);
    }

    /** The focal length in millimetres when the lens is a prime written as a number ("35", "35mm"). */
    public OptionalDouble focalLengthMm() {
        Matcher m = FOCAL.matcher(lens);
        return m.matches() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
