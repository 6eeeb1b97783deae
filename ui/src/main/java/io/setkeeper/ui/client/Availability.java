package io.setkeeper.ui.client;

/** Whether the connected appliance serves a feature's API. */
public sealed interface Availability {
    /** The appliance answers on the feature's path. */
    record Available(String path) implements Availability {
    }

    /** The appliance does not serve it (yet), or could not be asked: why, in words. */
    record NotAvailable(String reason) implements Availability {
    }
}
