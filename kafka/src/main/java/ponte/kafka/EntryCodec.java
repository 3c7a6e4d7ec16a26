package ponte.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.orgs.Territories;
import ponte.core.log.Cursor;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A log entry as a Kafka record value: JSON, self-contained, so a node can index or stream it without a query. */
final class EntryCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EntryCodec() {}

    static byte[] encode(LogEntry e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("seq", e.cursor().seq());
        root.put("event", e.event().wire());
        ObjectNode item = root.putObject("item");
        item.put("id", e.item().id().value());
        item.put("uri", e.item().uri());
        strings(item.putArray("owners"), e.item().owners().stream().map(OrgId::value).sorted().toList());
        item.put("latestVersion", e.item().latestVersion());
        item.put("firstCreated", e.item().firstCreated().toString());
        item.put("killed", e.item().killed());
        Version v = e.version();
        ObjectNode version = root.putObject("version");
        version.put("number", v.number());
        version.put("event", v.event().wire());
        version.put("created", v.created().toString());
        version.put("ninjs", v.content().ninjs());
        v.content().language().ifPresent(l -> version.put("language", l));
        v.content().embargoedUntil().ifPresent(t -> version.put("embargoedUntil", t.toString()));
        version.put("type", v.content().type());
        v.content().headline().ifPresent(h -> version.put("headline", h));
        strings(version.putArray("products"), v.products().stream().map(ProductId::value).sorted().toList());
        strings(version.putArray("rightsInclude"), List.copyOf(v.rights().includeWire()));
        strings(version.putArray("rightsExclude"), List.copyOf(v.rights().excludeWire()));
        v.killReason().ifPresent(r -> version.put("killReason", r));
        ArrayNode routes = root.putArray("routes");
        e.routes().forEach(r -> routes.addObject().put("org", r.partner().value()).put("event", r.event().wire()));
        return MAPPER.writeValueAsBytes(root);
    }

    static LogEntry decode(byte[] bytes) {
        JsonNode root = MAPPER.readTree(bytes);
        JsonNode i = root.get("item");
        Item item = new Item(new ItemId(i.get("id").asString()), i.get("uri").asString(), set(i.get("owners"), OrgId::new),
                i.get("latestVersion").asInt(), Instant.parse(i.get("firstCreated").asString()), i.get("killed").asBoolean());
        JsonNode v = root.get("version");
        Content content = new Content(v.get("ninjs").asString(), text(v, "language"), text(v, "embargoedUntil").map(Instant::parse),
                v.get("type").asString(), text(v, "headline"));
        Version version = new Version(item.id(), v.get("number").asInt(), Event.fromWire(v.get("event").asString()),
                Instant.parse(v.get("created").asString()), content, set(v.get("products"), ProductId::new),
                Territories.of(set(v.get("rightsInclude"), s -> s), set(v.get("rightsExclude"), s -> s)), text(v, "killReason"));
        List<Route> routes = new ArrayList<>();
        root.get("routes").forEach(r -> routes.add(new Route(new OrgId(r.get("org").asString()), Event.fromWire(r.get("event").asString()))));
        return new LogEntry(new Cursor(root.get("seq").asLong()), LogEvent.fromWire(root.get("event").asString()), item, version, routes);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static <T> Set<T> set(JsonNode array, java.util.function.Function<String, T> parse) {
        Set<T> out = new HashSet<>();
        array.forEach(n -> out.add(parse.apply(n.asString())));
        return out;
    }
}
