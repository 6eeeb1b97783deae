package io.setkeeper.appliance.review;

import io.setkeeper.appliance.store.ReviewStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The approval gate: fixes are proposed (by the machine or a user), a named person with a deciding role decides
 * each fix or flag once, with a reason, and the decision is appended to the hash-chained audit log. Only then, and
 * only for APPROVE on a fix, an {@link ApprovedFix} is made and handed to the listeners (the outbox). The gate never
 * decides anything by itself.
 */
public final class ReviewService {
    private static final Logger LOG = Logger.getLogger(ReviewService.class.getName());
    /** Who proposes when the analysis does. */
    public static final String MACHINE = "machine";

    private final ReviewStore store;
    private final Clock clock;
    private final Map<Subject.Type, Subject.Resolver> resolvers = new EnumMap<>(Subject.Type.class);
    private final List<Consumer<ApprovedFix>> approvedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Decision>> decisionListeners = new CopyOnWriteArrayList<>();

    public ReviewService(ReviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        resolvers.put(Subject.Type.FIX, id -> proposed(id).map(p -> new Subject(Subject.Type.FIX, id,
                p.fix().evidence(), p.modelVersion())));
    }

    /** Lets another feature (flags) make its subjects decidable. The FIX resolver cannot be replaced. */
    public synchronized void registerResolver(Subject.Type type, Subject.Resolver resolver) {
        if (type == Subject.Type.FIX) {
            throw new IllegalArgumentException("fixes are resolved by the gate itself");
        }
        resolvers.put(type, resolver);
    }

    /** Called with every fix approval, after it is in the audit log (the outbox listens here). */
    public void onApproved(Consumer<ApprovedFix> listener) {
        approvedListeners.add(listener);
    }

    /** Called with every decision, after it is in the audit log (flags listen here). */
    public void onDecided(Consumer<Decision> listener) {
        decisionListeners.add(listener);
    }

    /** A user proposes a fix; a VIEWER or ADMIN may not. */
    public ProposedFix propose(User user, Fix fix, String modelVersion) {
        if (!user.role().canPropose()) {
            throw ReviewException.forbidden("user '" + user.name() + "' has role " + user.role()
                    + " and cannot propose fixes (DIT, DIRECTOR or SUPERVISOR can)");
        }
        return propose(fix, user.name(), modelVersion);
    }

    /** Records a proposed fix (the machine's analysis calls this with {@link #MACHINE}). Ids are unique. */
    public synchronized ProposedFix propose(Fix fix, String proposedBy, String modelVersion) {
        if (store.fix(fix.id()).isPresent()) {
            throw ReviewException.conflict("a fix with id '" + fix.id() + "' was proposed already");
        }
        ProposedFix p = new ProposedFix(fix, proposedBy, clock.instant(), blankToNull(modelVersion));
        store.insertFix(new ReviewStore.FixRow(fix.id(), fix.kind(), fix.target().clip(),
                FixJson.write(fix).toString(), p.proposedBy(), p.proposedAt(), p.modelVersion()));
        return p;
    }

    public List<ProposedFix> fixes() {
        return store.fixes().stream().map(ReviewService::proposed).toList();
    }

    public Optional<ProposedFix> proposed(String id) {
        return store.fix(id).map(ReviewService::proposed);
    }

    /** The decision on a subject, if it was decided. */
    public Optional<Decision> decisionOn(Subject.Type type, String id) {
        return store.decisionOn(type.name(), id).map(ReviewService::decision);
    }

    /**
     * A person decides a subject. Refused: a role that cannot decide (FORBIDDEN), no reason (INVALID), an unknown
     * subject (NOT_FOUND), a subject decided before (CONFLICT).
     */
    public Decision decide(User user, Subject.Type type, String subjectId, String decisionName, String reason) {
        if (!user.role().canDecide()) {
            throw ReviewException.forbidden("user '" + user.name() + "' has role " + user.role()
                    + " and cannot decide; only DIT, DIRECTOR or SUPERVISOR can approve, reject or accept as intent");
        }
        Decision.Kind kind = Decision.Kind.parse(decisionName);
        if (reason == null || reason.isBlank()) {
            throw ReviewException.invalid("a decision needs a reason");
        }
        if (reason.length() > 4000) {
            throw ReviewException.invalid("reason is longer than 4000 characters");
        }
        Subject.Resolver resolver;
        synchronized (this) {
            resolver = resolvers.get(type);
        }
        if (resolver == null) {
            throw ReviewException.notFound("no " + type + " " + subjectId + ": " + type
                    + " subjects are not registered on this appliance");
        }
        Subject subject = resolver.find(subjectId).orElseThrow(() -> ReviewException.notFound("no "
                + type.name().toLowerCase() + " '" + subjectId + "'"));
        Instant at = clock.instant();
        String id = UUID.randomUUID().toString();
        Decision decision;
        try {
            decision = decision(store.append((seq, prev) -> {
                ReviewStore.AuditRow r = new ReviewStore.AuditRow(seq, id, type.name(), subjectId, kind.name(),
                        user.name(), user.role().name(), at.toString(), reason.strip(), subject.modelVersion(),
                        evidenceJson(subject.evidence()), prev, "");
                return withHash(r);
            }));
        } catch (ReviewStore.AlreadyDecided e) {
            Decision earlier = decisionOn(type, subjectId).orElseThrow();
            throw ReviewException.conflict(type.name().toLowerCase() + " '" + subjectId + "' was already decided: "
                    + earlier.decision() + " by " + earlier.decidedBy() + " (" + earlier.role() + ") at "
                    + earlier.decidedAt() + "; a decision cannot be changed or repeated");
        }
        publish(decision);
        return decision;
    }

    /** The audit log in order. */
    public List<Decision> audit() {
        return store.audit().stream().map(ReviewService::decision).toList();
    }

    /** Walks the hash chain of the whole log. */
    public AuditChain.Verification verify() {
        return AuditChain.verify(store.audit(), store.head());
    }

    /** Every approved fix, from a verified audit log; a broken log exports nothing. */
    public List<ApprovedFix> approvedFixes() {
        List<ReviewStore.AuditRow> rows = store.audit();
        AuditChain.Verification v = AuditChain.verify(rows, store.head());
        if (!v.ok()) {
            throw ReviewException.brokenAudit("the audit log fails verification (" + v.problem()
                    + "); nothing is exported until it is investigated");
        }
        List<ApprovedFix> out = new ArrayList<>();
        for (ReviewStore.AuditRow r : rows) {
            Decision d = decision(r);
            if (d.subjectType() == Subject.Type.FIX && d.decision() == Decision.Kind.APPROVE) {
                proposed(d.subjectId()).ifPresent(p -> out.add(ApprovedFix.of(p.fix(), d)));
            }
        }
        return out;
    }

    /** Records that a decision's outgoing message is in the outbox (so it is not enqueued again at start). */
    public void markSent(Decision decision, String messageId) {
        store.markSent(decision.id(), messageId, clock.instant());
    }

    /**
     * Decisions that should have gone to the outbox but are not recorded as sent (a crash between the audit log
     * and the outbox): every fix approval and every flag decision without a sent mark, in log order. Fix approvals
     * come back as ApprovedFix through {@code approved}, flag decisions through {@code flags}.
     */
    public void replayUnsent(Consumer<ApprovedFix> approved, Consumer<Decision> flags) {
        java.util.Set<String> sent = store.sentDecisions();
        for (Decision d : audit()) {
            if (sent.contains(d.id())) {
                continue;
            }
            if (d.subjectType() == Subject.Type.FIX && d.decision() == Decision.Kind.APPROVE) {
                proposed(d.subjectId()).ifPresent(p -> approved.accept(ApprovedFix.of(p.fix(), d)));
            } else if (d.subjectType() == Subject.Type.FLAG) {
                flags.accept(d);
            }
        }
    }

    private void publish(Decision decision) {
        for (Consumer<Decision> l : decisionListeners) {
            notify(l, decision);
        }
        if (decision.subjectType() == Subject.Type.FIX && decision.decision() == Decision.Kind.APPROVE) {
            ApprovedFix approved = ApprovedFix.of(proposed(decision.subjectId()).orElseThrow().fix(), decision);
            for (Consumer<ApprovedFix> l : approvedListeners) {
                notify(l, approved);
            }
        }
    }

    private static <T> void notify(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a decision listener failed; the decision stays recorded", e);
        }
    }

    static ReviewStore.AuditRow withHash(ReviewStore.AuditRow r) {
        return new ReviewStore.AuditRow(r.seq(), r.decisionId(), r.subjectType(), r.subjectId(), r.decision(),
                r.decidedBy(), r.role(), r.decidedAt(), r.reason(), r.modelVersion(), r.evidence(), r.prevHash(),
                AuditChain.hash(r));
    }

    private static String evidenceJson(List<String> evidence) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        evidence.forEach(a::add);
        return a.build().toString();
    }

    private static List<String> evidence(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    private static Decision decision(ReviewStore.AuditRow r) {
        return new Decision(r.seq(), r.decisionId(), Subject.Type.valueOf(r.subjectType()), r.subjectId(),
                Decision.Kind.valueOf(r.decision()), r.decidedBy(), Role.valueOf(r.role()),
                Instant.parse(r.decidedAt()), r.reason(), r.modelVersion(), evidence(r.evidence()), r.prevHash(),
                r.hash());
    }

    private static ProposedFix proposed(ReviewStore.FixRow r) {
        return new ProposedFix(FixJson.read(r.body()), r.proposedBy(), r.proposedAt(), r.modelVersion());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
