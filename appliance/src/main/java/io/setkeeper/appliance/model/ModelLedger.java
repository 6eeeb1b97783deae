package io.setkeeper.appliance.model;

import java.util.List;
import java.util.Optional;

/** Where versions, corrections and predictions are recorded (the H2 store implements it). */
public interface ModelLedger {
    void addVersion(ModelVersion v);

    void activate(String production, String id);

    List<ModelVersion> versions(String production);

    Optional<ModelVersion> active(String production);

    long nextSeq(String production);

    void addCorrection(String production, Correction c);

    List<Correction> corrections(String production);

    void putPrediction(String production, ClipPrediction p);
}
