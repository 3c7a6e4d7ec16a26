package ponte.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.core.products.ProductId;

class EndpointFilterTest {
    static final Set<ProductId> NEWS = Set.of(new ProductId("news"));

    @Test
    void anEmptyFilterTakesEverything() {
        assertThat(EndpointFilter.ANY.matches(Optional.empty(), Set.of(), Set.of())).isTrue();
    }

    @Test
    void languageRangesMatchByPrefixAndAnItemWithoutALanguageMatchesNone() {
        EndpointFilter zh = new EndpointFilter(Set.of("zh"), Set.of(), Set.of());
        assertThat(zh.matches(Optional.of("zh-Hans"), NEWS, Set.of())).isTrue();
        assertThat(zh.matches(Optional.of("ZH"), NEWS, Set.of())).isTrue();
        assertThat(zh.matches(Optional.of("zhx"), NEWS, Set.of())).isFalse();
        assertThat(zh.matches(Optional.empty(), NEWS, Set.of())).isFalse();
    }

    @Test
    void productsAndSubjectsMustShareAValueAndEveryFieldMustMatch() {
        EndpointFilter f = new EndpointFilter(Set.of("it"), NEWS, Set.of("medtop:15000000"));
        assertThat(f.matches(Optional.of("it"), Set.of(new ProductId("news"), new ProductId("sport")), Set.of("medtop:15000000", "x"))).isTrue();
        assertThat(f.matches(Optional.of("it"), Set.of(new ProductId("sport")), Set.of("medtop:15000000"))).isFalse();
        assertThat(f.matches(Optional.of("it"), NEWS, Set.of("medtop:04000000"))).isFalse();
        assertThat(f.matches(Optional.of("en"), NEWS, Set.of("medtop:15000000"))).isFalse();
    }

    @Test
    void malformedValuesAreRefused() {
        assertThatThrownBy(() -> new EndpointFilter(Set.of("not a tag"), Set.of(), Set.of())).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> new EndpointFilter(Set.of(), Set.of(), Set.of("two\nlines"))).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> new EndpointFilter(Set.of(), Set.of(), Set.of(""))).isInstanceOf(Invalid.class);
    }
}
