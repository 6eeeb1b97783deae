package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ModelVersionInfo;

/** One version of the production model in the list: id, parent (lineage), when, why, active. Pure. */
public record VersionRow(String id, String parent, String created, String reason, String active, String onnx) {
    public static VersionRow of(ModelVersionInfo v) {
        return new VersionRow(v.id(), v.parent().orElse("(first)"), v.createdAt().replace('T', ' ')
                .replaceAll("\\.\\d+Z$", "Z"), v.reason(), v.active() ? "active" : "",
                v.onnxSha256().length() > 12 ? v.onnxSha256().substring(0, 12) + "…" : v.onnxSha256());
    }
}
