package ponte.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ponte.core.Invalid;
import org.junit.jupiter.api.Test;

class RenditionProfileTest {
    @Test
    void aProfileKeepsItsRenditionsWhateverFileOfTheItemTheyBelongTo() {
        RenditionProfile profile = RenditionProfile.of(List.of("1080p", "proxy"), List.of("zh-Hans"));
        assertThat(profile.wants("proxy")).isTrue();
        assertThat(profile.wants("proxy-2")).isTrue();
        assertThat(profile.wants("720p")).isFalse();
        assertThat(profile.wants("720p-3")).isFalse();
        assertThat(profile.wants("subtitles-zh-Hans")).isTrue();
        assertThat(profile.wants("subtitles-zh-hans-2")).isTrue();
        assertThat(profile.wants("subtitles-it")).isFalse();
    }

    @Test
    void emptyChoicesMeanEveryOne() {
        assertThat(RenditionProfile.EVERYTHING.wants("thumbnails")).isTrue();
        assertThat(RenditionProfile.EVERYTHING.wants("subtitles-ko")).isTrue();
        RenditionProfile onlyProxy = RenditionProfile.of(List.of("proxy"), List.of());
        assertThat(onlyProxy.wants("subtitles-ko")).isTrue();
        assertThat(onlyProxy.wants("poster")).isFalse();
    }

    @Test
    void unknownNamesAndLanguagesAreRefusedAtTheirPointer() {
        assertThatThrownBy(() -> RenditionProfile.of(List.of("proxy", "8k"), List.of()))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.violations().getFirst().pointer()).isEqualTo("/renditions/1"));
        assertThatThrownBy(() -> RenditionProfile.of(List.of(), List.of("zh_Hans")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.violations().getFirst().pointer()).isEqualTo("/subtitles/0"));
    }
}
