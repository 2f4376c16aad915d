"""lettercheck: generate and lint complaint letters against the Housing Ombudsman's
Complaint Handling Code 2024."""

__version__ = "0.1.0"
CODE_VERSION = "2024"
