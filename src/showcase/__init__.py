"""showcase: earned credentials into a resume, LinkedIn posts, signatures and interview prep."""

__version__ = "0.1.0"
