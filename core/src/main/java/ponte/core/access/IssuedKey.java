package ponte.core.access;

/** A key just issued, with its secret: the one time the secret exists outside its holder's hands. */
public record IssuedKey(Key key, String secret) {}
