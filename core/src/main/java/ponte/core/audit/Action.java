package ponte.core.audit;

import java.util.Arrays;
import java.util.stream.Collectors;
import ponte.core.Invalid;

/** What was done, as the audit trail names it ({@code item.kill}), with the kind of thing it was done to. */
public enum Action {
    ORG_REGISTER("org.register", "org"),
    OUTLET_ADD("outlet.add", "org"),
    KEY_ISSUE("key.issue", "key"),
    KEY_REVOKE("key.revoke", "key"),
    PRODUCT_REGISTER("product.register", "product"),
    AGREEMENT_PROPOSE("agreement.propose", "agreement"),
    AGREEMENT_AMEND("agreement.amend", "agreement"),
    AGREEMENT_APPROVE("agreement.approve", "agreement"),
    AGREEMENT_RENEW("agreement.renew", "agreement"),
    AGREEMENT_SUSPEND("agreement.suspend", "agreement"),
    AGREEMENT_RESUME("agreement.resume", "agreement"),
    /** The licence shorthand ({@code POST /v1/licences}): a one-party agreement in force at once. */
    LICENCE_OFFER("licence.offer", "agreement"),
    /** A promotion campaign: the owner's items on its partners' channels under an agreement. */
    CAMPAIGN_CREATE("campaign.create", "campaign"),
    CAMPAIGN_AMEND("campaign.amend", "campaign"),
    /** A bookable offer of a campaign, with a tracked link per channel. */
    CAMPAIGN_OFFER("campaign.offer", "campaign"),
    /** A live event of a campaign on one of its live channels. */
    CAMPAIGN_LIVE_EVENT("campaign.live-event", "campaign"),
    COPRODUCTION_PROPOSE("coproduction.propose", "coproduction"),
    COPRODUCTION_AMEND("coproduction.amend", "coproduction"),
    COPRODUCTION_APPROVE("coproduction.approve", "coproduction"),
    ITEM_PUBLISH("item.publish", "item"),
    ITEM_UPDATE("item.update", "item"),
    ITEM_CORRECT("item.correct", "item"),
    ITEM_KILL("item.kill", "item"),
    /** A draft of a co-produced item, held outside the content log until every party approved it. */
    ITEM_DRAFT("item.draft", "item"),
    ITEM_APPROVE("item.approve", "item"),
    ITEM_REJECT("item.reject", "item"),
    TRANSLATION_TASK_ASSIGN("translation-task.assign", "translation-task"),
    TRANSLATION_TASK_DONE("translation-task.done", "translation-task"),
    ENDPOINT_CREATE("endpoint.create", "endpoint"),
    ENDPOINT_UPDATE("endpoint.update", "endpoint"),
    ENDPOINT_DELETE("endpoint.delete", "endpoint"),
    ENDPOINT_ROTATE_SECRET("endpoint.rotate-secret", "endpoint"),
    ENDPOINT_REPLAY("endpoint.replay", "endpoint"),
    ENDPOINT_RESEND("endpoint.resend", "endpoint"),
    SOURCE_REGISTER("source.register", "source"),
    SOURCE_UPDATE("source.update", "source"),
    SOURCE_DELETE("source.delete", "source"),
    SOURCE_POLL("source.poll", "source"),
    /** An uploaded document imported ({@code POST /v1/ingest/files}); each item it filed has an entry of its own. */
    INGEST_FILE("ingest.file", "org"),
    /** A video, photo or audio file uploaded ({@code POST /v1/media}). */
    MEDIA_UPLOAD("media.upload", "media"),
    /** A WebVTT subtitle track attached to a file ({@code PUT /v1/media/{id}/subtitles/{lang}}). */
    MEDIA_SUBTITLE("media.subtitle", "media"),
    /** A partner's choice of renditions and subtitle languages ({@code PUT /v1/orgs/{org}/rendition-profile}). */
    RENDITION_PROFILE_SET("org.rendition-profile", "org");

    private final String wire;
    private final String targetType;

    Action(String wire, String targetType) {
        this.wire = wire;
        this.targetType = targetType;
    }

    public String wire() {
        return wire;
    }

    /** The kind of thing the action's target id names: org, key, product, agreement, item, endpoint, source or media. */
    public String targetType() {
        return targetType;
    }

    /** The action with this name, or a refusal at {@code pointer} listing the names there are. */
    public static Action fromWire(String pointer, String value) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst().orElseThrow(() -> new Invalid(pointer,
                "unknown action '" + value + "'; one of " + Arrays.stream(values()).map(Action::wire).collect(Collectors.joining(", "))));
    }
}
