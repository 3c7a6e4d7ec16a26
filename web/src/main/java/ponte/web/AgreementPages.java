package ponte.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Role;
import ponte.core.agreements.Agreeing;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Dealings;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.licensing.Validity;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;

/**
 * Agreements: the org's list with each one's state and approvals, one agreement's terms, its versions side by side
 * with the differences marked, and the changes {@link Agreeing} makes (propose, amend, renew, approve, suspend,
 * resume), with warnings before one ends.
 */
public final class AgreementPages implements Section {
    private final Agreeing agreeing;
    private final Dealings dealings;
    private final Clock clock;

    public AgreementPages(Agreeing agreeing, Dealings dealings, Clock clock) {
        this.agreeing = agreeing;
        this.dealings = dealings;
        this.clock = clock;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/agreements", this::list)
                .get("/app/agreements/new", this::proposeForm)
                .post("/app/agreements/new", this::propose)
                .get("/app/agreements/{id}", this::read)
                .get("/app/agreements/{id}/amend", this::amendForm)
                .post("/app/agreements/{id}/amend", this::amend)
                .post("/app/agreements/{id}/renew", this::renew)
                .post("/app/agreements/{id}/approve", this::approve)
                .post("/app/agreements/{id}/suspend", v -> suspend(v, true))
                .post("/app/agreements/{id}/resume", v -> suspend(v, false));
    }

    /** The org's agreements in force that end within 30 days: the desk's banner. */
    public List<Expiry> expiring(Visit visit) {
        Instant now = clock.instant();
        return agreeing.mine(visit.caller()).stream().flatMap(a -> Expiry.of(a, now).stream()).toList();
    }

    private void list(Visit visit) {
        List<Agreement> mine = agreeing.mine(visit.caller());
        visit.render(200, "agreements.jte", Map.of("page", visit.page(visit.messages().t("agreements.title")), "agreements", mine,
                "now", clock.instant(), "expiring", expiring(visit)));
    }

    private void read(Visit visit) {
        Agreement agreement = agreement(visit);
        List<AgreementVersion> versions = agreeing.history(visit.caller(), agreement.id());
        Optional<TermsDiff> diff = versions.size() < 2 ? Optional.empty()
                : Optional.of(TermsDiff.of(versions.get(versions.size() - 2), versions.getLast()));
        visit.render(200, "agreement.jte", Map.of("page", visit.page(agreement.current().terms().title()), "agreement", agreement,
                "state", agreement.state(clock.instant()).name().toLowerCase(java.util.Locale.ROOT), "diff", diff,
                "expiry", Expiry.of(agreement, clock.instant()), "done", visit.query("done").orElse("")));
    }

    private Agreement agreement(Visit visit) {
        try {
            return agreeing.read(visit.caller(), visit.param("id"));
        } catch (Invalid e) {
            throw new NotFound("no such agreement");
        }
    }

    private void proposeForm(Visit visit) {
        OrgId own = visit.caller().actingFor(Role.EDITOR);
        form(visit, 200, Optional.empty(), TermsForm.blank(own), List.of());
    }

    private void form(Visit visit, int status, Optional<Agreement> amending, TermsForm terms, List<Invalid.Violation> problems) {
        OrgId own = visit.caller().actingFor(Role.EDITOR);
        List<Org> others = dealings.orgs(visit.caller()).stream().filter(o -> !o.id().equals(own)).toList();
        String title = visit.messages().t(amending.isPresent() ? "agreements.amend" : "agreements.propose");
        visit.render(status, "agreement-form.jte", Map.of("page", visit.page(title), "amending", amending, "terms", terms, "others", others,
                "problems", problems));
    }

    private void propose(Visit visit) {
        TermsForm form = TermsForm.from(visit);
        try {
            Agreement made = agreeing.propose(visit.caller(), form.id(), form.terms());
            visit.redirect("/app/agreements/" + made.id() + "?done=proposed");
        } catch (Invalid e) {
            form(visit, 422, Optional.empty(), form, e.violations());
        }
    }

    private void amendForm(Visit visit) {
        Agreement agreement = agreement(visit);
        visit.caller().actingFor(Role.EDITOR);
        form(visit, 200, Optional.of(agreement), TermsForm.of(agreement), List.of());
    }

    private void amend(Visit visit) {
        Agreement agreement = agreement(visit);
        TermsForm form = TermsForm.from(visit);
        try {
            agreeing.amend(visit.caller(), agreement.id(), form.terms());
            visit.redirect("/app/agreements/" + agreement.id() + "?done=amended");
        } catch (Invalid e) {
            form(visit, 422, Optional.of(agreement), form, e.violations());
        }
    }

    private void renew(Visit visit) {
        Agreement agreement = agreement(visit);
        Instant to = TermsForm.day(visit.field("validTo").orElse(""), true, "/validTo")
                .orElseThrow(() -> new Invalid("/validTo", "a date such as 2028-12-31"));
        agreeing.renew(visit.caller(), agreement.id(), to);
        visit.redirect("/app/agreements/" + agreement.id() + "?done=renewed");
    }

    private void approve(Visit visit) {
        Agreement agreement = agreement(visit);
        Optional<Integer> version = visit.field("version").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new Invalid("/version", "version must be a whole number");
            }
        });
        agreeing.approve(visit.caller(), agreement.id(), version);
        visit.redirect("/app/agreements/" + agreement.id() + "?done=approved");
    }

    private void suspend(Visit visit, boolean suspend) {
        Agreement agreement = agreement(visit);
        agreeing.suspend(visit.caller(), agreement.id(), suspend);
        visit.redirect("/app/agreements/" + agreement.id() + "?done=" + (suspend ? "suspended" : "resumed"));
    }

    /** The propose and amend form's values: the terms as text fields, one row per grant (a blank row adds one). */
    public record TermsForm(String id, String title, List<String> parties, String validFrom, String validTo, List<GrantRow> grants) {
        public record GrantRow(String licensor, String licensee, String products, String include, String exclude, String languages, String embargoMinutes) {
            boolean blank() {
                return products.isBlank();
            }
        }

        static TermsForm blank(OrgId own) {
            return new TermsForm("", "", List.of(own.value(), ""), "", "", List.of(new GrantRow(own.value(), "", "", "", "", "", "0")));
        }

        static TermsForm of(Agreement a) {
            Terms t = a.current().terms();
            List<GrantRow> rows = new ArrayList<>();
            for (Grant g : t.grants()) {
                rows.add(new GrantRow(g.licensor().value(), g.licensee().value(), String.join(" ", g.products().stream().map(ProductId::value).sorted().toList()),
                        g.territories().everywhere() ? "" : String.join(" ", g.territories().includeWire()), String.join(" ", g.territories().excludeWire()),
                        String.join(" ", g.languages().stream().sorted().toList()), String.valueOf(g.embargoDelay().toMinutes())));
            }
            return new TermsForm(a.id(), t.title(), t.parties().stream().map(OrgId::value).sorted().toList(),
                    t.validity().from().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString()).orElse(""),
                    t.validity().to().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString()).orElse(""), rows);
        }

        static TermsForm from(Visit visit) {
            List<String> licensors = visit.fields("licensor");
            List<String> licensees = visit.fields("licensee");
            List<String> products = visit.fields("products");
            List<String> include = visit.fields("include");
            List<String> exclude = visit.fields("exclude");
            List<String> languages = visit.fields("languages");
            List<String> embargo = visit.fields("embargoMinutes");
            List<GrantRow> rows = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                rows.add(new GrantRow(at(licensors, i), at(licensees, i), products.get(i).strip(), at(include, i), at(exclude, i), at(languages, i),
                        at(embargo, i)));
            }
            return new TermsForm(visit.field("id").orElse("").strip(), visit.field("title").orElse("").strip(), visit.fields("parties").stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), visit.field("validFrom").orElse(""), visit.field("validTo").orElse(""), rows);
        }

        private static String at(List<String> values, int i) {
            return i < values.size() ? values.get(i).strip() : "";
        }

        /** The terms, as core takes them; core checks them (parties known, products owned, exclusivity). */
        Terms terms() {
            Set<OrgId> partyIds = new LinkedHashSet<>();
            parties.forEach(p -> partyIds.add(new OrgId(p)));
            List<Grant> made = new ArrayList<>();
            for (GrantRow row : grants) {
                if (row.blank()) {
                    continue;
                }
                Set<ProductId> productIds = new LinkedHashSet<>();
                for (String p : row.products().split("[\\s,]+")) {
                    productIds.add(new ProductId(p));
                }
                Set<String> in = words(row.include());
                long minutes;
                try {
                    minutes = row.embargoMinutes().isBlank() ? 0 : Long.parseLong(row.embargoMinutes());
                } catch (NumberFormatException e) {
                    throw new Invalid("/grants/" + made.size() + "/embargoDelay", "minutes, a whole number");
                }
                made.add(new Grant(new OrgId(row.licensor()), new OrgId(row.licensee()), productIds,
                        Territories.of(in.isEmpty() ? Set.of("*") : in, words(row.exclude())), words(row.languages()), Duration.ofMinutes(minutes), false));
            }
            return new Terms(title, partyIds, new Validity(day(validFrom, false, "/validFrom"), day(validTo, true, "/validTo")), made);
        }

        private static Set<String> words(String text) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : text.split("[\\s,]+")) {
                if (!w.isBlank()) {
                    out.add(w);
                }
            }
            return out;
        }

        /** A date of the form, UTC: as an end, the whole day is included. */
        static Optional<Instant> day(String value, boolean end, String pointer) {
            if (value.isBlank()) {
                return Optional.empty();
            }
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return Optional.of(end ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1) : day.atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                throw new Invalid(pointer, "a date such as 2026-02-06");
            }
        }
    }
}
