package ponte.app;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP request as the fuzzing test sends it, byte for byte (a target that no URI class would build, headers of any
 * size), with what it was made to show.
 *
 * @param operation   the documented operation it was made from ("POST /v1/items")
 * @param target      the request target as sent: path and query, already percent-encoded (or deliberately not)
 * @param contentType null for none
 * @param body        null for none
 * @param key         the bearer key, or null for none
 * @param refused     whether the request breaks the document, so that only a 4xx is a right answer
 * @param why         what was done to it, for the failure message
 */
record Call(String operation, String method, String target, List<String[]> headers, String contentType, byte[] body, String key, boolean refused, String why) {
    Call {
        headers = List.copyOf(headers);
    }

    Call withMethod(String other, String reason) {
        return new Call(operation, other, target, headers, contentType, body, key, true, reason);
    }

    Call withKey(String other, String reason) {
        return new Call(operation, method, target, headers, contentType, body, other, true, reason);
    }

    Call withBody(String type, byte[] bytes, boolean refuse, String reason) {
        return new Call(operation, method, target, headers, type, bytes, key, refuse, reason);
    }

    Call withHeader(String name, String value, String reason) {
        List<String[]> more = new java.util.ArrayList<>(headers);
        more.add(new String[] {name, value});
        return new Call(operation, method, target, more, contentType, body, key, true, reason);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
        return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " [" + why + "]"
                + (key == null ? " (no key)" : " key=" + key) + (contentType == null ? "" : " type=" + contentType)
                + headers.stream().map(h -> " " + h[0] + ": " + (h[1].length() > 80 ? h[1].substring(0, 80) + "…" : h[1])).collect(java.util.stream.Collectors.joining())
                + (shown.isEmpty() ? "" : " body=" + shown);
    }
}
