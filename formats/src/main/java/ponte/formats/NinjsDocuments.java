package ponte.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ninjs documents from elsewhere: one item, an array of items, or a feed page ({"entries": [{"item": …}]}, as Ponte
 * and others serve, or {"items": […]}); ninjs 2.x is mapped to 3.1 first. An item with pubStatus "canceled" is a
 * withdrawal, as it is in Ponte's own feed for a kill.
 */
final class NinjsDocuments {
    private final NinjsVersions versions;

    NinjsDocuments(NinjsVersions versions) {
        this.versions = versions;
    }

    List<IngestReader.Mapped> read(byte[] json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new Invalid("/", "not JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> documents = new ArrayList<>();
        List<String> events = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(documents::add);
        } else if (root != null && root.path("entries").isArray()) {
            for (JsonNode entry : root.path("entries")) {
                documents.add(entry.has("item") ? entry.get("item") : entry);
                events.add(entry.path("event").asString(""));
            }
        } else if (root != null && root.path("items").isArray()) {
            root.path("items").forEach(documents::add);
        } else if (root != null && root.isObject()) {
            documents.add(root);
        } else {
            throw new Invalid("/", "expected a ninjs object, an array of them, or a feed page with entries");
        }
        List<IngestReader.Mapped> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            out.add(one(documents.get(i), i < events.size() ? events.get(i) : "", i));
        }
        return out;
    }

    private IngestReader.Mapped one(JsonNode document, String event, int position) {
        if (!(document instanceof ObjectNode object)) {
            return new IngestReader.Malformed("item " + (position + 1), "not a JSON object");
        }
        return one(versions.isVersion2(object) ? versions.to31(object) : object.deepCopy(), object, event, position);
    }

    /** One item read on its own (a line of a file), whose tree is the caller's to change. */
    IngestReader.Mapped own(ObjectNode object, int position) {
        return one(versions.isVersion2(object) ? versions.to31(object) : object, object, "", position);
    }

    private IngestReader.Mapped one(ObjectNode v31, ObjectNode object, String event, int position) {
        Optional<String> uri = Optional.ofNullable(v31.get("uri")).filter(JsonNode::isString).map(JsonNode::asString).flatMap(Uris::absolute);
        if (uri.isEmpty()) {
            return new IngestReader.Malformed(object.path("uri").asString("item " + (position + 1)), "the item has no absolute uri to tell it by");
        }
        v31.put("uri", uri.get());
        Optional<java.time.Instant> updated = Optional.ofNullable(v31.get("versionCreated")).map(JsonNode::asString).flatMap(Facts::parse);
        if ("canceled".equals(v31.path("pubStatus").asString("")) || event.equals("killed")) {
            return new IngestReader.Canceled(uri.get(), v31.path("edNote").asString("canceled"), updated);
        }
        return new IngestReader.Usable(uri.get(), v31, event.equals("corrected"), updated);
    }
}
