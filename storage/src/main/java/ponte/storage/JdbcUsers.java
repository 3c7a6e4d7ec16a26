package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import ponte.core.access.Role;
import ponte.core.accounts.User;
import ponte.core.accounts.UserId;
import ponte.core.accounts.Users;
import ponte.core.orgs.OrgId;

/** User accounts with their password hashes. */
public final class JdbcUsers implements Users {
    static final String COLUMNS = "u.id, u.org_id, u.role, u.username, u.created_at";

    private final Jdbc jdbc;

    public JdbcUsers(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public boolean add(User user, String passwordHash) {
        return jdbc.transaction(c -> {
            // Checked first rather than caught, so a taken name rolls back nothing on PostgreSQL.
            if (!Jdbc.query(c, "select 1 from users where username = ?", rs -> 1, user.username()).isEmpty()) {
                return false;
            }
            Jdbc.update(c, "insert into users (id, org_id, role, username, password_hash, created_at) values (?, ?, ?, ?, ?, ?)",
                    user.id().value(), user.org().map(OrgId::value), user.role().wire(), user.username(), passwordHash, user.createdAt());
            return true;
        });
    }

    @Override
    public Optional<User> byUsername(String username) {
        return jdbc.one("select " + COLUMNS + " from users u where u.username = ?", JdbcUsers::user, username);
    }

    @Override
    public Optional<User> byId(UserId id) {
        return jdbc.one("select " + COLUMNS + " from users u where u.id = ?", JdbcUsers::user, id.value());
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return jdbc.one("select password_hash from users where id = ?", rs -> rs.getString(1), id.value());
    }

    @Override
    public void setPassword(UserId id, String passwordHash) {
        jdbc.update("update users set password_hash = ? where id = ?", passwordHash, id.value());
    }

    @Override
    public List<User> of(OrgId org) {
        return jdbc.query("select " + COLUMNS + " from users u where u.org_id = ? order by u.username", JdbcUsers::user, org.value());
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getString("id")), java.util.Optional.ofNullable(rs.getString("org_id")).map(OrgId::new), Role.fromWire(rs.getString("role")),
                rs.getString("username"), Jdbc.instant(rs, "created_at"));
    }
}
