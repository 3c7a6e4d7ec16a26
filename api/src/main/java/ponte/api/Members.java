package ponte.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ponte.core.Invalid;
import tools.jackson.databind.JsonNode;

/**
 * The members a request object accepts, and those of the objects Ponte nests in it. Anything else is refused at its
 * JSON Pointer (API.md: unknown members are never ignored), because a misspelt member ignored silently can widen what
 * a request allows: {@code "right"} for {@code "rights"} would publish worldwide. Each resource declares the members of
 * its bodies beside the code that reads them, and {@link Exchange#body(Members)} checks them before anything is read.
 * Only names are checked here; each value's type and range are refused where it is read. A member whose value is a
 * document of another standard (ninjs) is a plain member: that document is checked against its own schema.
 *
 * @param plain   members whose values are not looked into
 * @param objects members whose value is an object Ponte defines, with that object's members
 * @param arrays  members whose value is an array of objects Ponte defines, with those objects' members
 */
record Members(Set<String> plain, Map<String, Members> objects, Map<String, Members> arrays) {
    /** The body of an action that takes none: no body or an empty object, never a member it would ignore. */
    static final Members NONE = of();
    /** A refusal names this many unknown members at most: enough to correct a request, bounded for a hostile one. */
    private static final int MAX_REPORTED = 20;

    Members {
        plain = Set.copyOf(plain);
        objects = Map.copyOf(objects);
        arrays = Map.copyOf(arrays);
    }

    /** An object with these plain members. */
    static Members of(String... names) {
        return new Members(Set.of(names), Map.of(), Map.of());
    }

    /** The same, with one more member whose value is an object of these members. */
    Members with(String name, Members members) {
        Map<String, Members> more = new HashMap<>(objects);
        more.put(name, members);
        return new Members(plain, more, arrays);
    }

    /** The same, with one more member whose value is an array of objects of these members. */
    Members withEach(String name, Members members) {
        Map<String, Members> more = new HashMap<>(arrays);
        more.put(name, members);
        return new Members(plain, objects, more);
    }

    /** Refuses every member of {@code object}, at any level described here, that is not described here. */
    void check(JsonNode object) {
        List<Invalid.Violation> unknown = new ArrayList<>();
        collect(object, "", unknown);
        if (!unknown.isEmpty()) {
            throw new Invalid(unknown);
        }
    }

    private void collect(JsonNode node, String at, List<Invalid.Violation> unknown) {
        if (!node.isObject()) {
            return; // a value of the wrong type is refused where it is read, with a detail that says what it should be
        }
        for (String name : node.propertyNames()) {
            if (unknown.size() >= MAX_REPORTED) {
                return;
            }
            String pointer = JsonInput.pointer(at, name);
            JsonNode value = node.get(name);
            if (objects.containsKey(name)) {
                objects.get(name).collect(value, pointer, unknown);
            } else if (arrays.containsKey(name)) {
                for (int i = 0; value.isArray() && i < value.size(); i++) {
                    arrays.get(name).collect(value.get(i), pointer + "/" + i, unknown);
                }
            } else if (!plain.contains(name)) {
                unknown.add(new Invalid.Violation(pointer, "'" + shorten(name) + "' is not a member Ponte accepts here; "
                        + (names().isEmpty() ? "this request takes no members" : "the members are " + String.join(", ", names()))));
            }
        }
    }

    private Set<String> names() {
        Set<String> names = new HashSet<>(plain);
        names.addAll(objects.keySet());
        names.addAll(arrays.keySet());
        return new TreeSet<>(names);
    }

    /** A refusal quotes what was sent, but not a megabyte of it. */
    private static String shorten(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "…";
    }
}
