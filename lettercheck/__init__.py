"""lettercheck: generate and lint complaint letters against the Housing Ombudsman's
Complaint Handling Code 2024."""

__version__ = "0.1.0"
CODE_VERSION = "2024"

__all__ = ["check_document", "check_file", "check_path", "document_from_text"]


def __getattr__(name: str):
    """The linting API, imported on first use so `import lettercheck` stays light (no
    spaCy until a letter is checked)."""
    if name in __all__:
        from lettercheck import lint

        return getattr(lint, name)
    raise AttributeError(f"module 'lettercheck' has no attribute {name!r}")
