package io.setkeeper.appliance.review;

import java.time.Instant;

/** A named person (or the bootstrap admin) who uses the API, with one role. */
public record User(String id, String name, Role role, Instant createdAt) {
}
