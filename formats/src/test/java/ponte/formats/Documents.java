package ponte.formats;

import tools.jackson.databind.node.ObjectNode;

/**
 * Small ninjs documents as an editor would file them: {@code aDocument().inLanguage("zh").build()}; the domain
 * objects around them come from core's shared builders ({@code ponte.core.fixtures.Fixtures}).
 */
final class Documents {
    private final ObjectNode document = NinjsWriter.mapper().createObjectNode();

    private Documents() {
        document.put("uri", "urn:newsml:italpress.it:20260501:001");
        document.put("type", "text");
        document.putArray("headlines").addObject().put("role", "main").put("value", "Ponte sullo Stretto, via libera");
    }

    static Documents aDocument() {
        return new Documents();
    }

    Documents withoutUri() {
        document.remove("uri");
        return this;
    }

    Documents with(String field, String value) {
        document.put(field, value);
        return this;
    }

    Documents without(String field) {
        document.remove(field);
        return this;
    }

    Documents inLanguage(String language) {
        return with("language", language);
    }

    Documents embargoedUntil(String rfc3339) {
        return with("embargoedUntil", rfc3339);
    }

    Documents withAltId(String role, String value) {
        document.withArray("altIds").addObject().put("role", role).put("value", value);
        return this;
    }

    Documents withLinkedRights(String url) {
        document.putObject("rightsInfo").put("langId", OdrlAgreement.LANG_ID).put("linkedRights", url);
        return this;
    }

    ObjectNode build() {
        return document.deepCopy();
    }

    /** The document as text, as {@code aVersion().withNinjs(…)} files it. */
    String json() {
        return NinjsWriter.mapper().writeValueAsString(document);
    }
}
