package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.User;
import io.setkeeper.appliance.review.UserService;
import java.util.Optional;

/**
 * Bearer-token authentication for the review and admin routes: the first handler of those services (behind the
 * {@link ApiGuard}, which has usually authenticated the request already). A known token
 * puts its {@link User} in the request context; an unknown one is 401. Without a token, reads (GET, HEAD) pass only
 * when {@code openReads} (the cart LAN default); writes always need a token. Roles are checked by the handlers.
 */
final class Auth {
    private final UserService users;
    private final boolean openReads;

    Auth(UserService users, boolean openReads) {
        this.users = users;
        this.openReads = openReads;
    }

    /** The same authentication with reads closed (admin routes). */
    Auth closed() {
        return new Auth(users, false);
    }

    void filter(ServerRequest req, ServerResponse res) {
        if (req.context().get(User.class).isPresent()) { // already authenticated by the ApiGuard
            res.next();
            return;
        }
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isPresent()) {
            String h = header.get().strip();
            if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                refuse(res, "Authorization must be 'Bearer <token>'");
                return;
            }
            Optional<User> user = users.authenticate(h.substring(7));
            if (user.isEmpty()) {
                refuse(res, "unknown or revoked token");
                return;
            }
            req.context().register(user.get());
            res.next();
            return;
        }
        Method m = req.prologue().method();
        if (openReads && (m == Method.GET || m == Method.HEAD)) {
            res.next();
            return;
        }
        refuse(res, "this request needs 'Authorization: Bearer <token>'");
    }

    /** The authenticated user; throws UNAUTHENTICATED when the request carried no token. */
    static User user(ServerRequest req) {
        return req.context().get(User.class).orElseThrow(() -> ReviewException.unauthenticated(
                "this request needs 'Authorization: Bearer <token>'"));
    }

    private static void refuse(ServerResponse res, String message) {
        res.status(Status.UNAUTHORIZED_401).header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"setkeeper\"")
                .send(JsonViews.error(message));
    }
}
