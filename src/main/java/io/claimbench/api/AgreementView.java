package io.claimbench.api;

import io.claimbench.stats.Agreement;

/**
 * Agreement of two raters as the API shows it, mapped from {@link Agreement.Result}: raw agreement and Cohen's
 * kappa over the n items both labelled, and raw agreement without the items either called a tie.
 */
public record AgreementView(long n, Double raw, Double kappa, long nWithoutTies, Double rawWithoutTies) {

    public static AgreementView of(Agreement.Result r) {
        return r == null ? null : new AgreementView(r.n(), r.raw(), r.kappa(), r.nWithoutTies(), r.rawWithoutTies());
    }
}
