package io.setkeeper.ui.client;

/** Asks the appliance whether it serves a feature whose screen the station has but whose API may not exist yet. */
public interface FeatureClient {
    /** Blocking: asks the appliance. Never throws; an unreachable appliance is {@link Availability.NotAvailable}. */
    Availability availability(Feature feature);
}
