package ponte.api;

import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.agreements.Dealings;
import ponte.core.licensing.Licence;
import ponte.core.products.Cataloguing;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/products: what an org offers; and how a licence reads on the wire. */
public final class CatalogueResource implements Resource {
    private static final Members NEW_PRODUCT = Members.of("id", "name");

    private final Cataloguing cataloguing;
    private final Dealings dealings;

    public CatalogueResource(Cataloguing cataloguing, Dealings dealings) {
        this.cataloguing = cataloguing;
        this.dealings = dealings;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/products", this::createProduct);
        routes.add("GET", "/v1/products", this::listProducts);
        routes.add("GET", "/v1/products/{id}", this::showProduct);
    }

    private void createProduct(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW_PRODUCT);
        Product product = cataloguing.register(caller,
                JsonInput.at("/id", () -> new ProductId(JsonInput.text(body, "id"))), JsonInput.text(body, "name"));
        x.header("Location", "/v1/products/" + product.id());
        x.json(201, view(product));
    }

    /** The products the caller may see, by id: its org's own and those licensed to it (the operator: every one). */
    private void listProducts(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, dealings.products(caller), p -> p.id().value()), CatalogueResource::view);
    }

    private void showProduct(Exchange x) {
        var caller = x.caller();
        ProductId id;
        try {
            id = new ProductId(x.path("id"));
        } catch (Invalid e) {
            throw new NotFound("no product " + x.path("id")); // no product is named so
        }
        x.json(200, view(dealings.product(caller, id)));
    }

    private static ObjectNode view(Product product) {
        return JsonNodeFactory.instance.objectNode().put("id", product.id().value()).put("name", product.name()).put("owner", product.owner().value());
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
        terms(node, l.licensor(), l.licensee(), l.products(), l.territories(), l.languages(), l.embargoDelay());
        l.validity().from().ifPresent(f -> node.put("validFrom", f.toString()));
        l.validity().to().ifPresent(t -> node.put("validTo", t.toString()));
        return node;
    }

    /** What a licence and a grant both say, written the same way for both. */
    static void terms(ObjectNode node, ponte.core.orgs.OrgId licensor, ponte.core.orgs.OrgId licensee, Set<ProductId> products,
            ponte.core.orgs.Territories territories, Set<String> languages, java.time.Duration embargoDelay) {
        node.put("licensor", licensor.value());
        node.put("licensee", licensee.value());
        var productArray = node.putArray("products");
        products.stream().map(ProductId::value).sorted().forEach(productArray::add);
        ObjectNode territoryNode = node.putObject("territories");
        var include = territoryNode.putArray("include");
        territories.includeWire().forEach(include::add);
        var exclude = territoryNode.putArray("exclude");
        territories.excludeWire().forEach(exclude::add);
        var languageArray = node.putArray("languages");
        languages.stream().sorted().forEach(languageArray::add);
        node.put("embargoDelay", embargoDelay.toString());
    }
}
