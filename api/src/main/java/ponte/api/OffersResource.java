package ponte.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.campaigns.ClickCount;
import ponte.core.campaigns.ClickFacts;
import ponte.core.campaigns.Offer;
import ponte.core.campaigns.Offering;
import ponte.core.items.ItemId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/campaigns/{id}/offers: bookable offers, each with a tracked link per channel and its clicks. */
public final class OffersResource implements Resource {
    private static final Members OFFER = Members.of("id", "item", "title", "description", "price", "currency", "validFrom", "validTo", "bookingUrl");

    private final Offering offering;
    private final ClickFacts clicks;

    public OffersResource(Offering offering, ClickFacts clicks) {
        this.offering = offering;
        this.clicks = clicks;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/campaigns/{id}/offers", this::offer);
        routes.add("GET", "/v1/campaigns/{id}/offers", this::list);
    }

    private void offer(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(OFFER);
        Offer offer = read(x.path("id"), body);
        Offering.Presented made = offering.offer(caller, offer);
        x.header("Location", "/v1/campaigns/" + offer.campaign() + "/offers/" + offer.id());
        x.json(201, view(x, made, Map.of()));
    }

    private void list(Exchange x) {
        var caller = x.caller();
        var all = offering.offers(caller, x.path("id"));
        Map<String, ClickCount> counted = clicks.counts(x.path("id"));
        Paging.send(x, Paging.of(x, all, p -> p.offer().id()), p -> view(x, p, counted));
    }

    static Offer read(String campaign, JsonNode body) {
        String price = JsonInput.text(body, "price");
        if (!price.matches("\\d{1,12}(\\.\\d{1,6})?")) {
            throw new Invalid("/price", "price must be a decimal string such as \"1290.00\"");
        }
        Currency currency = currency(JsonInput.text(body, "currency"), "/currency");
        String booking = bookingUrl(JsonInput.text(body, "bookingUrl"));
        return new Offer(campaign, JsonInput.at("/id", () -> ponte.core.Ids.requireUrlSafe("id", JsonInput.text(body, "id"))),
                JsonInput.at("/item", () -> new ItemId(JsonInput.text(body, "item"))), JsonInput.text(body, "title"),
                JsonInput.optionalText(body, "description"), new BigDecimal(price), currency,
                AgreementTerms.instant(body, "validFrom"), AgreementTerms.instant(body, "validTo"), booking);
    }

    private static String bookingUrl(String text) {
        try {
            URI url = new URI(text);
            String scheme = Optional.ofNullable(url.getScheme()).orElse("");
            if ((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null && url.getRawUserInfo() == null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // refused below, in the same words
        }
        throw new Invalid("/bookingUrl", "bookingUrl must be an absolute http(s) URL without credentials");
    }

    /** An ISO 4217 code the JDK knows (its table follows the standard's list). */
    static Currency currency(String code, String pointer) {
        if (!code.matches("[A-Z]{3}")) {
            throw new Invalid(pointer, "currency must be an ISO 4217 code such as EUR or CNY");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new Invalid(pointer, "currency must be an ISO 4217 code such as EUR or CNY");
        }
    }

    private static ObjectNode view(Exchange x, Offering.Presented p, Map<String, ClickCount> counted) {
        Offer o = p.offer();
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", o.id())
                .put("campaign", o.campaign())
                .put("item", o.item().value())
                .put("title", o.title());
        o.description().ifPresent(d -> node.put("description", d));
        node.put("price", o.price().toPlainString()).put("currency", o.currency().getCurrencyCode());
        o.validFrom().ifPresent(f -> node.put("validFrom", f.toString()));
        o.validTo().ifPresent(t -> node.put("validTo", t.toString()));
        node.put("bookingUrl", o.bookingUrl());
        ArrayNode links = node.putArray("links");
        for (var l : p.links()) {
            ClickCount c = counted.getOrDefault(l.code(), ClickCount.NONE);
            links.addObject().put("channel", l.channel()).put("code", l.code()).put("url", x.base() + "/go/" + l.code())
                    .put("clicks", c.clicks()).put("uniqueClicks", c.unique()).put("botClicks", c.bots());
        }
        return node;
    }

}
