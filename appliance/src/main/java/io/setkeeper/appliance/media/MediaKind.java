package io.setkeeper.appliance.media;

/** What a probed file carries: pictures (with or without sound) or sound only. */
public enum MediaKind {
    VIDEO,
    AUDIO_ONLY
}
