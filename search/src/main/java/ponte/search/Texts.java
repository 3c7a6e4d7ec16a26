package ponte.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ponte.core.search.Candidate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The searchable text of a ninjs 3.1 document: headlines; descriptions, bodies and the dateline; subjects. */
record Texts(String headline, String body, List<Candidate.Subject> subjects) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    static Texts of(String ninjs) {
        JsonNode doc = MAPPER.readTree(ninjs);
        List<String> headlines = new ArrayList<>();
        // The main headline first, so the headline snippet starts with it.
        for (JsonNode h : doc.path("headlines")) {
            String value = h.path("value").asString("");
            if ("main".equals(h.path("role").asString(""))) {
                headlines.addFirst(value);
            } else {
                headlines.add(value);
            }
        }
        List<String> body = new ArrayList<>();
        doc.path("descriptions").forEach(d -> body.add(d.path("value").asString("")));
        for (JsonNode b : doc.path("bodies")) {
            String value = b.path("value").asString("");
            // ninjs bodies may be HTML; tags are not words (entities stay: rare in news text, harmless to match).
            body.add(b.path("contentType").asString("").contains("html") ? TAG.matcher(value).replaceAll(" ") : value);
        }
        if (doc.path("located").isString()) {
            body.add(doc.path("located").asString());
        }
        List<Candidate.Subject> subjects = new ArrayList<>();
        for (JsonNode s : doc.path("subjects")) {
            String uri = s.path("uri").asString("");
            String name = s.path("name").asString("");
            if (!uri.isEmpty() || !name.isEmpty()) {
                subjects.add(new Candidate.Subject(uri.isEmpty() ? name : uri, name.isEmpty() ? uri : name));
            }
        }
        return new Texts(String.join("\n", headlines.stream().filter(h -> !h.isBlank()).toList()),
                String.join("\n\n", body.stream().filter(b -> !b.isBlank()).toList()), subjects);
    }
}
