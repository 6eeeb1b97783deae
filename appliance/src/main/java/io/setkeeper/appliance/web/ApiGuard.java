package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.setkeeper.appliance.review.Role;
import io.setkeeper.appliance.review.User;
import io.setkeeper.appliance.review.UserService;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one gate in front of every {@code /api} route, a Helidon filter that runs before any handler. A request that
 * carries {@code Authorization: Bearer <token>} must carry a known, unrevoked token (else 401) and its {@link User} is
 * put in the request context. Reads (GET, HEAD, OPTIONS) without a token pass only when {@code openReads}. Every
 * other method needs a token (401) whose role {@link WriteRules} allows for that path (403, also for a path with no
 * rule); each write let through is logged with its user and role. Handlers may check finer rules on top (the
 * approval gate does).
 */
final class ApiGuard implements Filter {
    private static final Logger LOG = Logger.getLogger(ApiGuard.class.getName());
    private final UserService users;
    private final boolean openReads;

    ApiGuard(UserService users, boolean openReads) {
        this.users = users;
        this.openReads = openReads;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            chain.proceed();
            return;
        }
        Method m = req.prologue().method();
        boolean read = m == Method.GET || m == Method.HEAD || m == Method.OPTIONS;
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            if (read && openReads) {
                chain.proceed();
            } else {
                refuse(res, Status.UNAUTHORIZED_401, (read ? "reading " : "writing to ") + path
                        + " needs a token: send 'Authorization: Bearer <token>' (docs/security.md)");
            }
            return;
        }
        String h = header.get().strip();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(res, Status.UNAUTHORIZED_401, "Authorization must be 'Bearer <token>'");
            return;
        }
        Optional<User> user = users.authenticate(h.substring(7));
        if (user.isEmpty()) {
            refuse(res, Status.UNAUTHORIZED_401, "unknown or revoked token");
            return;
        }
        User u = user.get();
        if (!read) {
            Optional<WriteRules.Rule> rule = WriteRules.rule(path);
            if (rule.isEmpty()) {
                refuse(res, Status.FORBIDDEN_403, "no role may " + m.text() + " " + path);
                return;
            }
            if (!rule.get().allows(u.role())) {
                refuse(res, Status.FORBIDDEN_403, "user '" + u.name() + "' has role " + u.role() + " and cannot "
                        + rule.get().action() + "; that needs " + names(rule.get()));
                return;
            }
            LOG.info(() -> m.text() + " " + path + " by '" + u.name() + "' (" + u.role() + ")");
        }
        req.context().register(u);
        chain.proceed();
    }

    private static String names(WriteRules.Rule r) {
        var roles = r.roles().stream().sorted().map(Role::name).toList();
        return roles.size() == 1 ? roles.getFirst() : String.join(", ", roles.subList(0, roles.size() - 1)) + " or "
                + roles.getLast();
    }

    private static void refuse(RoutingResponse res, Status status, String message) {
        res.status(status);
        if (status == Status.UNAUTHORIZED_401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"setkeeper\"");
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(JsonViews.error(message).toString());
    }
}
