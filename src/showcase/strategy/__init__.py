"""The strategy layer: what job postings ask for, what the profile shows, what to earn next.

One reader of postings (`postings`), one matcher (`matcher`) over one bundled
vocabulary (`vocabulary`), and one catalog of credentials (`catalog`) serve
`showcase gaps` (`gaps`) and, later, tailoring and reviews. No module keeps its
own list of skill names: they all come from ``data/vocabulary.yaml``.
"""
