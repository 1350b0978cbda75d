"""Whether a text already says the letters after a name (`views.post_nominals`)."""

from __future__ import annotations

import pytest

from showcase.views.post_nominals import says_letters

# (text, letters, the name of the credential that gives them, does the text say them?)
# written for this test: headlines as people write them, beside the letters they hold.
LETTERS = [
    ("Registered Nurse, Medical-Surgical", "RN", "Registered Nurse License", True),
    ("Registered nurse, ICU", "RN", "Registered Nurse License", True),
    ("Critical Care Registered Nurse", "CCRN", "Critical Care Registered Nurse (CCRN)", True),
    ("Nurse (RN), Med-Surg", "RN", "Registered Nurse License", True),
    ("PMP-certified Program Manager", "PMP", "Project Management Professional (PMP)", True),
    ("Project Management Professional", "PMP", "Project Management Professional (PMP)", True),
    ("Certified Public Accountant, Audit", "CPA", "Certified Public Accountant", True),
    ("HR Lead, SHRM Certified Professional", "SHRM-CP", "SHRM Certified Professional", True),
    # a word that holds the letters is not the letters ("Learning" holds "rn")
    ("Learning & Development Lead", "RN", "Registered Nurse License", False),
    ("Modern Workplace Engineer", "RN", "Registered Nurse License", False),
    # initials alone are not the credential: "Product Engineer" is no Professional Engineer
    ("Product Engineer", "PE", "Professional Engineer (PE) License", False),
    ("Registered Dietitian Nutritionist", "RN", "Registered Nurse License", False),
    ("Nurse, registered in Texas", "RN", "Registered Nurse License", False),
    ("HR Business Partner", "PMP", "Project Management Professional (PMP)", False),
    ("Senior Project Manager", "PMP", "Project Management Professional (PMP)", False),
    ("Marketing Manager", "CPA", "Certified Public Accountant", False),
    # Letters given as two in one ("RN, BSN"): said when each of them is (QA, the tagline
    # read "RN, BSN · RN, BSN | Med-Surg").
    ("RN, BSN | Med-Surg", "RN, BSN", "Registered Nurse License", True),
    ("RN | Med-Surg", "RN, BSN", "Registered Nurse License", False),
    # The name's words in another gender: a Mexican accountant's headline "Contadora
    # Pública Certificada" spells the CPC of "Contador Público Certificado" (QA).
    ("Contadora Pública Certificada", "CPC", "Contador Público Certificado", True),
    ("Contadores Públicos", "CP", "Contador Público", True),
    ("Contadora Senior", "CPC", "Contador Público Certificado", False),
    # ... never an English plural: "Registered Nurses Association" is a body, not the RN.
    ("Member, Registered Nurses Association", "RN", "Registered Nurse License", False),
]


@pytest.mark.parametrize(("text", "letters", "name", "says"), LETTERS)
def test_a_text_says_letters_by_them_or_by_the_words_they_stand_for(
    text: str, letters: str, name: str, says: bool
) -> None:
    assert says_letters(text, letters, name) is says
