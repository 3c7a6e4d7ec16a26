package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.translation.TranslationTask;
import ponte.core.translation.TranslationTasks;

public final class JdbcTranslationTasks implements TranslationTasks {
    private final Jdbc jdbc;

    public JdbcTranslationTasks(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(TranslationTask t) {
        jdbc.update("insert into translation_tasks (id, item_id, language, assignee, due, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.item().value(), t.language(), t.assignee().value(), t.due(), t.createdBy().value(), t.createdAt());
    }

    @Override
    public Optional<TranslationTask> byId(String id) {
        return jdbc.one("select * from translation_tasks where id = ?", JdbcTranslationTasks::task, id);
    }

    @Override
    public void done(String id, Instant at) {
        jdbc.update("update translation_tasks set done_at = ? where id = ? and done_at is null", at, id);
    }

    @Override
    public List<TranslationTask> concerning(OrgId org) {
        return jdbc.query("""
                select t.* from translation_tasks t join item_owners o on o.item_id = t.item_id
                where o.org_id = ? order by t.created_at, t.id""", JdbcTranslationTasks::task, org.value());
    }

    private static TranslationTask task(ResultSet rs) throws SQLException {
        Optional<Instant> doneAt = Jdbc.maybeInstant(rs, "done_at");
        return new TranslationTask(rs.getString("id"), new ItemId(rs.getString("item_id")), rs.getString("language"),
                new OrgId(rs.getString("assignee")), Jdbc.maybeInstant(rs, "due"), doneAt.isPresent(), new OrgId(rs.getString("created_by")),
                Jdbc.instant(rs, "created_at"), doneAt);
    }
}
