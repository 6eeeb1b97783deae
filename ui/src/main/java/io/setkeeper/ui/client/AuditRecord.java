package io.setkeeper.ui.client;

/** One decision in the appliance's audit log ({@code GET /api/audit}, answer of {@code POST /api/decisions}). */
public record AuditRecord(long seq, String subjectType, String subjectId, String decision, String decidedBy,
                          String role, String decidedAt, String reason) {
}
