"""`showcase review`: what a careful recruiter would think of the credentials section.

Each finding has a code, a severity, the credentials involved, a message and a concrete
fix. `table.py` lists every check (code, severity, when, what the fix says): the README's
table and `--help` are made from it. `checks.py` gives each credential its signals and
decides the findings; `words.py` prints them as text or JSON. (Nothing is imported
here: `showcase review --help` reads the table without loading the profile's models.)

Relatedness comes from the vocabulary: a credential's name and skills are matched to
terms, and the terms give fields ("Google Ads" is marketing).
"""
