package ponte.storage;

import java.time.Instant;
import java.util.Optional;
import ponte.core.access.Role;
import ponte.core.accounts.Link;
import ponte.core.accounts.Links;
import ponte.core.orgs.OrgId;

/** One-time links; using one is an update that only the first of two concurrent clicks makes. */
public final class JdbcLinks implements Links {
    private final Jdbc jdbc;

    public JdbcLinks(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void add(String digest, Link link) {
        jdbc.update("insert into account_links (digest, purpose, org_id, username, role, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                digest, link.purpose().name(), link.org().value(), link.username(), link.role().wire(), link.createdAt(), link.expiresAt());
    }

    @Override
    public Optional<Link> unused(String digest) {
        return jdbc.one("select purpose, org_id, username, role, created_at, expires_at from account_links where digest = ? and used_at is null",
                rs -> new Link(Link.Purpose.valueOf(rs.getString("purpose")), new OrgId(rs.getString("org_id")), rs.getString("username"),
                        Role.fromWire(rs.getString("role")), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at")), digest);
    }

    @Override
    public boolean use(String digest, Instant at) {
        return jdbc.update("update account_links set used_at = ? where digest = ? and used_at is null", at, digest) == 1;
    }
}
