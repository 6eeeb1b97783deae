package io.setkeeper.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The station's command line. */
class LaunchOptionsTest {
    @Test
    void applianceTokenAndLargeType() {
        assertEquals(new LaunchOptions(Optional.of("http://cart:8080"), "abc", true),
                LaunchOptions.parse("--appliance=http://cart:8080", "--token=abc", "--large"));
        assertEquals(new LaunchOptions(Optional.empty(), "", false), LaunchOptions.parse("--appliance="));
    }

    @Test
    void unknownArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--aplliance=x"))
                .getMessage().contains("'--aplliance=x'"));
    }
}
