package io.claimbench.auth;

import java.util.Set;

/** Who a key belongs to: the name runs record as their starter, and the roles it was given. */
public record Caller(String name, Set<Role> roles) {
}
