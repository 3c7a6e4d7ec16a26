package ponte.app;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Strings that match a regular expression of the small kind the OpenAPI document uses ({@code ^c[0-9a-z]{1,13}$},
 * {@code ^(\*|[A-Z]{2})$}): literals, escapes, character classes with ranges, groups with alternatives, and the
 * quantifiers {@code ? * + {n} {m,n}} (open ones capped at a few repetitions). Anything else is refused loudly, so a
 * pattern the generator cannot honour never yields strings that do not match it.
 */
final class PatternStrings {
    private static final int OPEN_REPEAT = 4;

    private final String pattern;
    private int at;

    private PatternStrings(String pattern) {
        this.pattern = pattern;
    }

    static Arbitrary<String> matching(String regex) {
        String body = regex.startsWith("^") ? regex.substring(1) : regex;
        boolean open = !body.endsWith("$");
        body = open ? body : body.substring(0, body.length() - 1);
        PatternStrings parser = new PatternStrings(body);
        Arbitrary<String> strings = parser.alternatives();
        if (parser.at != body.length()) {
            throw new IllegalArgumentException("cannot generate strings for " + regex + " (stopped at " + parser.at + ")");
        }
        // A pattern without $ matches any continuation; a short tail is enough to show that.
        return open ? Combinators.combine(strings, Arbitraries.strings().alpha().ofMaxLength(8)).as(String::concat) : strings;
    }

    private Arbitrary<String> alternatives() {
        List<Arbitrary<String>> choices = new ArrayList<>();
        choices.add(sequence());
        while (at < pattern.length() && pattern.charAt(at) == '|') {
            at++;
            choices.add(sequence());
        }
        return choices.size() == 1 ? choices.getFirst() : Arbitraries.oneOf(choices);
    }

    private Arbitrary<String> sequence() {
        Arbitrary<String> out = Arbitraries.just("");
        while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
            Arbitrary<String> atom = quantified(atom());
            out = Combinators.combine(out, atom).as(String::concat);
        }
        return out;
    }

    private Arbitrary<String> atom() {
        char c = pattern.charAt(at++);
        return switch (c) {
            case '(' -> {
                Arbitrary<String> group = alternatives();
                expect(')');
                yield group;
            }
            case '[' -> charClass().map(String::valueOf);
            case '\\' -> Arbitraries.just(String.valueOf(pattern.charAt(at++)));
            case '.', '*', '+', '?', '{', '$', '^' -> throw new IllegalArgumentException("unsupported '" + c + "' in " + pattern);
            default -> Arbitraries.just(String.valueOf(c));
        };
    }

    private Arbitrary<Character> charClass() {
        if (pattern.charAt(at) == '^') {
            throw new IllegalArgumentException("negated classes are not supported: " + pattern);
        }
        List<Character> chars = new ArrayList<>();
        while (pattern.charAt(at) != ']') {
            char c = pattern.charAt(at++);
            if (c == '\\') {
                c = pattern.charAt(at++);
            }
            if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                char to = pattern.charAt(at + 1);
                at += 2;
                for (char x = c; x <= to; x++) {
                    chars.add(x);
                }
            } else {
                chars.add(c);
            }
        }
        at++;
        return Arbitraries.of(chars);
    }

    private Arbitrary<String> quantified(Arbitrary<String> atom) {
        if (at >= pattern.length()) {
            return atom;
        }
        int min;
        int max;
        switch (pattern.charAt(at)) {
            case '?' -> { min = 0; max = 1; at++; }
            case '*' -> { min = 0; max = OPEN_REPEAT; at++; }
            case '+' -> { min = 1; max = OPEN_REPEAT; at++; }
            case '{' -> {
                int close = pattern.indexOf('}', at);
                String[] bounds = pattern.substring(at + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + OPEN_REPEAT : Integer.parseInt(bounds[1]);
                at = close + 1;
            }
            default -> { return atom; }
        }
        return atom.list().ofMinSize(min).ofMaxSize(max).map(parts -> String.join("", parts));
    }

    private void expect(char c) {
        if (at >= pattern.length() || pattern.charAt(at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + pattern);
        }
        at++;
    }
}
