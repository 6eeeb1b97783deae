package io.setkeeper.ui.client;

/** The appliance's answer to a start: the job, and whether it is a repeat of a card already sent there. */
public record StartedOffload(OffloadJob job, boolean repeat) {
}
