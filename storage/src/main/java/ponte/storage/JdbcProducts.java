package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.orgs.OrgId;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

public final class JdbcProducts implements Products {
    private final Jdbc jdbc;

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
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query("select * from products where id in (" + marks + ")", JdbcProducts::product,
                ids.stream().map(ProductId::value).toArray());
    }

    @Override
    public List<Product> all() {
        return jdbc.query("select * from products order by id", JdbcProducts::product);
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(new ProductId(rs.getString("id")), new OrgId(rs.getString("owner_id")), rs.getString("name"));
    }
}
