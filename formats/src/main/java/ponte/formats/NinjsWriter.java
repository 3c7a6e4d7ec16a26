package ponte.formats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a version as the ninjs 3.1 a reader receives. The schema refuses unknown top-level fields, so Ponte's own
 * facts go only where ninjs has room: uri, version and dates; pubStatus and edNote for kills; copyrightHolder; an
 * altId; and, for partners, rightsInfo (an ODRL policy) and usageTerms (the same terms in plain English).
 * No schema work happens here: a feed page renders fifty of these.
 */
public final class NinjsWriter {
    static final String PONTE_ID_ROLE = "ponte-id";

    /**
     * What the reader may do with the item besides what the stored document says. Owners' display names are passed
     * in because an {@link Item} knows only their ids. A partner view carries the licence it is read under; the owner
     * view has none and keeps the editor's own rightsInfo and usageTerms untouched.
     */
    public record Terms(List<String> ownerNames, Optional<Licence> licence, String licensorName, String licenseeName) {
        public Terms {
            ownerNames = List.copyOf(ownerNames);
            Objects.requireNonNull(licence);
            Objects.requireNonNull(licensorName);
            Objects.requireNonNull(licenseeName);
        }

        public static Terms ownerView(List<String> ownerNames) {
            return new Terms(ownerNames, Optional.empty(), "", "");
        }

        public static Terms partnerView(List<String> ownerNames, Licence licence, String licensorName, String licenseeName) {
            return new Terms(ownerNames, Optional.of(licence), licensorName, licenseeName);
        }
    }

    /** The project's shared, configured Jackson mapper (thread-safe). */
    public static JsonMapper mapper() {
        return Json.MAPPER;
    }

    public ObjectNode render(Item item, Version version, Terms terms) {
        ObjectNode stored = stored(version);
        ObjectNode out = Json.MAPPER.createObjectNode().put("uri", item.uri()); // uri first, for people reading feeds
        out.setAll(stored);
        out.put("uri", item.uri());
        out.put("version", Integer.toString(version.number()));
        // Instant.toString is ISO 8601 in UTC with seconds always present: a valid RFC 3339 date-time.
        out.put("firstCreated", item.firstCreated().toString());
        out.put("versionCreated", version.created().toString());
        status(out, version);
        if (!out.has("copyrightHolder") && !terms.ownerNames().isEmpty()) {
            out.put("copyrightHolder", String.join(" / ", terms.ownerNames()));
        }
        altIds(out, item);
        terms.licence().ifPresent(licence -> {
            // rightsInfo is one object in ninjs: for a partner, the licence they read under replaces the editor's.
            out.putObject("rightsInfo")
                    .put("langId", OdrlAgreement.LANG_ID)
                    .put("encodedRights", OdrlAgreement.encode(item, version, licence, terms));
            String sentence = UsageSentence.of(version, licence, terms);
            Optional<String> editors = Optional.ofNullable(out.get("usageTerms")).map(JsonNode::asString).filter(s -> !s.isBlank());
            out.put("usageTerms", editors.map(e -> e.strip() + " " + sentence).orElse(sentence));
        });
        return out;
    }

    public byte[] bytes(JsonNode node) {
        return Json.MAPPER.writeValueAsBytes(node);
    }

    public String json(JsonNode node) {
        return Json.MAPPER.writeValueAsString(node);
    }

    private static ObjectNode stored(Version version) {
        if (Json.MAPPER.readTree(version.content().ninjs()) instanceof ObjectNode document) {
            return document;
        }
        throw new IllegalStateException("stored ninjs of " + version.item() + " v" + version.number() + " is not an object");
    }

    // ninjs has no "killed" event: a kill is the item republished with pubStatus "canceled" (ninjs 3.1, pubStatus),
    // and edNote is the field meant for the receiving desk, so the reason goes there.
    private static void status(ObjectNode out, Version version) {
        if (!version.isKill()) {
            out.putIfAbsent("pubStatus", out.stringNode("usable"));
            return;
        }
        out.put("pubStatus", "canceled");
        String killed = "Killed: " + version.killReason().orElse("no reason given");
        JsonNode note = out.get("edNote");
        out.put("edNote", note == null || note.asString().isBlank() ? killed : killed + "\n" + note.asString());
    }

    // Ponte owns the "ponte-id" role: an editor's copy (say, of an item re-filed from a feed) would name another item.
    private static void altIds(ObjectNode out, Item item) {
        ArrayNode altIds = out.arrayNode();
        out.path("altIds").forEach(altId -> {
            if (!PONTE_ID_ROLE.equals(altId.path("role").asString(""))) {
                altIds.add(altId);
            }
        });
        altIds.addObject().put("role", PONTE_ID_ROLE).put("value", item.id().value());
        out.set("altIds", altIds);
    }
}
