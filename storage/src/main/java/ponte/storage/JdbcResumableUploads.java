package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.media.ResumableUpload;
import ponte.core.media.ResumableUploads;
import ponte.core.orgs.OrgId;

public final class JdbcResumableUploads implements ResumableUploads {
    private final Jdbc jdbc;

    public JdbcResumableUploads(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(ResumableUpload u) {
        jdbc.update("""
                insert into media_uploads (id, org_id, length_bytes, offset_bytes, content_type, filename, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""", u.id(), u.owner().value(), u.length(), u.offset(), u.contentType(), u.filename(), u.expiresAt());
    }

    @Override
    public Optional<ResumableUpload> byId(String id) {
        return jdbc.one("select * from media_uploads where id = ?", JdbcResumableUploads::upload, id);
    }

    @Override
    public boolean advance(String id, long from, long to, Instant expiresAt) {
        return jdbc.update("update media_uploads set offset_bytes = ?, expires_at = ? where id = ? and offset_bytes = ?", to, expiresAt, id, from) == 1;
    }

    @Override
    public void completed(String id, String mediaId) {
        jdbc.update("update media_uploads set media_id = ? where id = ?", mediaId, id);
    }

    @Override
    public void delete(String id) {
        jdbc.update("delete from media_uploads where id = ?", id);
    }

    @Override
    public List<String> expired(Instant now) {
        return jdbc.query("select id from media_uploads where expires_at < ? order by expires_at limit 1000",
                rs -> rs.getString(1), now);
    }

    private static ResumableUpload upload(ResultSet rs) throws SQLException {
        return new ResumableUpload(rs.getString("id"), new OrgId(rs.getString("org_id")), rs.getLong("length_bytes"), rs.getLong("offset_bytes"),
                rs.getString("content_type"), Optional.ofNullable(rs.getString("filename")), Jdbc.instant(rs, "expires_at"),
                Optional.ofNullable(rs.getString("media_id")));
    }
}
