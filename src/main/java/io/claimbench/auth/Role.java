package io.claimbench.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A caller's role. Each role includes the ones below it: admin > runner > voter > reader. */
public enum Role {
    READER(Roles.READER), VOTER(Roles.VOTER), RUNNER(Roles.RUNNER), ADMIN(Roles.ADMIN);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** This role and every role it includes. */
    public Set<Role> implied() {
        return EnumSet.range(READER, this);
    }

    public static Optional<Role> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String wanted = s.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.label.equals(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Parses a role name or throws, naming the four there are. */
    public static Role require(String s) {
        return parse(s).orElseThrow(() -> new IllegalArgumentException(
                "unknown role '" + shorten(s) + "' (expected reader, voter, runner or admin)"));
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
