package io.setkeeper.ui;

import java.util.Optional;

/**
 * The station's command line: {@code --appliance=http://host:port} (connect at start), {@code --token=...},
 * {@code --large} (large type). Pure.
 */
public record LaunchOptions(Optional<String> appliance, String token, boolean large) {
    /** Reads the arguments; an unknown one is an error naming it. */
    public static LaunchOptions parse(String... args) {
        Optional<String> appliance = Optional.empty();
        String token = "";
        boolean large = false;
        for (String a : args) {
            if (a.startsWith("--appliance=")) {
                appliance = Optional.of(a.substring("--appliance=".length())).filter(s -> !s.isBlank());
            } else if (a.startsWith("--token=")) {
                token = a.substring("--token=".length());
            } else if (a.equals("--large")) {
                large = true;
            } else {
                throw new IllegalArgumentException("unknown argument '" + a
                        + "': use --appliance=http://host:port --token=... [--large]");
            }
        }
        return new LaunchOptions(appliance, token, large);
    }
}
