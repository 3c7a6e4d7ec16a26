package ponte.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.campaigns.Campaign;
import ponte.core.campaigns.CampaignTerms;
import ponte.core.campaigns.CampaignVersion;
import ponte.core.campaigns.Campaigning;
import ponte.core.campaigns.Channel;
import ponte.core.campaigns.ChannelKind;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/campaigns: an org's items promoted on its partners' channels under an agreement; versions like agreements'. */
public final class CampaignsResource implements Resource {
    private static final Members CHANNEL = Members.of("id", "partner", "outlet", "kind", "url");
    private static final Members TERMS = Members.of("title", "agreement", "items", "validFrom", "validTo", "languages")
            .withEach("channels", CHANNEL);
    private static final Members NEW = Members.of("id", "title", "agreement", "items", "validFrom", "validTo", "languages")
            .withEach("channels", CHANNEL);

    private final Campaigning campaigning;

    public CampaignsResource(Campaigning campaigning) {
        this.campaigning = campaigning;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/campaigns", this::create);
        routes.add("GET", "/v1/campaigns", this::list);
        routes.add("GET", "/v1/campaigns/{id}", this::show);
        routes.add("PUT", "/v1/campaigns/{id}", this::amend);
        routes.add("GET", "/v1/campaigns/{id}/versions", this::versions);
    }

    private void create(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW);
        Campaign campaign = campaigning.create(caller, JsonInput.text(body, "id"), terms(body));
        x.header("Location", "/v1/campaigns/" + campaign.id());
        x.json(201, view(campaign));
    }

    private void amend(Exchange x) {
        var caller = x.caller();
        x.json(200, view(campaigning.amend(caller, x.path("id"), terms(x.body(TERMS)))));
    }

    private void show(Exchange x) {
        x.json(200, view(campaigning.read(x.caller(), x.path("id"))));
    }

    private void list(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, campaigning.mine(caller), Campaign::id), CampaignsResource::view);
    }

    private void versions(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, campaigning.history(caller, x.path("id")), v -> String.format("%010d", v.number())),
                CampaignsResource::version);
    }

    static CampaignTerms terms(JsonNode body) {
        List<ItemId> items = new ArrayList<>();
        int i = 0;
        for (String id : JsonInput.texts(body, "items", true)) {
            int at = i++;
            items.add(JsonInput.at("/items/" + at, () -> new ItemId(id)));
        }
        JsonNode channels = body.get("channels");
        if (channels == null || !channels.isArray()) {
            throw new Invalid("/channels", "channels is required: an array of channels");
        }
        List<Channel> read = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            read.add(channel(channels.get(c), "/channels/" + c));
        }
        List<String> languages = new ArrayList<>();
        for (String tag : JsonInput.texts(body, "languages", false)) {
            languages.add(JsonInput.languageTag(tag, "/languages"));
        }
        return new CampaignTerms(JsonInput.text(body, "title"), JsonInput.text(body, "agreement"), items, read,
                AgreementTerms.instant(body, "validFrom"), AgreementTerms.instant(body, "validTo"), java.util.Set.copyOf(languages));
    }

    private static Channel channel(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new Invalid(at, "a channel is an object");
        }
        return JsonInput.within(at, () -> {
            String kind = JsonInput.text(node, "kind");
            Optional<String> url = JsonInput.optionalText(node, "url");
            url.ifPresent(u -> {
                if (!u.startsWith("https://") && !u.startsWith("http://")) {
                    throw new Invalid("/url", "url must be an absolute http(s) URL");
                }
            });
            return new Channel(JsonInput.at("/id", () -> ponte.core.Ids.requireUrlSafe("id", JsonInput.text(node, "id"))),
                    JsonInput.at("/partner", () -> new OrgId(JsonInput.text(node, "partner"))), JsonInput.text(node, "outlet"),
                    ChannelKind.fromWire(kind).orElseThrow(() -> new Invalid("/kind", "kind must be page, live, social or tv")), url);
        });
    }

    static ObjectNode view(Campaign c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", c.id());
        node.put("owner", c.owner().value());
        node.setAll(version(c.current()));
        return node;
    }

    private static ObjectNode version(CampaignVersion v) {
        CampaignTerms t = v.terms();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", v.number());
        node.put("title", t.title());
        node.put("agreement", t.agreement());
        ArrayNode items = node.putArray("items");
        t.items().forEach(i -> items.add(i.value()));
        ArrayNode channels = node.putArray("channels");
        for (Channel ch : t.channels()) {
            ObjectNode cn = channels.addObject().put("id", ch.id()).put("partner", ch.partner().value()).put("outlet", ch.outlet())
                    .put("kind", ch.kind().wire());
            ch.url().ifPresent(u -> cn.put("url", u));
        }
        t.validFrom().ifPresent(f -> node.put("validFrom", f.toString()));
        t.validTo().ifPresent(f -> node.put("validTo", f.toString()));
        ArrayNode languages = node.putArray("languages");
        t.languages().stream().sorted().forEach(languages::add);
        node.put("createdBy", v.createdBy().value());
        node.put("createdAt", v.createdAt().toString());
        return node;
    }
}
