package io.claimbench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The clock every feature injects, so that tests and replays control time. */
@ApplicationScoped
public class ClaimBenchProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
