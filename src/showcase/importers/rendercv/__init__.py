"""RenderCV's YAML (``cv:`` with name, contact fields, social networks and sections).

RenderCV (https://docs.rendercv.com) keeps a CV as ``cv.sections``: a mapping of
section titles to lists of entries, whose shape says what they are:
ExperienceEntry (``company``, ``position``), EducationEntry (``institution``,
``area``), NormalEntry (``name``), OneLineEntry (``label``, ``details``),
BulletEntry (``bullet``), PublicationEntry (``title``, ``authors``) and
TextEntry (plain text). Dates are ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``present``.

Certifications have no entry type of their own: people write them as text,
bullets, one-line or normal entries. A section whose title says certifications,
licenses, credentials or courses becomes credentials, with the issuer, platform,
dates, credential ID and link read from the text where it says them plainly
("issued by ...", "via Coursera", "Mar 2024", "expires 2027-03") and ``TODO``
where it does not. ``design``, ``locale`` and ``rendercv_settings`` are layout.

`reading.py` reads the YAML, `profile.py` maps the ``cv:`` mapping, `credentials.py`
reads a credential written as text.
"""

from __future__ import annotations

from showcase.importers.rendercv.credentials import PLATFORMS as PLATFORMS
from showcase.importers.rendercv.credentials import parse_credential as parse_credential
from showcase.importers.rendercv.credentials import resume_date as resume_date
from showcase.importers.rendercv.profile import NETWORK_URLS as NETWORK_URLS
from showcase.importers.rendercv.profile import profile_from_rendercv as profile_from_rendercv
from showcase.importers.rendercv.reading import MAX_FLOW_DEPTH as MAX_FLOW_DEPTH
from showcase.importers.rendercv.reading import parse_yaml as parse_yaml
