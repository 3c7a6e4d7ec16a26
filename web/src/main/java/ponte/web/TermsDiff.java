package ponte.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.products.ProductId;

/**
 * Two versions of an agreement's terms side by side, a line per term; a line of the older one that the newer lacks is
 * marked removed, a line of the newer one that the older lacks is marked added.
 */
public record TermsDiff(AgreementVersion older, AgreementVersion newer, List<Line> left, List<Line> right) {
    public record Line(String text, boolean changed) {}

    static TermsDiff of(AgreementVersion older, AgreementVersion newer) {
        List<String> a = lines(older.terms());
        List<String> b = lines(newer.terms());
        return new TermsDiff(older, newer, a.stream().map(l -> new Line(l, !b.contains(l))).toList(),
                b.stream().map(l -> new Line(l, !a.contains(l))).toList());
    }

    static List<String> lines(Terms t) {
        List<String> out = new ArrayList<>();
        out.add(t.title());
        out.add(String.join(", ", t.parties().stream().map(Object::toString).sorted().toList()));
        out.add(t.validity().from().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString()).orElse("…") + " – "
                + t.validity().to().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString()).orElse("…"));
        for (Grant g : t.grants()) {
            out.add(g.licensor() + " → " + g.licensee() + ": " + String.join(" ", g.products().stream().map(ProductId::value).sorted().toList())
                    + "; " + g.territories() + (g.languages().isEmpty() ? "" : "; " + String.join(" ", g.languages().stream().sorted().toList()))
                    + (g.embargoDelay().isZero() ? "" : "; +" + g.embargoDelay().toMinutes() + " min") + (g.exclusive() ? "; exclusive" : ""));
        }
        return out;
    }
}
