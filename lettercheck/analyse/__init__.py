"""The linter's analysis: the spaCy pipeline, the matchers built from `rules/`, the
trained classifier, and the detectors for kind, elements, dates, Ombudsman details,
wording and readability. Nothing here is imported when the package is imported, so
commands that do not lint start without loading spaCy."""
