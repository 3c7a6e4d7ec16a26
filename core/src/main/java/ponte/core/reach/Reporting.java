package ponte.core.reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;
import ponte.core.reading.Reading;

/**
 * Partners report what they did with items: aired, published, downloaded, viewed, on which of their outlets, when, for
 * how large an audience. A batch is taken whole or not at all. The partner's own id makes a retry safe: the same report
 * again is answered with the one first kept, another report under a used id is refused. An item the caller may not
 * read is refused with the very words of an unknown one, so a report never tells a partner an item exists.
 */
public final class Reporting {
    public static final int MAX_BATCH = 1_000;
    /** A report a little ahead of this node's clock is a partner's clock, not a use yet to come. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** How a report names its item: by id, or by its ninjs uri. */
    public sealed interface ItemRef {
        record ById(ItemId id) implements ItemRef {}

        record ByUri(String uri) implements ItemRef {}
    }

    /** A report as the partner sends it; the version is the latest when not given. */
    public record Report(String id, ItemRef item, Optional<Integer> version, String outlet, UsageKind usage, Instant at,
                         Optional<Long> audience) {
        public Report {
            Objects.requireNonNull(item);
            Objects.requireNonNull(version);
            Objects.requireNonNull(outlet);
            Objects.requireNonNull(usage);
            Objects.requireNonNull(at);
            Objects.requireNonNull(audience);
        }
    }

    private final UsageReports reports;
    private final Items items;
    private final Reading reading;
    private final Orgs orgs;
    private final Clock clock;

    public Reporting(UsageReports reports, Items items, Reading reading, Orgs orgs, Clock clock) {
        this.reports = reports;
        this.items = items;
        this.reading = reading;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** The outlets the caller's org may report usage on: its own (a form offers them to choose from). */
    public List<Outlet> outlets(Caller caller) {
        return orgs.outlets(caller.actingFor(Role.PARTNER));
    }

    /** One report; refusals point at its members ({@code /item}). */
    public UsageReport report(Caller caller, Report report) {
        return take(caller, List.of(report), i -> "").getFirst();
    }

    /** Up to {@link #MAX_BATCH} reports, all or none; refusals point into the batch ({@code /reports/3/item}). */
    public List<UsageReport> reportAll(Caller caller, List<Report> batch) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new Invalid("/reports", "reports must hold 1 to " + MAX_BATCH + " reports");
        }
        return take(caller, batch, i -> "/reports/" + i);
    }

    private List<UsageReport> take(Caller caller, List<Report> batch, Function<Integer, String> pointer) {
        OrgId org = caller.actingFor(Role.PARTNER);
        Map<String, Outlet> outlets = orgs.outlets(org).stream().collect(Collectors.toMap(Outlet::id, o -> o));
        Instant now = clock.instant();
        Map<ItemId, Reading.Visible> readable = new LinkedHashMap<>();
        Map<String, UsageReport> asked = new LinkedHashMap<>();
        List<Invalid.Violation> refusals = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String where = pointer.apply(i);
            try {
                UsageReport made = resolve(caller, org, batch.get(i), where, outlets, readable, now);
                UsageReport earlier = asked.putIfAbsent(made.id(), made);
                if (earlier != null && !earlier.sameAs(made)) {
                    refusals.add(new Invalid.Violation(where + "/id", "id " + made.id() + " is given to two different reports"));
                }
            } catch (Invalid e) {
                refusals.addAll(e.violations());
            }
        }
        Map<String, UsageReport> kept = reports.byIds(org, asked.keySet());
        for (int i = 0; i < batch.size(); i++) {
            UsageReport first = kept.get(batch.get(i).id());
            UsageReport sent = asked.get(batch.get(i).id());
            if (first != null && sent != null && batch.get(i).version().isEmpty()) {
                // The item may have a newer version since: the retry is the same request, so it is the same report.
                sent = sent.atVersionOf(first);
            }
            if (first != null && sent != null && !first.sameAs(sent)) {
                refusals.add(new Invalid.Violation(pointer.apply(i) + "/id", "id " + first.id() + " was used for another report"));
            }
        }
        if (!refusals.isEmpty()) {
            throw new Invalid(refusals);
        }
        List<UsageReport> fresh = asked.values().stream().filter(r -> !kept.containsKey(r.id())).toList();
        // A retry may bring reports kept before beside new ones: each is answered as first kept.
        Map<String, UsageReport> answer = new java.util.HashMap<>(kept);
        if (!fresh.isEmpty()) {
            answer.putAll(reports.record(org, fresh));
        }
        return batch.stream().map(r -> answer.get(r.id())).toList();
    }

    private UsageReport resolve(Caller caller, OrgId org, Report r, String where, Map<String, Outlet> outlets,
                                Map<ItemId, Reading.Visible> readable, Instant now) {
        UsageReport.requireId(r.id(), where + "/id");
        String itemPointer = where + (r.item() instanceof ItemRef.ByUri ? "/uri" : "/item");
        Reading.Visible visible = visible(caller, r.item(), readable)
                .orElseThrow(() -> new Invalid(itemPointer, "no such item"));
        int latest = visible.version().number();
        int version = r.version().orElse(latest);
        if (version < 1 || version > latest) {
            throw new Invalid(where + "/version", "version must be one of the item's versions, 1 to " + latest);
        }
        Outlet outlet = outlets.get(r.outlet());
        if (outlet == null) {
            throw new Invalid(where + "/outlet", "outlet must be one of your org's outlets (GET /v1/orgs/" + org.value() + ")");
        }
        if (r.at().isAfter(now.plus(CLOCK_SKEW))) {
            throw new Invalid(where + "/at", "at must not be in the future");
        }
        if (r.audience().isPresent() && r.audience().get() < 0) {
            throw new Invalid(where + "/audience", "audience must be zero or more");
        }
        return new UsageReport(org, r.id(), visible.item().id(), version, outlet.id(), outlet.country(), r.usage(), r.at(),
                r.audience(), now);
    }

    private Optional<Reading.Visible> visible(Caller caller, ItemRef ref, Map<ItemId, Reading.Visible> readable) {
        Optional<ItemId> id = switch (ref) {
            case ItemRef.ById byId -> Optional.of(byId.id());
            case ItemRef.ByUri byUri -> items.byUri(byUri.uri()).map(i -> i.id());
        };
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Reading.Visible known = readable.get(id.get());
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Reading.Visible visible = reading.read(caller, id.get(), Optional.empty());
            readable.put(id.get(), visible);
            return Optional.of(visible);
        } catch (NotFound e) {
            return Optional.empty();
        }
    }
}
