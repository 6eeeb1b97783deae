package io.setkeeper.ui;

import javafx.application.Application;

/**
 * Starts the station: {@code java io.setkeeper.ui.Main --appliance=http://host:port --token=...}. A plain class
 * (not the Application itself) so it runs from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(StationApp.class, args);
    }
}
