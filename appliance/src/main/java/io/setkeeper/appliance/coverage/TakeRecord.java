package io.setkeeper.appliance.coverage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One shot take with where its facts come from, as the board and the report show it.
 *
 * @param take          the coverage view of the take
 * @param clipId        the clip's id in the store
 * @param clip          the clip's file name (the production model's key)
 * @param placedBy      SLATE when scene/setup come from the slate, MODEL when the production model placed an unslated
 *                      clip (with {@code placementConfidence})
 * @param analysis      the analysis state (NONE, QUEUED, RUNNING, DONE, FAILED)
 * @param qcProblems    QC findings (type: message) of severity WARNING or ERROR
 * @param slateCheck    the production model's word on the slate: null when it agrees or has no opinion, else
 *                      WRONG_SLATE, LOOKS_LIKE or CHANGED
 * @param predictedSetup the setup the picture looks like, null when the model has not learned the clip
 * @param still         the representative still's file name under the clip's stills folder, when written
 * @param notes         why the take is or is not usable, in words
 */
public record TakeRecord(ShotTake take, long clipId, String clip, String placedBy, double placementConfidence,
                         String analysis, List<String> qcProblems, String slateCheck, String predictedSetup,
                         Optional<String> still, List<String> notes) {
    public TakeRecord {
        Objects.requireNonNull(take);
        Objects.requireNonNull(clip);
        qcProblems = List.copyOf(qcProblems);
        notes = List.copyOf(notes);
        Objects.requireNonNull(still);
    }

    /**
     * covered (usable, QC-clean, nobody unknown in frame), pending (usable by its circle, QC not run yet), flagged
     * (usable with a caveat: a QC finding, someone unknown in frame, the model doubting the slate) or unusable.
     */
    public String status() {
        if (!take.usable()) {
            return "unusable";
        }
        boolean plain = take.unknown() == 0 && slateCheck == null;
        if (take.qcPending() && plain) {
            return "pending";
        }
        return take.qcClean() && plain ? "covered" : "flagged";
    }

    /** Why a take is not simply covered, in a few words (empty when covered). */
    public String caveat() {
        List<String> why = new java.util.ArrayList<>();
        if (!take.slateAgrees()) {
            why.add("looks like " + predictedSetup);
        } else if (slateCheck != null) {
            why.add(slateCheck.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (!qcProblems.isEmpty()) {
            why.add("QC " + qcProblems.stream().map(q -> q.substring(0, Math.max(0, q.indexOf(':'))))
                    .distinct().collect(java.util.stream.Collectors.joining("/")));
        } else if (take.qcPending()) {
            why.add("QC pending");
        } else if (!take.qcClean()) {
            why.add("analysis failed");
        }
        if (take.unknown() > 0) {
            why.add("someone else in frame");
        }
        if (!take.circled() && !take.qcClean()) {
            why.add("not circled");
        }
        return String.join(", ", why);
    }
}
