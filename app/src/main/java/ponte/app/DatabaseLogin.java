package ponte.app;

/** Who a node is to PostgreSQL; empty strings leave it to the driver (or to {@code ?user=…&password=…} in the URL). */
public record DatabaseLogin(String user, String password) {
    public static final DatabaseLogin DRIVER_DEFAULT = new DatabaseLogin("", "");

    /** From PONTE_DB_USER and PONTE_DB_PASSWORD: secrets belong in the environment, not on the command line. */
    static DatabaseLogin from(Configuration c) {
        return new DatabaseLogin(c.environment("PONTE_DB_USER").orElse(""), c.environment("PONTE_DB_PASSWORD").orElse(""));
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=" + (password.isEmpty() ? "" : "…") + "]";
    }
}
