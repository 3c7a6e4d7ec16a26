package ponte.web;

/** The start page after sign-in: where each role finds its work. */
final class HomePage implements Section {
    @Override
    public void register(Pages pages) {
        pages.get("/app/", visit -> visit.render("home.jte", visit.page(visit.messages().t("nav.home"))));
    }
}
