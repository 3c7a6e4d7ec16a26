package ponte.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.campaigns.Conversion;
import ponte.core.campaigns.Converting;
import ponte.core.campaigns.Funnel;
import ponte.core.campaigns.FunnelCsv;
import ponte.core.campaigns.Funneling;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /v1/conversions (a channel's partner reports bookings, one or {@code {"conversions":[…]}}) and
 * GET /v1/campaigns/{id}/funnel (views, clicks, bookings, revenue per currency; JSON, or CSV by {@code Accept: text/csv}:
 * {@link FunnelCsv}).
 */
public final class ConversionsResource implements Resource {
    private static final Members CONVERSION = Members.of("id", "link", "campaign", "offer", "channel", "at", "bookings", "revenue", "currency");
    private static final Members BATCH = Members.of().withEach("conversions", CONVERSION);

    private final Converting converting;
    private final Funneling funneling;

    public ConversionsResource(Converting converting, Funneling funneling) {
        this.converting = converting;
        this.funneling = funneling;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/conversions", this::convert);
        routes.add("GET", "/v1/campaigns/{id}/funnel", this::funnel);
    }

    private void convert(Exchange x) {
        JsonNode body = x.body(CONVERSION.withEach("conversions", CONVERSION));
        if (body.has("conversions")) {
            BATCH.check(body);
            JsonNode all = body.get("conversions");
            if (!all.isArray()) {
                throw new Invalid("/conversions", "conversions must be an array of conversions");
            }
            List<Converting.Report> asked = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                asked.add(read(all.get(i), "/conversions/" + i));
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode kept = answer.putArray("conversions");
            converting.convertAll(x.caller(), asked).forEach(c -> kept.add(view(c)));
            x.json(201, answer);
            return;
        }
        x.json(201, view(converting.convert(x.caller(), read(body, ""))));
    }

    static Converting.Report read(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new Invalid(at.isEmpty() ? "/" : at, "a conversion is an object");
        }
        List<Invalid.Violation> refusals = new ArrayList<>();
        String id = text(node, at, "id", refusals).orElse("");
        Optional<String> link = text(node, at, "link", refusals);
        Optional<String> campaign = text(node, at, "campaign", refusals);
        Optional<String> offer = text(node, at, "offer", refusals);
        Optional<String> channel = text(node, at, "channel", refusals);
        Converting.Via via = null;
        if (link.isPresent() == offer.isPresent()) {
            refusals.add(new Invalid.Violation(at + "/link", "give exactly one of link or offer"));
        } else if (link.isPresent()) {
            if (campaign.isPresent() || channel.isPresent()) {
                refusals.add(new Invalid.Violation(at + (campaign.isPresent() ? "/campaign" : "/channel"), "a link names its campaign and channel itself"));
            }
            via = new Converting.Via.Link(link.get());
        } else if (campaign.isEmpty()) {
            refusals.add(new Invalid.Violation(at + "/campaign", "campaign is required with offer"));
        } else {
            via = new Converting.Via.Offer(campaign.get(), offer.get(), channel);
        }
        Optional<Instant> when = text(node, at, "at", refusals).flatMap(t -> {
            Optional<Instant> parsed = Rfc3339.instant(t);
            if (parsed.isEmpty()) {
                refusals.add(new Invalid.Violation(at + "/at", "at must be an RFC 3339 time in UTC, e.g. 2026-02-06T19:00:00Z"));
            }
            return parsed;
        });
        JsonNode bookings = node.get("bookings");
        if (bookings == null || !bookings.isIntegralNumber() || !bookings.canConvertToLong()) {
            refusals.add(new Invalid.Violation(at + "/bookings", "bookings must be a whole number"));
        }
        Optional<String> revenue = text(node, at, "revenue", refusals);
        if (revenue.isPresent() && !revenue.get().matches("\\d{1,18}(\\.\\d{1,6})?")) {
            refusals.add(new Invalid.Violation(at + "/revenue", "revenue must be a decimal string such as \"1290.00\""));
        }
        Optional<java.util.Currency> currency = Optional.empty();
        try {
            currency = text(node, at, "currency", refusals).map(c -> OffersResource.currency(c, at + "/currency"));
        } catch (Invalid e) {
            refusals.addAll(e.violations());
        }
        for (String required : List.of("id", "at", "revenue", "currency")) {
            JsonNode value = node.get(required);
            if (value == null || value.isNull()) {
                refusals.add(new Invalid.Violation(at + "/" + required, required + " is required"));
            }
        }
        if (!refusals.isEmpty()) {
            throw new Invalid(refusals);
        }
        return new Converting.Report(id, via, when.orElseThrow(), bookings.asLong(), new BigDecimal(revenue.orElseThrow()), currency.orElseThrow());
    }

    private static Optional<String> text(JsonNode node, String at, String name, List<Invalid.Violation> refusals) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            refusals.add(new Invalid.Violation(at + "/" + name, name + " must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static ObjectNode view(Conversion c) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", c.id())
                .put("partner", c.partner().value())
                .put("campaign", c.campaign())
                .put("offer", c.offer())
                .put("channel", c.channel())
                .put("at", c.at().toString())
                .put("bookings", c.bookings())
                .put("revenue", c.revenue().toPlainString())
                .put("currency", c.currency().getCurrencyCode())
                .put("receivedAt", c.receivedAt().toString());
    }

    private void funnel(Exchange x) {
        Optional<Instant> from = x.query("from").map(f -> SearchParameters.time("from", f, false));
        Optional<Instant> to = x.query("to").map(t -> SearchParameters.time("to", t, true));
        Funnel funnel = funneling.funnel(x.caller(), x.path("id"), from, to);
        x.header("Cache-Control", "private, no-cache");
        String accept = Optional.ofNullable(x.requestHeader(HttpHeader.ACCEPT)).orElse("").toLowerCase(Locale.ROOT);
        if (accept.contains("text/csv") && !accept.contains("application/json")) {
            x.send(200, ReachResource.CSV, FunnelCsv.write(funnel).getBytes(StandardCharsets.UTF_8));
            return;
        }
        x.json(200, json(funnel));
    }

    static ObjectNode json(Funnel funnel) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        counts(body.putObject("totals"), funnel.totals());
        ObjectNode facets = body.putObject("facets");
        for (Funnel.Facet facet : funnel.facets()) {
            ArrayNode list = facets.putArray(facet.name());
            for (Funnel.Bucket b : facet.buckets()) {
                ObjectNode node = list.addObject().put("value", b.value());
                b.label().ifPresent(l -> node.put("name", l));
                counts(node, b.counts());
            }
        }
        ArrayNode histogram = body.putArray("histogram");
        funnel.histogram().forEach(d -> counts(histogram.addObject().put("day", d.day().toString()), d.counts()));
        return body;
    }

    private static void counts(ObjectNode node, Funnel.Counts n) {
        node.put("views", n.views()).put("clicks", n.clicks()).put("bookings", n.bookings());
        ObjectNode revenue = node.putObject("revenue");
        for (Map.Entry<String, BigDecimal> r : n.revenue().entrySet()) {
            revenue.put(r.getKey(), r.getValue().toPlainString());
        }
    }
}
