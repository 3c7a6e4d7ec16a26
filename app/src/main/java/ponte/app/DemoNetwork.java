package ponte.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.licensing.Territories;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Outlet;
import ponte.core.orgs.OutletKind;
import ponte.core.products.ProductId;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/**
 * The demo network (resource {@code demo/network.json}) loaded through the same use cases the API calls. Loading it
 * again changes nothing: orgs and products are registered idempotently, licences and items are skipped when present.
 */
public final class DemoNetwork {
    /** A demo key, printed so the README's tour can be followed by copy and paste. */
    public record DemoKey(OrgId org, Role role, String secret) {}

    public record Loaded(int orgs, int products, int licences, int itemsPublished, List<DemoKey> keys) {}

    private final Wiring w;

    public DemoNetwork(Wiring wiring) {
        this.w = wiring;
    }

    public Loaded load() {
        JsonNode network = read();
        Caller operator = new Caller.Operator();
        List<DemoKey> keys = new ArrayList<>();
        for (JsonNode o : network.get("orgs")) {
            OrgId id = new OrgId(o.get("id").asString());
            w.services.onboarding().register(operator, new Org(id, o.get("name").asString(), OrgKind.fromWire(o.get("kind").asString()), CountryCode.of(o.get("country").asString())));
            for (JsonNode outlet : o.path("outlets")) {
                w.services.onboarding().addOutlet(operator, new Outlet("new", id, outlet.get("name").asString(),
                        OutletKind.fromWire(outlet.get("kind").asString()), CountryCode.of(outlet.get("country").asString())));
            }
            for (Role role : List.of(Role.ADMIN, Role.EDITOR, Role.PARTNER)) {
                String secret = "demo-" + id.value() + "-" + role.wire();
                w.keys.install(id, role, secret);
                keys.add(new DemoKey(id, role, secret));
            }
        }
        int products = 0;
        for (JsonNode p : network.get("products")) {
            w.services.cataloguing().register(editor(p.get("owner")), new ProductId(p.get("id").asString()), p.get("name").asString());
            products++;
        }
        int licences = 0;
        for (JsonNode l : network.get("licences")) {
            OrgId licensor = new OrgId(l.get("licensor").asString());
            OrgId licensee = new OrgId(l.get("licensee").asString());
            Set<ProductId> productIds = productIds(l.get("products"));
            boolean present = w.licences.all().stream().anyMatch(x -> x.licensor().equals(licensor) && x.licensee().equals(licensee) && x.products().equals(productIds));
            if (!present) {
                w.services.licensing().grant(editor(l.get("licensor")), licensee, productIds);
            }
            licences++;
        }
        int published = 0;
        for (JsonNode item : network.get("items")) {
            String uri = item.get("uri").asString();
            if (w.items.byUri(uri).isPresent()) {
                continue;
            }
            JsonNode ninjs = item.get("ninjs");
            w.services.publishing().publish(editor(item.get("owner")), Optional.of(uri), w.services.ninjsReader().read(ninjs),
                    productIds(item.get("products")), Territories.WORLDWIDE);
            published++;
        }
        return new Loaded(network.get("orgs").size(), products, licences, published, keys);
    }

    private static Caller editor(JsonNode org) {
        return new Caller.Member(new OrgId(org.asString()), Role.EDITOR);
    }

    private static Set<ProductId> productIds(JsonNode array) {
        Set<ProductId> out = new LinkedHashSet<>();
        array.forEach(p -> out.add(new ProductId(p.asString())));
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = DemoNetwork.class.getResourceAsStream("/ponte/app/demo/network.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo network resource is missing from the build");
            }
            return NinjsWriter.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
