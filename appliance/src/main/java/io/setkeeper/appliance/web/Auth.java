package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.User;

/**
 * The review and admin routes' own read rule, their first handler: the {@link ApiGuard} in front of all of /api has
 * already checked any token (and put its {@link User} in the request context) and every write's role. Here, without
 * a token, reads (GET, HEAD) pass only when {@code openReads} (never for {@link #closed()}: the user list); finer
 * rules (ADMIN does not decide) are the handlers'.
 */
final class Auth {
    private final boolean openReads;

    Auth(boolean openReads) {
        this.openReads = openReads;
    }

    /** The same rule with reads closed (admin routes). */
    Auth closed() {
        return new Auth(false);
    }

    void filter(ServerRequest req, ServerResponse res) {
        if (req.context().get(User.class).isPresent()) { // a token the ApiGuard has checked
            res.next();
            return;
        }
        Method m = req.prologue().method();
        if (openReads && (m == Method.GET || m == Method.HEAD)) {
            res.next();
            return;
        }
        res.status(Status.UNAUTHORIZED_401).header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"setkeeper\"")
                .send(JsonViews.error("this request needs 'Authorization: Bearer <token>'"));
    }

    /** The authenticated user; throws UNAUTHENTICATED when the request carried no token. */
    static User user(ServerRequest req) {
        return req.context().get(User.class).orElseThrow(() -> ReviewException.unauthenticated(
                "this request needs 'Authorization: Bearer <token>'"));
    }
}
