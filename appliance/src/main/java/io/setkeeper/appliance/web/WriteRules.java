package io.setkeeper.appliance.web;

import io.setkeeper.appliance.review.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may write what: every POST/PUT/PATCH/DELETE under {@code /api} is matched here by {@link ApiGuard}; a path with
 * no rule is refused for everyone (a new write route must add its rule; {@code WriteRulesCoverageTest} checks that
 * each *Routes write has one). The table is docs/security.md's "who may do what". A pure function.
 */
final class WriteRules {
    /** One rule: the paths it covers, the roles that may, and what the action is called in a refusal. */
    record Rule(Pattern path, Set<Role> roles, String action) {
        boolean allows(Role role) {
            return roles.contains(role);
        }
    }

    private static final Set<Role> MEDIA = EnumSet.of(Role.DIT, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> PLAN = EnumSet.of(Role.DIT, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN);
    private static final Set<Role> PEOPLE = EnumSet.of(Role.DIT, Role.SUPERVISOR, Role.DIRECTOR);
    private static final Set<Role> VERSIONS = EnumSet.of(Role.DIT, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    private static final String SEG = "[^/]+";

    /** The rules, first match wins. */
    static final List<Rule> RULES = List.of(
            rule("/api/offloads(/.*)?", MEDIA, "start or stop an offload"),
            rule("/api/cards(/.*)?", MEDIA, "report a card inserted or removed"),
            rule("/api/slates", MEDIA, "import slates, camera or sound reports"),
            rule("/api/plan(/.*)?", PLAN, "import the plan (screenplay, shot list, shooting day)"),
            rule("/api/model/corrections", PEOPLE, "correct the model or name a character"),
            rule("/api/model/versions(/" + SEG + "/activate)?", VERSIONS, "cut or activate a model version"),
            rule("/api/productions(/.*)?", ADMIN, "create or change a production"),
            rule("/api/users(/.*)?", ADMIN, "manage users and tokens"),
            rule("/api/fixes", PEOPLE, "propose a fix"),
            rule("/api/clips/" + SEG + "/fixes", PEOPLE, "propose a fix"),
            rule("/api/decisions", PEOPLE, "decide on a fix or a flag"));

    private WriteRules() {
    }

    /** The rule for a write to {@code path} (without query, trailing slash ignored), if one exists. */
    static Optional<Rule> rule(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return RULES.stream().filter(r -> r.path().matcher(p).matches()).findFirst();
    }

    private static Rule rule(String regex, Set<Role> roles, String action) {
        return new Rule(Pattern.compile(regex), Set.copyOf(roles), action);
    }
}
