package io.claimbench.api;

import io.claimbench.results.RunReport;

/** How two raters (people, or judges of a panel) agree, mapped from {@link RunReport.RaterAgreement}. */
public record RaterAgreementView(String a, String b, AgreementView agreement) {

    public static RaterAgreementView of(RunReport.RaterAgreement r) {
        return r == null ? null : new RaterAgreementView(r.a(), r.b(), AgreementView.of(r.agreement()));
    }
}
