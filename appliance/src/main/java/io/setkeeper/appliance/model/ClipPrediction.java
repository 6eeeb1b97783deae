package io.setkeeper.appliance.model;

import java.util.List;

/** What the model says about one clip: each person's character and the setup against the slate. */
public record ClipPrediction(String clip, List<CharacterPrediction> people, SetupPrediction setup) {
    public ClipPrediction {
        people = List.copyOf(people);
    }

    /** The main person's (most observed face track) character, or null when unknown or nobody is in frame. */
    public String mainCharacter() {
        return people.isEmpty() ? null : people.getFirst().character();
    }
}
