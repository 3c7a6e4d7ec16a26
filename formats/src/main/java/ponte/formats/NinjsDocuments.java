package ponte.formats;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ninjs items from elsewhere (each item of one, an array of them, or a feed page, as {@link NinjsEntries} reads them);
 * ninjs 2.x is mapped to 3.1 first. An item with pubStatus "canceled" is a withdrawal, as it is in Ponte's own feed for
 * a kill, and so is a feed page's entry whose event is "killed".
 */
final class NinjsDocuments {
    private final NinjsVersions versions;

    NinjsDocuments(NinjsVersions versions) {
        this.versions = versions;
    }

    /** One item of a document, read as a tree the caller hands over (it may be changed), numbered from 0. */
    IngestReader.Mapped own(JsonNode document, String event, int position) {
        if (!(document instanceof ObjectNode object)) {
            return new IngestReader.Malformed("item " + (position + 1), "not a JSON object");
        }
        return one(versions.isVersion2(object) ? versions.to31(object) : object, object, event, position);
    }

    /** One item read on its own (a line of a file), whose tree is the caller's to change. */
    IngestReader.Mapped own(ObjectNode object, int position) {
        return own(object, "", position);
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
