package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ponte.core.Conflict;
import ponte.core.orgs.OrgId;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

public final class JdbcProducts implements Products {
    /** Enough for any catalogue; past it, products are read from the database each time as before. */
    private static final int KNOWN = 10_000;

    private final Jdbc jdbc;
    /**
     * Products found committed, by id. A product never changes once registered (there is no update and no delete), so
     * what was read once holds on every node for good: every publish asks {@link #byIds} (measured: its query was 13 %
     * of a publish request's CPU at concurrency 64, issue 19).
     */
    private final Map<ProductId, Product> known = new ConcurrentHashMap<>();

    public JdbcProducts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Product register(Product product) {
        Optional<Product> existing = byId(product.id());
        if (existing.isPresent()) {
            if (existing.get().equals(product)) {
                return product;
            }
            throw new Conflict("product id '" + product.id() + "' is taken");
        }
        jdbc.update("insert into products (id, owner_id, name) values (?, ?, ?)", product.id().value(), product.owner().value(), product.name());
        return product;
    }

    @Override
    public Optional<Product> byId(ProductId id) {
        return jdbc.one("select * from products where id = ?", JdbcProducts::product, id.value());
    }

    @Override
    public List<Product> byIds(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Product> out = new ArrayList<>(ids.size());
        List<ProductId> unknown = new ArrayList<>();
        for (ProductId id : ids) {
            Product product = known.get(id);
            if (product != null) {
                out.add(product);
            } else {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(unknown.size(), "?"));
        // Inside another's transaction a product read may be one that transaction registered and may yet roll back.
        boolean committed = !jdbc.inTransaction();
        for (Product found : jdbc.query("select * from products where id in (" + marks + ")", JdbcProducts::product,
                unknown.stream().map(ProductId::value).toArray())) {
            out.add(found);
            if (committed && known.size() < KNOWN) {
                known.put(found.id(), found);
            }
        }
        return out;
    }

    @Override
    public List<Product> all() {
        return jdbc.query("select * from products order by id", JdbcProducts::product);
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(new ProductId(rs.getString("id")), new OrgId(rs.getString("owner_id")), rs.getString("name"));
    }
}
