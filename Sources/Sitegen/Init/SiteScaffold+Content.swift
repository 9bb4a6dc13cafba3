// The content `sitegen init` writes: a short made-up report on a city's drinking water,
// small enough to read in a minute and using every kind of content file once.

extension SiteScaffold {
    /// Content files of the new report, relative to the report folder.
    static let contentFiles: [(path: String, text: String)] = [
        ("content/site.yml", #"""
# The site configuration. Every key is optional; an unknown key is an error.
# The publication itself (title, authors, publisher…) is the front matter of index.md.

# The language of the site: <html lang> and the interface strings. English is built in;
# for another language, add content/i18n/<lang>.yml (see docs/content-format.md).
lang: en

# The address the site is served under (--base-url overrides it).
# base_url: https://example.org/water-report/

# The header navigation, in this order. A page that does not exist is left out.
menu: [home, full, notes, people, organisations, documents]

# Titles and leads of index pages.
pages:
  documents:
    description: Texts published with the report.
  people:
    description: Everyone the report names.
  figures:
    title: The survey in numbers

# Kinds of companion document beyond article, summary, podcast and transcript.
# document_kinds:
#   interview: Interview

# The search page's examples.
search:
  phrase: boil the water
  word: contam
  matches: contamination and contaminated

# Link previews and citation metadata: a share image (a file of content/, 1200×630 is
# what most previews expect) with what it shows, and the PDF edition (a file or an address).
# metadata:
#   image: share.png
#   image_alt: The report's cover
#   pdf: https://example.org/water-report.pdf

# Free values for your own templates: {{site.params.…}}
params: {}
"""#),
        ("content/index.md", #"""
---
title: Water in the City
subtitle: A survey of drinking water in three districts
authors:
  - name: Jane Example
    family: Example      # citations invert the name ("Example, Jane"); leave out to cite it whole
    given: Jane
publisher: Example Institute
year: 2025
---
This is the abstract of the report. It stands on the home page above the contents.

The report is made up: it shows how `sitegen` turns Markdown files into a web edition with
notes, profiles, a chart and search. Replace it with your own.
"""#),
        ("content/report/01-introduction.md", #"""
---
title: Introduction
description: Why the survey was made and how.
---
In spring 2025, the Example Institute asked households in three districts about their
drinking water.[^1] Jane Example led the survey with the Water Board.[^2]

## Method

Each household answered twelve questions and gave a sample of tap water.
"""#),
        ("content/report/02-findings.md", #"""
---
title: Findings
description: What the samples and the answers showed.
---
Most samples were clean. In the old district, one sample in five showed contamination,
and the Water Board advised households to boil the water until the pipes were replaced.[^2]

The number of households surveyed grew every month (see the figures).[^3]
"""#),
        ("content/report/notes.md", #"""
---
title: Notes
---
[^1]: The questionnaire is given in full in the appendix.

[^2]: Water Board (2025), 'Advice to households', 12 May. Available at: https://example.org/advice

[^3]: Counts of the survey team, May to July 2025.
"""#),
        ("content/people/jane-example.md", #"""
---
name: Jane Example
role: Researcher
organisations: [water-board]
summary: Author of the report.
---
Jane Example is a researcher at the Example Institute.
"""#),
        ("content/organisations/water-board.md", #"""
---
name: Water Board
type: government body
summary: The city's water authority.
---
The Water Board runs the city's water supply.
"""#),
        ("content/documents/interview.md", #"""
---
title: Talking about the survey
kind: transcript
outlet: City Radio
date: 2025-08-01
description: A radio interview with the author of the report.
---
**Host** [00:00:05]: What did the survey find?

**Jane Example** [00:00:09]: That most of the water is clean, and where it is not.
"""#),
        ("content/data/households.yml", #"""
# A chart: dated figures, each pointing to the note that gives it (see docs/content-format.md).
type: chart
title: Households surveyed
description: How many households had answered the survey by each date.
y:
  label: Households
  unit: households
  non_negative: true
points:
  - date: "2025-05-31"
    when: by May 2025
    value: 120
    note: 3
  - date: "2025-06-30"
    when: by June 2025
    value: 340
    note: 3
  - date: "2025-07-31"
    when: by July 2025
    value: 410
    note: 3
"""#),
    ]
}
