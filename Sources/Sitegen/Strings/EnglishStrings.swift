// The English master of every interface string: the words the theme and the renderer show
// that belong to no one report. A site overrides any key in `content/i18n/<lang>.yml`;
// a key missing there falls back to this file (see `InterfaceStrings`). `{name}` marks a
// value filled in at build time. Keep the keys sorted by where they appear.

extension InterfaceStrings {
    /// The built-in English strings, as YAML (the same format as a site's `i18n/<lang>.yml`).
    static let englishYAML = #"""
# Dates
date_day_month_year: "{day} {month} {year}"
date_month_year: "{month} {year}"
month_1: January
month_2: February
month_3: March
month_4: April
month_5: May
month_6: June
month_7: July
month_8: August
month_9: September
month_10: October
month_11: November
month_12: December
list_and: " and "

# Layout: header, navigation, footer
skip_to_content: Skip to main content
menu_label: Menu
back_to_top: Back to top
site_navigation_label: Site
search_placeholder: Search
search_field_label: Search the report
search_button: Search
footer_edition: Web edition.
footer_corrections_link: Editorial notes
footer_corrections_text: list every correction made to the original text.

# Offline reading (site.yml offline_reading: true); {size}, {done}, {total} are filled in by the script
offline_save: Save for offline reading
offline_ask: "Saving stores the whole site, {size}, in this browser."
offline_confirm: "Save {size}"
offline_saving: "Saving for offline reading… {done} of {total}"
offline_saved: Available offline.
offline_updating: "Updating the offline copy… {done} of {total}"
offline_failed: Saving did not complete; nothing was kept. Try again when the connection is better.
offline_remove: Remove the offline copy
offline_removed: The offline copy was removed.

# The one-file edition (sitegen build --single-file)
single_file_notice: "This is the one-file edition of the report: the full text, its notes and its figures in a single file, to keep and pass on."
single_file_links_online: "Links to other pages lead to the web edition at {url}."
single_file_links_offline: "Links to other pages of the web edition are shown as plain text."

# Navigation entries (site.yml `menu`)
nav_home: Contents
nav_full: Full report
nav_notes: Notes
nav_sources: Sources
nav_figures: Figures
nav_timeline: Timeline
nav_abbreviations: Abbreviations
nav_editorial: Editorial notes
nav_documents: Documents
nav_people: People
nav_organisations: Organisations
nav_search: Search

# Page titles (site.yml `pages.<page>.title` overrides them for one site)
title_notes: Notes
title_sources: Sources
title_figures: Figures
title_timeline: Timeline
title_editorial: Editorial notes
title_documents: Companion documents
title_people: People
title_organisations: Organisations
title_search: Search
title_not_found: Page not found

# Home page
contents_heading: Contents
abstract_heading: Abstract
publication_heading: About this publication
fact_authors: Authors
fact_publisher: Publisher
fact_isbn: ISBN
isbn_pdf_print: "{isbn} (pdf); {print} (print)"
link_full: Full report on one page

# Cite this report (home page and chapters)
cite_heading: Cite this report
cite_style: Chicago author-date
cite_copy: Copy the citation
cite_copied: Copied
cite_copy_failed: Select the text and copy it
cite_downloads: "Download the reference for your reference manager:"

# Chapters and notes
chapter_number: "Chapter {number}"
chapter_number_title: "Chapter {number}: {title}"
chapter_sections_label: Sections of this chapter
chapter_of: "Chapter {number} of {count}"
chapter_toc_title: In this chapter
notes_heading: Notes
note_number: "Note {label}"
note_go: "Go to note {label}"
note_back_single: "Back to the reference to note {label}"
note_back_multiple: "Back to reference {index} of {count} to note {label}"
note_back_in_text: in the text
note_back_in_chapter: "in “{title}”"
note_sources_one: "Source: "
note_sources_other: "Sources: "
link_gone: Link gone
paragraph_link_label: Link to this paragraph
archived_link: archived
archived_link_label: Archived copy of this address
editorial_note_label: "[Editorial note:"
pager_label: Previous and next
pager_previous: Previous
pager_next: Next

# Leads of pages (site.yml `pages.<page>.description` overrides them for one site)
lede_notes: All notes of the report, grouped by the chapter that cites them. The arrows lead back to each place in the text that refers to a note.
lede_abbreviations: The abbreviations of the report. The first use of each on a page is marked, so that its full form shows when pointing at it; names link to the organisation's profile.
lede_not_found: There is no page at this address. It may have moved; the contents of the report are below.
not_found_home: Go to the home page
editorial_none: This edition makes no corrections to the original text.
editorial_place_abstract: Abstract
editorial_place_text: Text

# Documents
document_fact_source: Source
document_fact_author: Author
document_fact_date: Date
document_fact_original: Original
document_fact_unknown: not stated in the copy this edition reproduces
image_not_reproduced: "Image not reproduced:"
image_not_reproduced_link: this edition gives the caption only; the picture is in the original
document_kind_article: Article
document_kind_summary: Summary
document_kind_podcast: Podcast
document_kind_transcript: Transcript
speaker_turn: Speaker turn
speaker_turn_at: "Speaker turn at {time}"

# Profiles
profile_in_report: In the report
profile_not_in_report: Not named in the chapters of the report.
profile_in_notes: In the notes
profile_in_documents: In the companion documents
profile_groups_label: Groups on this page
profile_notes_group: Notes
value_yes: "Yes"
value_no: "No"

# Sources
sources_kinds_label: Kinds of source
sources_uncited_heading: Notes without a recognised citation
sources_uncited_text: These notes are commentary, refer to material shared privately, or their text is missing from the original; the parser found no citation in them that it could name with confidence.
sources_archived_copy: archived copy
description_sources_one: "Every source the notes cite, grouped by kind and by outlet, with the notes that cite it. {count} note cites no source that could be recognised with confidence; it is commentary, or its text is missing."
description_sources_other: "Every source the notes cite, grouped by kind and by outlet, with the notes that cite it. {count} notes cite no source that could be recognised with confidence; they are commentary, or their text is missing."
source_cited_in_notes_one: Cited in note
source_cited_in_notes_other: Cited in notes
source_short_forms_one: "Short form in note {notes}"
source_short_forms_other: "Short form in notes {notes}"
source_interview: Interview
source_interview_with: "Interview with {name}"
source_post: Post
source_post_by: "Post by {name}"
source_post_on: "on {outlet}"
source_unsigned: Unsigned
source_editors_one: " (ed.)"
source_editors_other: " (eds.)"
source_no_date: n.d.

# Timeline and figures
in_the_text: In the text
chart_table_when: When
chart_table_value: Value
chart_table_who: Whose figure
chart_table_source: Source

# Search page
search_noscript: "Search needs JavaScript, which is turned off or not available in this browser. Everything in the report can also be reached from these pages:"
search_page_label: Search page
search_page_field_label: Search the report, its notes and the companion documents
search_hint_phrase: "Quotes find an exact phrase:"
search_hint_prefix: Words match the words they begin
search_hint_finds: finds
search_more: More results
search_results_one: "{count} result for “{query}”"
search_results_other: "{count} results for “{query}”"
search_no_results: "No results for “{query}”"
search_all_results: "All results on the search page ({count})"
search_unavailable: "Search is not available: its index could not be loaded."
search_kind_chapter: chapter
search_kind_note: note
search_kind_document: document
search_kind_glossary: abbreviation
"""#
}
