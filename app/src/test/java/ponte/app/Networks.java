package ponte.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ponte.formats.NinjsWriter;

/**
 * The network a test starts from, arranged over the HTTP API as an operator and the agencies' editors would:
 * <pre>{@code
 * Networks.Keys keys = aNetwork(node)
 *         .agency("agency", "IT").withProducts("news").licensedTo("broadcaster")
 *         .partner("broadcaster", "CN")
 *         .build();
 * keys.editor("agency"); keys.partner("broadcaster");
 * }</pre>
 * An agency gets an editor's key, a partner a partner's key ({@link #withKey} adds more to the org declared last).
 * Products and licences belong to the agency declared last. {@link #build} creates everything in dependency order
 * (orgs, keys, products, licences), so a licence may name a partner declared after it.
 */
final class Networks {
    /** One POST of the API, answering the body of a 2xx; anything else fails the set-up. */
    @FunctionalInterface
    interface Api {
        String post(String path, String key, String body);
    }

    /** The keys the network was given, by org and role. */
    record Keys(Map<String, String> byOrgAndRole) {
        String key(String org, String role) {
            String key = byOrgAndRole.get(org + "/" + role);
            if (key == null) {
                throw new IllegalArgumentException("no " + role + " key was made for " + org);
            }
            return key;
        }

        String editor(String org) {
            return key(org, "editor");
        }

        String partner(String org) {
            return key(org, "partner");
        }
    }

    private record Org(String id, String kind, String country) {}

    private record Product(String editorOf, String id) {}

    private record Licence(String licensor, String licensee, List<String> products) {}

    private final Api api;
    private final List<Org> orgs = new ArrayList<>();
    private final List<String[]> keys = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private final List<Licence> licences = new ArrayList<>();
    private String agency;

    private Networks(Api api) {
        this.api = api;
    }

    /** A network on a node in this JVM. */
    static Networks aNetwork(TestNode node) {
        return new Networks((path, key, body) -> {
            TestNode.Answer a = node.post(path, key, body);
            return ok(path, a.status(), a.raw().body());
        });
    }

    /** A network on a server reached only by its url (a child process). */
    static Networks aNetwork(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new Networks((path, key, body) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return ok(path, r.statusCode(), r.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(path, e);
            }
        });
    }

    private static String ok(String path, int status, String body) {
        if (status / 100 != 2) {
            throw new IllegalStateException("setting up the network: " + path + " answered " + status + " " + body);
        }
        return body;
    }

    /**
     * The network most delivery tests start from: "agency" (IT) licenses its product "news" to "partner" (in
     * {@code partnerCountry}).
     */
    static Keys newsLicence(TestNode node, String partnerCountry) {
        return aNetwork(node).agency("agency", "IT").withProducts("news").licensedTo("partner").partner("partner", partnerCountry).build();
    }

    /** An agency in this country, with an editor's key; the products and licences that follow are its own. */
    Networks agency(String id, String country) {
        agency = id;
        return org(id, "agency", country, "editor");
    }

    /** A broadcaster in this country, with a partner's key. */
    Networks partner(String id, String country) {
        return org(id, "broadcaster", country, "partner");
    }

    private Networks org(String id, String kind, String country, String role) {
        orgs.add(new Org(id, kind, country));
        return withKey(role);
    }

    /** One more key, of this role, for the org declared last. */
    Networks withKey(String role) {
        keys.add(new String[] {orgs.getLast().id(), role});
        return this;
    }

    Networks withProducts(String... ids) {
        for (String id : ids) {
            products.add(new Product(requireAgency(), id));
        }
        return this;
    }

    /** A licence from the agency declared last to the partner, for all its products so far. */
    Networks licensedTo(String partner) {
        String licensor = requireAgency();
        return licensedTo(partner, products.stream().filter(p -> p.editorOf().equals(licensor)).map(Product::id).toArray(String[]::new));
    }

    /** A licence from the agency declared last to the partner, for these of its products (unrestricted otherwise). */
    Networks licensedTo(String partner, String... products) {
        licences.add(new Licence(requireAgency(), partner, List.of(products)));
        return this;
    }

    private String requireAgency() {
        if (agency == null) {
            throw new IllegalStateException("declare an agency first");
        }
        return agency;
    }

    /** Creates the network on the node and answers its keys. */
    Keys build() {
        for (Org org : orgs) {
            api.post("/v1/orgs", TestNode.ADMIN, "{\"id\":\"" + org.id() + "\",\"name\":\"" + org.id() + " Org\",\"kind\":\"" + org.kind()
                    + "\",\"country\":\"" + org.country() + "\"}");
        }
        Map<String, String> made = new LinkedHashMap<>();
        for (String[] k : keys) {
            String body = api.post("/v1/orgs/" + k[0] + "/keys", TestNode.ADMIN, "{\"role\":\"" + k[1] + "\"}");
            made.put(k[0] + "/" + k[1], NinjsWriter.mapper().readTree(body).get("key").asString());
        }
        Keys answer = new Keys(Map.copyOf(made));
        for (Product p : products) {
            api.post("/v1/products", answer.editor(p.editorOf()), "{\"id\":\"" + p.id() + "\",\"name\":\"" + p.id() + "\"}");
        }
        for (Licence l : licences) {
            String list = String.join("\",\"", l.products());
            api.post("/v1/licences", answer.editor(l.licensor()), "{\"licensee\":\"" + l.licensee() + "\",\"products\":[\"" + list + "\"]}");
        }
        return answer;
    }
}
