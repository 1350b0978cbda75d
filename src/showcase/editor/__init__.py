"""`showcase edit`: the profile edited in a browser form beside a live preview.

* `yamledit`: the user's YAML changed field by field, keeping comments, key order,
  quoting and blank lines outside the edited fields.
* `session`: one profile file: read it, save an edit atomically (the previous version
  kept beside it), detect a change made by another editor, report problems by field.
* `server`: the local page and its small JSON API (docs/editor.md), on 127.0.0.1 only.
"""
