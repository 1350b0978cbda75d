"""Open Badges 2.0 assertions and 3.0 credentials, as JSON or baked into images.

2.0: an Assertion (``issuedOn``, ``expires``) whose ``badge`` BadgeClass has a
``name``, ``description``, ``tags`` and an ``issuer`` Profile (``name``).
3.0: a W3C Verifiable Credential whose ``type`` includes ``OpenBadgeCredential``,
with ``issuer.name``, ``credentialSubject.achievement`` (``name``, ``tag``,
``achievementType``) and ``validFrom``/``validUntil`` (VC 2.0, context
``https://www.w3.org/ns/credentials/v2``; VC 1.1 documents: ``issuanceDate``/
``expirationDate``). VC 2.0 names may be language values (``{"@value", "@language"}``).
A 1EdTech CLR 2.0 ``ClrCredential`` wraps such credentials in
``credentialSubject.verifiableCredential``; each is read with its own issuer.
Baked PNG: an iTXt chunk keyed ``openbadges`` (2.0) or ``openbadgecredential``
(3.0). Baked SVG: ``<openbadges:assertion>`` or ``<openbadges:credential>``.

`credentials.py` reads the JSON; `baked.py` finds it inside a PNG or SVG badge.

Nothing is fetched: a badge that only points to a hosted URL is reported, not
followed (showcase never uses the network).
"""

from __future__ import annotations

from showcase.importers.openbadges.baked import MAX_BAKED_BYTES as MAX_BAKED_BYTES
from showcase.importers.openbadges.baked import OPENBADGES_NAMESPACES as OPENBADGES_NAMESPACES
from showcase.importers.openbadges.baked import PNG_KEYS as PNG_KEYS
from showcase.importers.openbadges.baked import from_png as from_png
from showcase.importers.openbadges.baked import from_svg as from_svg
from showcase.importers.openbadges.credentials import ACHIEVEMENT_KINDS as ACHIEVEMENT_KINDS
from showcase.importers.openbadges.credentials import from_json as from_json
