package io.setkeeper.appliance.analysis.perception;

/** A detected object: its box (score = objectness x class probability), COCO class index and name. */
public record Detection(Box box, int classId, String label) {
    public boolean isPerson() {
        return classId == 0;
    }
}
