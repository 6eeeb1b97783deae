package io.setkeeper.appliance.continuity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sound and picture disagreeing on scene or take: the sound recorder's slate against the picture slate. */
final class SoundCheck {
    private SoundCheck() {
    }

    static Optional<Finding> check(ClipFacts c) {
        ClipFacts.SoundSlate s = c.sound();
        if (s == null) {
            return Optional.empty();
        }
        boolean scene = differs(s.scene(), c.scene()) && differs(s.scene(), c.setup());
        boolean take = differs(s.take(), c.take());
        if (!scene && !take) {
            return Optional.empty();
        }
        String what = scene && take ? "scene and take" : scene ? "scene" : "take";
        return Optional.of(Finding.of(Finding.Kind.SOUND_MISMATCH, c, null, what, String.format(
                "sound %s says scene %s take %s, picture says scene %s (setup %s) take %s", s.file(), s.scene(),
                s.take(), c.scene(), c.setup(), c.take()),
                Map.of("sceneDiffers", scene ? 1.0 : 0.0, "takeDiffers", take ? 1.0 : 0.0), null));
    }

    private static boolean differs(String a, String b) {
        return a != null && b != null && !normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replaceFirst("^0+(?=\\d)", "");
    }
}
