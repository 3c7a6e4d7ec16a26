package ponte.core.licensing;

public record LicenceId(String value) {
    // Derived ids read "<agreement>/v<version>/<grant>": longer than client ids, and with slashes.
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/-]{0,127}");

    public LicenceId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new ponte.core.Invalid("/id", "not a licence id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
