package io.setkeeper.ui.client;

/** A production the appliance works for: its id (used in API calls) and its display name. */
public record Production(String id, String name) {
}
