//! The window, driven headless with `egui_kittest`: load, find text, click, keyboard.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use parallel_reader::app::{Command, LoadRequest, ReaderApp, Settings};

fn harness_with(request: &LoadRequest) -> Harness<'static, ReaderApp> {
    let mut app = ReaderApp::empty(Settings::default());
    app.open_now(request);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    run(&mut harness);
    harness
}

/// Run until the UI settles (a jump to a row not laid out yet takes a few frames: its height is
/// measured, then the scroll target is applied again).
fn run(harness: &mut Harness<'_, ReaderApp>) {
    harness.run_steps(8);
}

fn wait_for_load(harness: &mut Harness<'_, ReaderApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    run(harness);
}

#[test]
fn shows_both_renderings_side_by_side() {
    let harness = harness_with(&LoadRequest::Bundled);
    // The header names each side.
    harness.get_by_label("Xpert.Digital — Swedish");
    harness.get_by_label("Xpert.Digital — Dutch");
    // Paragraphs of both languages are on screen.
    assert_eq!(
        harness
            .query_all_by_label_contains("Tecken på kris eller strategi?")
            .count(),
        3
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("Tekenen van crisis of strategie?")
            .count(),
        3
    );
    harness.get_by_label_contains("Det är en bomb som skakar");
    harness.get_by_label_contains("Het is een bom die de financiële");
    // Rows far below are not laid out.
    assert!(
        harness
            .query_by_label_contains("Lämna den mobila versionen")
            .is_none()
    );
    // The status bar counts rows.
    harness.get_by_label_contains("129 rows");
}

#[test]
fn clicking_a_paragraph_selects_its_row() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    assert_eq!(harness.state().selected_row(), Some(0));
    harness
        .get_by_label_contains("Het is een bom die de financiële")
        .click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(6));
    harness
        .get_by_label_contains("Galenskap eller genidrag?")
        .click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(4));
    // The keyboard still moves the selection after a click.
    harness.key_press(Key::ArrowDown);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(5));
}

#[test]
fn keyboard_moves_the_selection_and_scrolls() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.key_press(Key::ArrowDown);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(1));
    harness.key_press(Key::J);
    harness.key_press(Key::J);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(3));
    harness.key_press(Key::K);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(2));
    harness.key_press(Key::PageDown);
    run(&mut harness);
    assert!(harness.state().selected_row().unwrap() > 3);
    harness.key_press(Key::End);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(128));
    // The last row was scrolled into view and laid out.
    harness.get_by_label_contains("Lämna den mobila versionen");
    harness.get_by_label_contains("Verlaat de mobiele versie");
    harness.key_press(Key::Home);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(0));
    harness.get_by_label_contains("Webbplatsikon");
}

#[test]
fn boilerplate_can_be_hidden_with_one_toggle() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    let all = harness.state().shown_rows().len();
    assert_eq!(all, 129);
    harness.get_by_label("Boilerplate").click();
    run(&mut harness);
    let shown = harness.state().shown_rows().len();
    assert!(shown < all - 20, "{shown}");
    assert!(!harness.state().settings.show_boilerplate);
    assert!(harness.query_by_label_contains("Webbplatsikon").is_none());
    harness.get_by_label_contains("rows hidden by filters");
}

#[test]
fn a_bad_set_is_reported_and_the_previous_one_stays() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![
            "/no/such/set".into(),
        ])));
    run(&mut harness);
    wait_for_load(&mut harness);
    let message = harness.state().message().cloned().unwrap();
    assert!(message.is_error);
    assert!(message.text.contains("/no/such/set"), "{}", message.text);
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
    harness.get_by_label_contains("Det är en bomb som skakar");
}

#[test]
fn opening_a_folder_loads_in_the_background() {
    let mut app = ReaderApp::empty(Settings::default());
    app.push_command(Command::Load(LoadRequest::Paths(vec![
        crate::hay::seeds_dir(),
    ])));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
    assert_eq!(
        harness.state().settings.last_set,
        vec![crate::hay::seeds_dir().join("set.json")]
    );
    harness.get_by_label_contains("Het is een bom die de financiële");
}

#[test]
fn the_path_field_opens_a_set() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.get_by_label("File").click();
    run(&mut harness);
    harness.get_by_label("Open path…").click();
    run(&mut harness);
    let field = harness.get_by_label("Folder, set.json, or files separated by ;");
    field.click();
    run(&mut harness);
    harness
        .get_by_label("Folder, set.json, or files separated by ;")
        .type_text(&crate::hay::seeds_dir().display().to_string());
    run(&mut harness);
    harness.get_by_label("Open").click();
    wait_for_load(&mut harness);
    assert_eq!(
        harness.state().settings.last_set,
        vec![crate::hay::seeds_dir().join("set.json")]
    );
}

fn edited_harness() -> (tempfile::TempDir, Harness<'static, ReaderApp>) {
    let dir = tempfile::tempdir().unwrap();
    crate::figures::edited_set(dir.path(), &crate::figures::EDITS[..3]);
    let harness = harness_with(&LoadRequest::Paths(vec![dir.path().to_path_buf()]));
    (dir, harness)
}

#[test]
fn mismatches_are_listed_and_counted() {
    let (_dir, mut harness) = edited_harness();
    harness.get_by_label_contains("332 figures, 3 mismatches");
    harness.get_by_label("Mismatches (3)");
    // Clicking an entry jumps to its row.
    // Rows count from 1 where a person reads them: row index 24 is "Row 25".
    harness.get_by_label_contains("Row 25:").click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(24));
    harness.get_by_label_contains("De belangrijkste investeringsdoelen");
    // The entry says what differs.
    harness.get_by_label_contains("decimal mark differs: 5,375 → 5.375");
    harness.get_by_label_contains("scale differs: miljoner vs miljard");
}

#[test]
fn n_and_f8_move_between_mismatches() {
    let (_dir, mut harness) = edited_harness();
    assert_eq!(harness.state().selected_row(), Some(0));
    let mut visited = Vec::new();
    for _ in 0..4 {
        harness.key_press(Key::N);
        run(&mut harness);
        visited.push(harness.state().selected_row().unwrap());
    }
    assert_eq!(visited, [6, 10, 24, 6]);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::N);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(24));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F8);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(10));
    harness.key_press(Key::F8);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(24));
    // The selected row is on screen.
    harness.get_by_label_contains("De belangrijkste investeringsdoelen");
}

#[test]
fn only_rows_with_mismatches_can_be_shown() {
    let (_dir, mut harness) = edited_harness();
    harness.get_by_label("Only mismatches").click();
    run(&mut harness);
    assert_eq!(harness.state().shown_rows(), [6, 10, 24]);
    assert!(harness.query_by_label_contains("Webbplatsikon").is_none());
    harness.get_by_label_contains("Het is een bom die de financiële");
}

#[test]
fn agreeing_sets_say_so() {
    let seeds = crate::hay::seeds_dir();
    let mut harness = harness_with(&LoadRequest::Paths(vec![
        seeds.join("000_56c814ddb9b757cd.txt"),
        seeds.join("001_0bd7ab58742551fb.txt"),
    ]));
    harness.get_by_label_contains("332 figures, 0 mismatches");
    harness.get_by_label("Mismatches (0)");
    harness.get_by_label("The two renderings agree on every figure.");
    harness.key_press(Key::N);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(0));
    assert!(harness.state().message().unwrap().text.contains("agree"));
    // "Only mismatches" with none says so instead of showing nothing.
    harness.get_by_label("Only mismatches").click();
    run(&mut harness);
    assert!(harness.state().shown_rows().is_empty());
    harness.get_by_label_contains("No row has a mismatch");
}

#[test]
fn the_coverage_panel_shows_links_and_opens_the_document() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.state_mut().push_command(Command::Select(28));
    run(&mut harness);
    harness.get_by_label("Coverage").click();
    run(&mut harness);
    harness.get_by_label("Coverage of row 29");
    harness.get_by_label_contains("Dutch news (nl) ¶0");
    harness.get_by_label_contains("Evidence: 22.5 × 10⁹ USD");
    harness.get_by_label("= 22.5 × 10⁹ USD in both");
    harness.get_by_label_contains("De investering van 22,5 miljard dollar");
    harness.get_by_label("Open in Dutch news").click();
    run(&mut harness);
    // The reader shows the whole document, with the rows that link to each paragraph.
    harness.get_by_label("Dutch news");
    harness.get_by_label_contains("Concurrentie van Meta en Google neemt toe");
    harness.get_by_label("row 29");
    harness.get_by_label("← Back to the links").click();
    run(&mut harness);
    harness.get_by_label("Coverage of row 29");
}

#[test]
fn coverage_conflicts_are_marked_and_backlinks_lead_to_rows() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.get_by_label("Coverage").click();
    run(&mut harness);
    harness.state_mut().push_command(Command::Select(66));
    run(&mut harness);
    harness.get_by_label_contains("English coverage (en) ¶12");
    harness
        .get_by_label_contains("≠ 3.6 × 10⁹ USD (approx.) here, 3.3 × 10⁹ USD in English coverage");
    // Read the English coverage on its own and follow a backlink to its row.
    harness.get_by_label("English coverage (en)").click();
    run(&mut harness);
    harness.get_by_label_contains("It is reported that SoftBank sold all of its 4.9% stake");
    harness.get_by_label("row 67").click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(66));
    harness.get_by_label_contains("Den historiska dimensionen gör det aktuella beslutet");
}

fn review_harness(review_dir: &std::path::Path) -> Harness<'static, ReaderApp> {
    let mut app = ReaderApp::empty(Settings::default());
    app.set_review_dir(review_dir.to_path_buf());
    app.open_now(&LoadRequest::Bundled);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1300.0, 900.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    run(&mut harness);
    harness
}

#[test]
fn setting_a_status_and_undoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    harness.state_mut().push_command(Command::Select(6));
    run(&mut harness);
    harness.get_by_label("Review").click();
    run(&mut harness);
    harness.get_by_label("Review of row 7");
    harness.get_by_label("OK").click();
    run(&mut harness);
    let status = |h: &Harness<'_, ReaderApp>| h.state().comparison().unwrap().reviews[6].status;
    assert_eq!(status(&harness), parallel_reader::review::Status::Ok);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    run(&mut harness);
    assert_eq!(
        status(&harness),
        parallel_reader::review::Status::Unreviewed
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    run(&mut harness);
    assert_eq!(status(&harness), parallel_reader::review::Status::Ok);
    harness.get_by_label_contains("1 OK");
}

#[test]
fn a_note_is_saved_automatically_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    harness.state_mut().push_command(Command::Select(15));
    run(&mut harness);
    harness.get_by_label("Review").click();
    run(&mut harness);
    harness.get_by_label("Note").click();
    run(&mut harness);
    harness
        .get_by_label("Note")
        .type_text("Rate differs from the German source");
    run(&mut harness);
    assert_eq!(
        harness.state().comparison().unwrap().reviews[15].note,
        "Rate differs from the German source"
    );
    // Saved a second after the last edit, beside the set or (bundled set) in the review folder.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    run(&mut harness);
    // Written on the writer's thread: wait for it, as the window does on exit.
    harness.state_mut().flush_reviews();
    let path = harness.state().review_path().unwrap().to_path_buf();
    assert!(path.starts_with(dir.path()), "{}", path.display());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Rate differs from the German source"));
    // Reopening the set brings the note back.
    let mut again = ReaderApp::empty(Settings::default());
    again.set_review_dir(dir.path().to_path_buf());
    again.open_now(&LoadRequest::Bundled);
    assert_eq!(
        again.comparison().unwrap().reviews[15].note,
        "Rate differs from the German source"
    );
    // Export from the window: the note is in the HTML.
    let out = dir.path().join("export.html");
    harness.state_mut().push_command(Command::ExportWindow);
    run(&mut harness);
    harness.get_by_label("Export");
    harness.get_by_label("HTML").click();
    run(&mut harness);
    harness.state_mut().push_command(Command::Export(
        out.clone(),
        parallel_reader::export::Format::Html,
    ));
    run(&mut harness);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Rate differs from the German source"));
    assert!(
        harness
            .state()
            .message()
            .unwrap()
            .text
            .starts_with("Exported HTML")
    );
}

#[test]
fn alignment_can_be_corrected_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    harness.state_mut().push_command(Command::Select(8));
    run(&mut harness);
    harness.get_by_label("Review").click();
    run(&mut harness);
    harness.get_by_label("Merge with next row").click();
    run(&mut harness);
    let rows = |h: &Harness<'_, ReaderApp>| h.state().comparison().unwrap().rows.len();
    assert_eq!(rows(&harness), 128);
    harness.get_by_label("Split row").click();
    run(&mut harness);
    assert_eq!(rows(&harness), 129);
    harness.get_by_label("Detach first right ¶").click();
    run(&mut harness);
    assert_eq!(rows(&harness), 130);
    harness.get_by_label_contains("2 unmatched paragraphs");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    run(&mut harness);
    assert_eq!(rows(&harness), 129);
}

#[test]
fn the_shortcuts_are_listed_in_help() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.get_by_label("Help").click();
    run(&mut harness);
    harness.get_by_label("Keyboard shortcuts").click();
    run(&mut harness);
    harness.get_by_label_contains("Next row with a finding");
    harness.get_by_label("Undo a review edit");
    // The dialog opens in the central area, not over the menu bar.
    let menu_bar = harness.get_by_label("Help").rect();
    let title = harness.get_by_label("Keyboard shortcuts").rect();
    assert!(title.top() > menu_bar.bottom(), "{title:?} {menu_bar:?}");
}

/// The status bar counts coverage conflicts the way `check` and the exports do: an accepted one
/// leaves the count.
#[test]
fn the_status_bar_counts_only_open_conflicts() {
    use parallel_reader::app::command::ReviewAction;
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.get_by_label_contains("2 coverage conflicts");
    let comparison = harness.state().comparison().unwrap();
    let key = comparison
        .findings(15)
        .find(parallel_reader::comparison::Finding::is_conflict)
        .unwrap()
        .key(&comparison.set);
    harness
        .state_mut()
        .push_command(Command::Review(ReviewAction::Accept(
            15,
            key,
            String::new(),
        )));
    run(&mut harness);
    harness.get_by_label_contains("1 coverage conflict");
    assert_eq!(harness.state().comparison().unwrap().stats().conflicts, 1);
}

/// Every shortcut of the command table works from the keyboard: one table drives the keys, the
/// menus and the Help list.
#[test]
fn shortcuts_come_from_the_command_table() {
    use parallel_reader::app::UiCommand;
    let mut harness = harness_with(&LoadRequest::Bundled);
    // F8 is the second shortcut of "next finding": the renderings agree, and the first finding
    // is the coverage conflict of row index 15.
    harness.key_press(Key::F8);
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(15));
    // The menu shows the first shortcut of a command next to its label.
    harness.get_by_label("View").click();
    run(&mut harness);
    harness.get_by_label_contains(UiCommand::NextMismatch.text());
    harness.get_by_label_contains(UiCommand::ZoomIn.text());
}

#[test]
fn a_long_opening_shows_its_progress_and_can_be_cancelled() {
    // The bundled pair 60 times a side: several seconds in a test build; an optimised build
    // (`cargo test --release`) opens that in a third of a second, so it gets ten times more.
    let copies = if cfg!(debug_assertions) { 60 } else { 600 };
    let dir = tempfile::tempdir().unwrap();
    for (name, prefix) in [("a.txt", "000"), ("b.txt", "001")] {
        let text = crate::hay::seed_text(prefix);
        let book = vec![text.trim(); copies].join("\n\n");
        std::fs::write(dir.path().join(name), book).unwrap();
    }
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![
            dir.path().join("a.txt"),
            dir.path().join("b.txt"),
        ])));
    harness.step();
    assert!(harness.state().is_loading());
    // Not at once: a quick opening never flashes a dialog.
    assert!(harness.query_by_label("Cancel").is_none());
    std::thread::sleep(std::time::Duration::from_millis(400));
    run(&mut harness);
    assert!(
        harness.state().is_loading(),
        "the book opened too fast to test"
    );
    // The dialog names what opens and its stage (which stage depends on the machine).
    harness.get_by_label("Opening");
    harness.get_by_label_contains("a.txt, ");
    assert!(
        ["Reading the files", "Aligning", "Comparing", "Linking"]
            .iter()
            .any(|stage| harness.query_by_label_contains(stage).is_some())
    );
    harness.get_by_label("Cancel").click();
    run(&mut harness);
    assert!(!harness.state().is_loading());
    assert!(harness.query_by_label("Cancel").is_none());
    let message = harness.state().message().cloned().unwrap();
    assert!(
        message.text.starts_with("Stopped opening"),
        "{}",
        message.text
    );
    assert!(message.text.contains("The previous set stays open"));
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
    harness.get_by_label_contains("Det är en bomb som skakar");
}

#[test]
fn an_xliff_file_opens_as_a_set_with_its_alignment_as_given() {
    let mut app = ReaderApp::empty(Settings::default());
    let xliff =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/softbank-sv-nl.xlf");
    app.push_command(Command::Load(LoadRequest::Paths(vec![xliff])));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    harness.step();
    wait_for_load(&mut harness);
    harness.get_by_label_contains("alignment as given by the XLIFF 1.2 file (11 units)");
    harness.get_by_label("softbank-sv-nl (source)");
    harness.get_by_label("softbank-sv-nl (target)");
    harness.get_by_label_contains("Det är en bomb som skakar");
    harness.get_by_label_contains("Het is een bom die de financiële");
    // The unit's review came with it: its note is in the Review panel.
    harness.state_mut().push_command(Command::Select(2));
    run(&mut harness);
    harness.get_by_label("Review").click();
    run(&mut harness);
    assert_eq!(
        harness.get_by_label("Note").value().as_deref(),
        Some("Controleer het bedrag in unit 3.")
    );
}

#[test]
fn open_recent_lists_the_last_sets_and_reopens_one() {
    let xliff =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/softbank-sv-nl.xlf");
    let mut harness = harness_with(&LoadRequest::Bundled);
    for paths in [vec![crate::hay::seeds_dir()], vec![xliff.clone()]] {
        harness
            .state_mut()
            .push_command(Command::Load(LoadRequest::Paths(paths)));
        harness.step();
        wait_for_load(&mut harness);
    }
    let seeds_manifest = crate::hay::seeds_dir().join("set.json");
    assert_eq!(
        harness.state().settings.recent,
        vec![vec![xliff.clone()], vec![seeds_manifest.clone()]]
    );
    harness.get_by_label("File").click();
    run(&mut harness);
    harness.get_by_label("Open recent").click();
    run(&mut harness);
    harness.get_by_label("data/softbank-sv-nl.xlf");
    harness.get_by_label("seeds/set.json").click();
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
    // The reopened set is first now, once.
    assert_eq!(
        harness.state().settings.recent,
        vec![vec![seeds_manifest], vec![xliff]]
    );
    // Settings written by an older version (no list) still read.
    let old: parallel_reader::app::Settings =
        serde_json::from_str(r#"{"zoom": 1.2, "last_set": []}"#).unwrap();
    assert!(old.recent.is_empty());
}

#[test]
fn view_swap_sides_puts_the_right_rendering_on_the_left() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    let x =
        |harness: &Harness<'_, ReaderApp>, label: &str| harness.get_by_label(label).rect().min.x;
    assert!(x(&harness, "Xpert.Digital — Swedish") < x(&harness, "Xpert.Digital — Dutch"));
    harness.get_by_label("View").click();
    run(&mut harness);
    harness.get_by_label("Swap sides").click();
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().comparison().unwrap().set.left().lang, "nl");
    assert!(x(&harness, "Xpert.Digital — Dutch") < x(&harness, "Xpert.Digital — Swedish"));
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
}

#[test]
fn a_moved_paragraph_links_to_its_other_end() {
    let dir = tempfile::tempdir().unwrap();
    let comparison = crate::review::moved_set(dir.path());
    let from = comparison.rows.iter().position(|r| r.left == [24]).unwrap();
    let to = comparison
        .rows
        .iter()
        .position(|r| r.right == [70])
        .unwrap();
    let mut app = ReaderApp::empty(Settings::default());
    app.set_comparison(comparison);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    harness.state_mut().push_command(Command::Select(from));
    run(&mut harness);
    harness
        .get_by_label(&format!("↪ moved to row {}", to + 1))
        .click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(to));
    harness
        .get_by_label(&format!("↪ moved here from row {}", from + 1))
        .click();
    run(&mut harness);
    assert_eq!(harness.state().selected_row(), Some(from));
}

#[test]
fn a_file_changed_on_disk_reloads_keeping_the_review_and_the_place() {
    use parallel_reader::app::command::ReviewAction;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, crate::hay::seed_text("000")).unwrap();
    let dutch = crate::hay::seed_text("001");
    std::fs::write(&b, &dutch).unwrap();
    let mut app = ReaderApp::empty(Settings::default());
    app.set_review_dir(dir.path().join("reviews"));
    app.push_command(Command::Load(LoadRequest::Paths(vec![a, b.clone()])));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    harness.step();
    wait_for_load(&mut harness);
    let note_row = 15;
    let note_text = harness.state().comparison().unwrap().set.left().paragraphs
        [harness.state().comparison().unwrap().rows[note_row].left[0]]
        .text
        .clone();
    harness
        .state_mut()
        .push_command(Command::Review(ReviewAction::Note(
            note_row,
            "Which rate?".to_owned(),
        )));
    harness.state_mut().push_command(Command::Select(40));
    run(&mut harness);
    let selected_left = harness.state().comparison().unwrap().rows[40].left[0];
    // The translator inserts a paragraph near the top and saves, as editors do: a new file
    // renamed over the old one.
    let edited = dutch.replacen("\n\n", "\n\nEen nieuwe alinea van de vertaler.\n\n", 3);
    let temporary = dir.path().join(".b.txt.swp");
    std::fs::write(&temporary, edited).unwrap();
    std::fs::rename(&temporary, &b).unwrap();
    let mut reloaded = false;
    for _ in 0..300 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
        if let Some(message) = harness.state().message()
            && message.text.starts_with("Reloaded")
            && !harness.state().is_loading()
        {
            reloaded = true;
            break;
        }
    }
    assert!(reloaded, "{:?}", harness.state().message());
    run(&mut harness);
    let message = harness.state().message().unwrap().text.clone();
    assert!(message.contains("b.txt changed on disk"), "{message}");
    let comparison = harness.state().comparison().unwrap();
    assert!(
        comparison
            .set
            .right()
            .paragraphs
            .iter()
            .any(|p| p.text == "Een nieuwe alinea van de vertaler.")
    );
    // The note follows its text; the selection stays on the same paragraphs.
    let row_of_text = comparison
        .rows
        .iter()
        .position(|r| {
            r.left
                .first()
                .is_some_and(|&p| comparison.set.left().paragraphs[p].text == note_text)
        })
        .unwrap();
    assert_eq!(comparison.reviews[row_of_text].note, "Which rate?");
    let selected = harness.state().selected_row().unwrap();
    assert!(comparison.rows[selected].left.contains(&selected_left));
    assert_ne!(selected, 40, "three rows were inserted above it");
    // The reload says which rows changed: three new paragraphs, each in the history and
    // tinted in the view.
    assert!(message.contains("3 rows changed"), "{message}");
    let changed = harness.state().reloaded_rows().to_vec();
    assert_eq!(changed.len(), 3);
    for row in &changed {
        let right = &comparison.rows[*row].right;
        assert!(
            right
                .iter()
                .any(|&p| comparison.set.right().paragraphs[p].text
                    == "Een nieuwe alinea van de vertaler.")
        );
    }
    let history: Vec<&str> = harness.state().history().map(|m| m.text.as_str()).collect();
    assert_eq!(
        history
            .iter()
            .filter(|m| m.contains("new paragraph “Een nieuwe alinea van de vertaler.”"))
            .count(),
        3,
        "{history:?}"
    );
}

/// A manifest that names a file outside its folder is not read until the user says so, in a
/// window that names the file (issue 22).
#[test]
fn a_manifest_reaching_outside_its_folder_asks_first() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::copy(
        crate::hay::seeds_dir().join("001_0bd7ab58742551fb.txt"),
        &secret,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::hay::seeds_dir().join("000_56c814ddb9b757cd.txt"),
        dir.path().join("sv.txt"),
    )
    .unwrap();
    let manifest = crate::hay::write_manifest(dir.path(), "sv.txt", &secret.display().to_string());
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![manifest.clone()])));
    run(&mut harness);
    wait_for_load(&mut harness);
    // Asked, naming the file; the bundled set is still open.
    harness.get_by_label(&secret.display().to_string());
    assert_eq!(harness.state().comparison().unwrap().set.right().lang, "nl");
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
    // Cancel keeps what was open.
    harness.get_by_label("Cancel").click();
    run(&mut harness);
    assert!(
        harness
            .query_by_label(&secret.display().to_string())
            .is_none()
    );
    assert!(
        harness
            .state()
            .message()
            .unwrap()
            .text
            .contains("outside its folder")
    );
    // Asked again, and allowed: the set opens.
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![manifest])));
    run(&mut harness);
    wait_for_load(&mut harness);
    harness.get_by_label("Open anyway").click();
    run(&mut harness);
    wait_for_load(&mut harness);
    let comparison = harness.state().comparison().unwrap();
    assert_eq!(comparison.set.right().path, secret);
}

/// At rest the window draws nothing: once the view has settled, a frame with no input asks
/// for no other frame (issue 21: a title sent every frame kept it drawing 30 frames a second).
#[test]
fn at_rest_the_window_asks_for_no_frame() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(40)
        .build_eframe(|_cc| {
            let mut app = ReaderApp::empty(Settings::default());
            app.open_now(&LoadRequest::Bundled);
            app
        });
    let steps = harness.try_run().expect("the view settles");
    assert!(steps < 40);
    // Settled: one frame, and it asks for none after it.
    assert_eq!(harness.try_run().expect("still at rest"), 1);
    // After input (scrolling a page down), it settles again.
    harness.key_press(Key::PageDown);
    harness.try_run().expect("settles after scrolling");
    assert_eq!(harness.try_run().expect("at rest again"), 1);
}

fn starting_harness(app: ReaderApp) -> Harness<'static, ReaderApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut ReaderApp| app.ui_root(ui), app);
    harness.step();
    wait_for_load(&mut harness);
    harness
}

/// An error says its cause first, wraps inside the window, and Dismiss or Esc clears it
/// (issue 21).
#[test]
fn an_error_wraps_inside_the_window_and_esc_dismisses_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir
        .path()
        .join("a-good-article-with-a-long-name-as-exports-have.txt");
    std::fs::write(&good, crate::hay::seed_text("000")).unwrap();
    let empty = dir
        .path()
        .join("an-empty-file-that-somebody-sent-by-mistake.txt");
    std::fs::write(&empty, "").unwrap();
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![good, empty])));
    run(&mut harness);
    wait_for_load(&mut harness);
    let message = harness.state().message().cloned().unwrap();
    assert!(message.is_error);
    assert!(
        message.text.starts_with("The file is empty"),
        "{}",
        message.text
    );
    // The Dismiss button is inside the window, right of the wrapped message.
    let dismiss = harness.get_by_label("Dismiss").rect();
    assert!(dismiss.right() <= 1200.0, "{dismiss:?}");
    // The banner (the status bar says it too, elided).
    let banner = harness
        .query_all_by_label_contains("The file is empty")
        .map(|node| node.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap();
    assert!(banner.right() <= dismiss.left() + 1.0, "{banner:?}");
    assert!(banner.height() > 20.0, "the message wraps: {banner:?}");
    harness.key_press(Key::Escape);
    run(&mut harness);
    assert!(harness.state().message().is_none());
    assert!(harness.query_by_label("Dismiss").is_none());
}

/// The status bar's message is elided, whole on hover, and every message stays in View ▸
/// Messages.
#[test]
fn every_message_is_kept_in_the_history() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    harness.key_press(Key::N);
    run(&mut harness);
    harness
        .state_mut()
        .push_command(Command::Load(LoadRequest::Paths(vec![
            "/no/such/set/with/a/long/name/that/the/status/bar/cannot/show/whole".into(),
        ])));
    run(&mut harness);
    wait_for_load(&mut harness);
    let said: Vec<String> = harness.state().history().map(|m| m.text.clone()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("No such file or folder"), "{said:?}");
    harness.get_by_label("View").click();
    run(&mut harness);
    harness.get_by_label("Messages").click();
    run(&mut harness);
    // The window lists the message whole.
    assert!(
        harness
            .query_all_by_label_contains("/that/the/status/bar/cannot/show/whole")
            .count()
            >= 1
    );
    // It opens inside the central area, below the menu bar.
    let window = harness.get_by_label("Messages").rect();
    assert!(window.top() > 30.0, "{window:?}");
}

/// The last set is stored as an absolute path; one that cannot be reopened is said, and the
/// bundled example opens instead.
#[test]
fn the_last_set_is_absolute_and_a_missing_one_is_said() {
    let mut harness = starting_harness(ReaderApp::starting(
        vec!["seeds".into()],
        Settings::default(),
    ));
    let last = harness.state().settings.last_set.clone();
    assert_eq!(last.len(), 1);
    assert!(last[0].is_absolute(), "{last:?}");
    assert_eq!(harness.state().settings.recent[0], last);
    let settings = Settings {
        last_set: vec!["/gone/set.json".into()],
        ..Settings::default()
    };
    harness = starting_harness(ReaderApp::starting(Vec::new(), settings));
    let message = harness.state().message().unwrap().text.clone();
    assert!(message.contains("could not be reopened"), "{message}");
    assert!(message.contains("/gone/set.json"), "{message}");
    assert_eq!(harness.state().comparison().unwrap().rows.len(), 129);
}

/// Open path gives its field the keyboard and remembers what was typed.
#[test]
fn open_path_is_focused_and_remembers() {
    let mut harness = harness_with(&LoadRequest::Bundled);
    let open_prompt = |harness: &mut Harness<'_, ReaderApp>| {
        harness.get_by_label("File").click();
        run(harness);
        harness.get_by_label("Open path…").click();
        run(harness);
    };
    open_prompt(&mut harness);
    let label = "Folder, set.json, or files separated by ;";
    assert!(harness.get_by_label(label).is_focused());
    harness.get_by_label(label).type_text("/half/typed");
    run(&mut harness);
    harness.get_by_label("Cancel").click();
    run(&mut harness);
    open_prompt(&mut harness);
    assert_eq!(
        harness.get_by_label(label).value().as_deref(),
        Some("/half/typed")
    );
}

/// Next finding reaches a paragraph with figures that has no counterpart, and two texts that
/// are not renderings of each other get a warning, not only red highlights.
#[test]
fn findings_include_lone_paragraphs_with_figures_and_odd_pairs_are_doubted() {
    let dir = tempfile::tempdir().unwrap();
    let sv = crate::hay::seed_text("000");
    let nl = crate::hay::seed_text("001");
    // The Dutch drops the paragraph with the 30.5 billion.
    let dropped: Vec<&str> = nl
        .split("\n\n")
        .filter(|p| !p.contains("30,5 miljard"))
        .collect();
    std::fs::write(dir.path().join("sv.txt"), &sv).unwrap();
    std::fs::write(dir.path().join("nl.txt"), dropped.join("\n\n")).unwrap();
    let mut harness = harness_with(&LoadRequest::Paths(vec![
        dir.path().join("sv.txt"),
        dir.path().join("nl.txt"),
    ]));
    harness.key_press(Key::N);
    run(&mut harness);
    let comparison = harness.state().comparison().unwrap();
    let row = harness.state().selected_row().unwrap();
    assert!(comparison.rows[row].right.is_empty());
    let left = &comparison.set.left().paragraphs[comparison.rows[row].left[0]];
    assert!(left.text.contains("30,5 miljarder"), "{}", left.text);
    assert!(
        harness
            .query_by_label_contains("may not be renderings")
            .is_none()
    );
    // A Markdown excerpt against the whole Dutch article.
    let harness = harness_with(&LoadRequest::Paths(vec![
        crate::hay::data_dir().join("softbank-sv.md"),
        crate::hay::seeds_dir().join("001_0bd7ab58742551fb.txt"),
    ]));
    harness.get_by_label_contains("These may not be renderings of the same article");
    assert_eq!(harness.state().comparison().unwrap().stats().mismatches, 0);
}

/// The keystrokes of one note are one undo step; the window keeps that typing state, the
/// comparison does not (issue 26).
#[test]
fn a_note_typed_in_steps_is_undone_at_once() {
    use parallel_reader::app::command::ReviewAction;
    let mut harness = harness_with(&LoadRequest::Bundled);
    for note in ["R", "Ra", "Rate"] {
        harness
            .state_mut()
            .push_command(Command::Review(ReviewAction::Note(3, note.to_owned())));
        run(&mut harness);
    }
    let note = |h: &Harness<'_, ReaderApp>| h.state().comparison().unwrap().reviews[3].note.clone();
    assert_eq!(note(&harness), "Rate");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    run(&mut harness);
    assert_eq!(note(&harness), "");
    // Another row's note after a status edit is a step of its own.
    harness
        .state_mut()
        .push_command(Command::Review(ReviewAction::Note(4, "First".to_owned())));
    harness
        .state_mut()
        .push_command(Command::Review(ReviewAction::Status(
            4,
            parallel_reader::review::Status::Question,
        )));
    harness
        .state_mut()
        .push_command(Command::Review(ReviewAction::Note(
            4,
            "First, then".to_owned(),
        )));
    run(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    run(&mut harness);
    let comparison = harness.state().comparison().unwrap();
    assert_eq!(comparison.reviews[4].note, "First");
    assert_eq!(
        comparison.reviews[4].status,
        parallel_reader::review::Status::Question
    );
}
