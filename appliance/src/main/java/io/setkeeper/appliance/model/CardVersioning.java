package io.setkeeper.appliance.model;

import java.util.logging.Logger;

/**
 * Cuts a model version at the end of each card, once the card's clips are learned, if the model learned anything
 * since the last cut (new clips or corrections).
 */
public final class CardVersioning {
    private static final Logger LOG = Logger.getLogger(CardVersioning.class.getName());

    private final ModelService model;
    private int clipsAtLastCut = -1;

    public CardVersioning(ModelService model) {
        this.model = model;
    }

    /** Called on the analysis worker after the card's clips; returns whether a version was cut. */
    public synchronized boolean cardFinished(String cardLabel) {
        int clips = model.model().clips().size();
        if (clips == 0 || clips == clipsAtLastCut && model.pendingCorrections().isEmpty()) {
            return false;
        }
        ModelVersion v;
        try {
            v = model.cut("end of card " + cardLabel);
        } catch (IllegalStateException e) {
            LOG.info(() -> "no model version cut at the end of card " + cardLabel + ": " + e.getMessage());
            return false;
        }
        clipsAtLastCut = clips;
        LOG.info(() -> "production model version " + v.id() + " cut at the end of card " + cardLabel + " (" + clips
                + " clips learned)");
        return true;
    }
}
