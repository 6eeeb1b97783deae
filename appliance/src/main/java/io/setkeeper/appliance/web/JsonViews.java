package io.setkeeper.appliance.web;

import io.setkeeper.appliance.ingest.Card;
import io.setkeeper.appliance.ingest.JobFile;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadProgress;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/** JSON views of the appliance's records, kept in one place so the API's shapes are easy to review. */
final class JsonViews {
    private JsonViews() {
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }

    static JsonObject card(Card c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id()).add("production", c.production())
                .add("label", c.label()).add("source", c.source().toString()).add("fingerprint", c.fingerprint())
                .add("files", c.fileCount()).add("bytes", c.byteCount()).add("createdAt", c.createdAt().toString());
        c.shootDay().ifPresent(d -> b.add("shootDay", d));
        return b.build();
    }

    static JsonObject job(OffloadJob j, Optional<OffloadProgress> progress) {
        JsonArrayBuilder dests = Json.createArrayBuilder();
        for (OffloadJob.Destination d : j.destinations()) {
            JsonObjectBuilder db = Json.createObjectBuilder().add("index", d.index()).add("path", d.path().toString())
                    .add("state", d.state().name());
            d.mhlGeneration().ifPresent(g -> db.add("mhlGeneration", g));
            d.error().ifPresent(e -> db.add("error", e));
            dests.add(db);
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", j.id()).add("card", j.cardId())
                .add("production", j.production()).add("cardLabel", j.cardLabel()).add("source", j.source().toString())
                .add("algorithm", j.algorithm()).add("state", j.state().name()).add("destinations", dests)
                .add("createdAt", j.createdAt().toString());
        j.startedAt().ifPresent(t -> b.add("startedAt", t.toString()));
        j.finishedAt().ifPresent(t -> b.add("finishedAt", t.toString()));
        j.error().ifPresent(e -> b.add("error", e));
        progress.ifPresent(p -> b.add("progress", progress(p)));
        return b.build();
    }

    static JsonObject progress(OffloadProgress p) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("job", p.jobId()).add("phase", p.phase().name())
                .add("filesDone", p.filesDone()).add("filesTotal", p.filesTotal()).add("bytesDone", p.bytesDone())
                .add("bytesTotal", p.bytesTotal()).add("fraction", p.fraction())
                .add("bytesPerSecond", Math.round(p.bytesPerSecond())).add("currentFile", p.currentFile());
        p.etaSeconds().ifPresent(s -> b.add("etaSeconds", s));
        return b.build();
    }

    static JsonObject file(JobFile f) {
        JsonArrayBuilder copies = Json.createArrayBuilder();
        f.copies().values().stream().sorted(java.util.Comparator.comparingInt(JobFile.Copy::destination))
                .forEach(c -> {
                    JsonObjectBuilder cb = Json.createObjectBuilder().add("destination", c.destination())
                            .add("state", c.state().name());
                    c.hash().ifPresent(h -> cb.add("hash", h));
                    c.error().ifPresent(e -> cb.add("error", e));
                    copies.add(cb);
                });
        JsonObjectBuilder b = Json.createObjectBuilder().add("path", f.file().relPath()).add("size", f.file().size())
                .add("state", f.state().name()).add("copies", copies);
        f.sourceHash().ifPresent(h -> b.add("sourceHash", h));
        f.error().ifPresent(e -> b.add("error", e));
        return b.build();
    }

    static JsonObject report(OffloadJob j, List<JobFile> files) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        files.forEach(f -> arr.add(file(f)));
        long verified = files.stream().filter(f -> f.state() == JobFile.FileState.VERIFIED).count();
        return Json.createObjectBuilder().add("job", job(j, Optional.empty()))
                .add("summary", Json.createObjectBuilder().add("files", files.size()).add("verified", verified)
                        .add("failed", files.stream().filter(f -> f.state() == JobFile.FileState.FAILED).count())
                        .add("bytes", files.stream().mapToLong(f -> f.file().size()).sum()))
                .add("files", arr).build();
    }
}
