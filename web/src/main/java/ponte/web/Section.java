package ponte.web;

/** A part of the UI (sign-in, desk, portal, agreements…): its pages, each built with the use cases it calls. */
public interface Section {
    void register(Pages pages);
}
