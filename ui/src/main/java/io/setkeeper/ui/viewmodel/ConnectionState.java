package io.setkeeper.ui.viewmodel;

/** Where the station stands with its appliance. */
public enum ConnectionState {
    DISCONNECTED("Not connected"), CONNECTING("Connecting…"), CONNECTED("Connected"), FAILED("Not connected");

    private final String words;

    ConnectionState(String words) {
        this.words = words;
    }

    /** The state as shown to people. */
    public String words() {
        return words;
    }
}
