package ponte.formats;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The credits of a co-produced item, written into its ninjs where ninjs 3.1 has room for them: {@code copyrightHolder}
 * names every party, {@code infoSources} lists each with its function ({@code lead}, {@code co-producer}) as its role
 * and its Ponte id as the literal. NewsML-G2 and Atom are written from the same document, so they carry the same credits.
 */
public final class Credits {
    /** One party as credited: its display name, its org id and its function in the project. */
    public record Credit(String name, String org, String role) {
        public Credit {
            Objects.requireNonNull(name);
            Objects.requireNonNull(org);
            Objects.requireNonNull(role);
        }
    }

    private Credits() {}

    /**
     * The document with the parties credited: the copyright holder replaced by all of them (a co-production is theirs
     * together), and each party added to the info sources the editor gave, once.
     */
    public static ObjectNode stamp(ObjectNode ninjs, List<Credit> parties) {
        ObjectNode out = ninjs.deepCopy();
        out.put("copyrightHolder", String.join(" / ", parties.stream().map(Credit::name).toList()));
        ArrayNode sources = out.arrayNode();
        List<String> credited = parties.stream().map(Credit::org).toList();
        for (JsonNode source : ninjs.path("infoSources")) {
            if (!credited.contains(source.path("literal").asString(""))) {
                sources.add(source);
            }
        }
        for (Credit party : parties) {
            sources.addObject().put("name", party.name()).put("role", party.role()).put("literal", party.org());
        }
        out.set("infoSources", sources);
        return out;
    }
}
