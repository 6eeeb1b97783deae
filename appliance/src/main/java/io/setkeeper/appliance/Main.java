package io.setkeeper.appliance;

/** Wires the appliance: config, store, services, routes. Nothing else lives here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("wiring lands with the foundation commit");
    }
}
