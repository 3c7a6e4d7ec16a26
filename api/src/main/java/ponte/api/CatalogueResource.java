package ponte.api;

import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.licensing.Licence;
import ponte.core.orgs.OrgId;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/products and /v1/licences: what an org offers and to whom. */
final class CatalogueResource {
    private final Services s;

    CatalogueResource(Services s) {
        this.s = s;
    }

    void register(Routes routes) {
        routes.add("POST", "/v1/products", this::createProduct);
        routes.add("POST", "/v1/licences", this::grantLicence);
    }

    private void createProduct(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body();
        Product product = s.cataloguing().register(caller,
                JsonInput.at("/id", () -> new ProductId(JsonInput.text(body, "id"))), JsonInput.text(body, "name"));
        x.header("Location", "/v1/products/" + product.id());
        x.json(201, JsonNodeFactory.instance.objectNode().put("id", product.id().value()).put("name", product.name()).put("owner", product.owner().value()));
    }

    private void grantLicence(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body();
        OrgId licensee = JsonInput.at("/licensee", () -> new OrgId(JsonInput.text(body, "licensee")));
        Set<ProductId> products = productIds(body);
        Licence licence = s.licensing().grant(caller, licensee, products);
        x.json(201, view(licence));
    }

    static Set<ProductId> productIds(JsonNode body) {
        Set<String> raw = JsonInput.texts(body, "products", true);
        int[] i = {0};
        return raw.stream().map(p -> JsonInput.at("/products/" + i[0]++, () -> new ProductId(p))).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static ObjectNode view(Licence l) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", l.id().value());
        l.agreement().ifPresent(a -> node.put("agreement", a));
        node.put("licensor", l.licensor().value());
        node.put("licensee", l.licensee().value());
        var products = node.putArray("products");
        l.products().stream().map(ProductId::value).sorted().forEach(products::add);
        ObjectNode territories = node.putObject("territories");
        var include = territories.putArray("include");
        l.territories().includeWire().forEach(include::add);
        var exclude = territories.putArray("exclude");
        l.territories().excludeWire().forEach(exclude::add);
        var languages = node.putArray("languages");
        l.languages().stream().sorted().forEach(languages::add);
        node.put("embargoDelay", l.embargoDelay().toString());
        l.validity().from().ifPresent(f -> node.put("validFrom", f.toString()));
        l.validity().to().ifPresent(t -> node.put("validTo", t.toString()));
        return node;
    }
}
