"""Senses and evidence: every rule of the vocabulary (not_before, not_after, guarded,
apart, implies, any_of) has a case here, and a test checks that none is left without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.strategy.gaps import profile_evidence
from showcase.strategy.matcher import matcher
from showcase.strategy.vocabulary import Term, vocabulary
from tests.helpers import load

VOCAB = vocabulary()

# term -> (text where it is the term, text where it is the ordinary word)
SENSES: dict[str, tuple[str, str]] = {
    "Slack": ("Daily stand-ups on Slack and Zoom.", "Happy to pick up the slack on Slack days."),
    "Apache Spark": ("Build ETL jobs in Spark and Python.", "Spark curiosity in data and SQL."),
    "Go": ("Write services in Go and Python.", "Go above and beyond; Python a plus."),
    "Excel": ("Advanced Excel (pivot tables).", "Excel at juggling priorities."),
    "Agile": ("Work in Agile sprints.", "Join an agile, fast-moving company."),
    "Onboarding": ("Run new hire onboarding.", "Write onboarding emails for trial users."),
    "Logistics": ("Logistics and freight experience.", "Handle the logistics of our offsite."),
    "Certified ScrumMaster": ("CSM certification required.", "Work with our CSM team daily."),
    "Microsoft Word": ("Word, Excel and PowerPoint.", "Spread the Word about our mission."),
    "Microsoft Outlook": ("Manage Outlook calendars.", "Outlook: a bright future."),
    "Microsoft Windows": ("Support Windows laptops.", "Windows of opportunity await."),
    "Microsoft Access": ("Build Access databases.", "Access to a company car."),
    "Microsoft Teams": ("Host Teams meetings.", "Teams across the company."),
    "Business intelligence": ("BI experience preferred.", "Write to BI at our office."),
    "Open enrollment": ("Run open enrollment each fall.", "Help out during open enrollment."),
    "Cornerstone OnDemand": ("Manage the LMS (Cornerstone).", "Trust is our Cornerstone."),
    "Computer networking": ("Basic networking: DNS and DHCP.", "Enjoy networking events."),
    "Regression analysis": ("Statistics: regression and SQL.", "Avoid a regression in scope."),
    "Customer segmentation": ("Segmentation and A/B testing.", "Network segmentation for us."),
    "Tier 1 support": ("Resolve tier 1 and tier 2 tickets.", "A tier 1 city."),
    "Tier 2 support": ("Escalate tier 2 issues.", "Our tier 2 suppliers."),
    "Americans with Disabilities Act": ("Know FLSA, FMLA and ADA.", "Ada Lovelace Day."),
    "Affordable Care Act": ("ACA reporting and COBRA.", "Join the ACA chapter."),
    "BLS certification": (
        "BLS and ACLS required for all nurses.",
        "Benchmark nurse pay with BLS wage data from the Bureau of Labor Statistics (BLS).",
    ),
    "Clinical documentation": (
        "Document care and chart assessments for each patient in Epic.",
        "Build patient dashboards with charting libraries; document the API.",
    ),
    "Triage": ("Triage patients in a busy ED.", "Triage tickets from nurses and patients."),
    "Telemetry": ("Two years of telemetry for cardiac patients.", "Send patient telemetry data."),
    "Medical-surgical nursing": (
        "Two years of med-surg as an RN.",
        "Float to our med-surg unit when patients need you.",
    ),
    "Critical care nursing": (
        "Two years of critical care as an RN.",
        "Join our critical care unit as a nurse.",
    ),
    "Home health nursing": ("One year of home health as a nurse.", "Guide home health aides."),
    "Precepting": (
        "Serve as a preceptor for new graduate nurses.",
        "Work beside a dedicated preceptor for your first weeks as a new nurse.",
    ),
    "Progressive care nursing": (
        "One year of telemetry or step-down as an RN.",
        "Float to our step-down unit when patients need you.",
    ),
    "Perioperative nursing": (
        "Circulate for cesarean sections in the operating rooms.",
        "Circulate minutes after each surgical services meeting.",
    ),
    "Labor and delivery nursing": (
        "One year of labor and delivery as an RN.",
        "Float to our labor and delivery unit when patients need you.",
    ),
    "Injections": (
        "Give intramuscular injections to clinic patients.",
        "Test the patient portal for SQL injections.",
    ),
    "Paid search": (
        "Plan and report on Google Ads search campaigns.",
        "Run executive search campaigns for finance clients.",
    ),
    "Patient rooming": (
        "Room patients and take vital signs.",
        "Restock the operating room patients use before surgery.",
    ),
}
# term -> (text where a spelling in two parts finds it, text where the parts are too far
# apart or in two sentences)
APART: dict[str, tuple[str, str]] = {
    "Medication administration": (
        "Give scheduled and as-needed medications to patients.",
        "Give families a tour. Medications are kept in the Pyxis.",
    ),
    "Drip titration": (
        "Titrate heparin and insulin drips per protocol for patients.",
        "Titrate oxygen to the order for patients; hang the drips the pharmacy sends.",
    ),
    "Incident response": (
        "Respond to cloud security incidents and write the reports.",
        "Respond to every customer within a day. Incidents are rare.",
    ),
    "Code review": (
        "Review Terraform pull requests for security.",
        "Review the quarterly budget with finance before you open pull requests.",
    ),
    "Patch management": (
        "Patch Windows Server and Linux machines monthly.",
        "Patch cables into the switches. Servers are racked by the vendor.",
    ),
    "Cloud migration": (
        "Migrate the on-premises VMware servers to Azure.",
        "Keep the on-premises file servers and the printers running. Azure is next year.",
    ),
}
# term -> (a credential or skill a profile holds, what it also evidences)
EVIDENCE: dict[str, str] = {
    # A posting that names the tool asks for what it is for (cloud/08, cloud/09).
    "AWS Cost Explorer": "Cloud cost optimization",
    "Azure Backup": "Backup and recovery",
    "Local SEO": "SEO",
    "Technical SEO": "SEO",
    "On-page SEO": "SEO",
    "Google Ads Certification": "Google Ads",
    "Google Analytics Certification": "Google Analytics",
    "HubSpot Inbound Marketing Certification": "HubSpot",
    "HubSpot Content Marketing Certification": "Content marketing",
    "HubSpot Inbound Sales Certification": "HubSpot",
    "Semrush SEO Certification": "Semrush",
    "Microsoft Certified: Power BI Data Analyst Associate": "Power BI",
    "Tableau Desktop Specialist": "Tableau",
    "Tableau Certified Data Analyst": "Tableau",
    "Salesforce Certified Administrator": "Salesforce",
    "Salesforce Platform Developer I": "Salesforce",
    "Salesforce Certified Sales Cloud Consultant": "Salesforce",
    "Salesforce Associate certification": "Salesforce",
    "PMP": "Project management",
    "CAPM": "Project management",
    "Google Project Management Certificate": "Project management",
    "PRINCE2 Certification": "Project management",
    "Professional Scrum Master": "Scrum",
    "Certified ScrumMaster": "Scrum",
    "A-CSM": "Certified ScrumMaster",
    "CSP-SM": "A-CSM",
    "PMI-ACP": "Agile",
    "SAFe Agilist": "Agile",
    "Scrum": "Agile",
    "Kanban": "Agile",
    "CPC": "Medical coding",
    "CCS": "Medical coding",
    "CCRN": "Critical care nursing",
    "CEN": "Emergency nursing",
    "CMSRN": "Medical-surgical nursing",
    "Informatics Nursing Certification": "Nursing informatics",
    "TNCC": "Trauma nursing",
    "RNC-OB": "Labor and delivery nursing",
    "AWHONN fetal heart monitoring": "Electronic fetal monitoring",
    "Epic": "Electronic health records",
    "Cerner": "Electronic health records",
    "MEDITECH": "Electronic health records",
    "Amazon EKS": "Kubernetes",
    "Azure Kubernetes Service": "Kubernetes",
    "Google Kubernetes Engine": "Kubernetes",
    # AWS renews an Associate by a higher-level exam: the Professional shows the Associate.
    "AWS Certified Solutions Architect Professional": "AWS Certified Solutions Architect Associate",
}
# term -> (a posting where it takes another term's spelling, one where it does not)
TAKES: dict[str, tuple[str, str]] = {
    "AWS IAM": (
        "Manage IAM roles and policies across our AWS accounts.",
        "Run IAM for our Okta tenant: joiners, movers and leavers.",
    ),
}


def found(text: str) -> set[str]:
    return {term.name for term in matcher().terms(text)}


@pytest.mark.parametrize(("name", "texts"), sorted(SENSES.items()))
def test_a_sense_rule_keeps_the_term_and_drops_the_word(name: str, texts: tuple[str, str]) -> None:
    term_text, word_text = texts
    assert name in found(term_text)
    assert name not in found(word_text)


def test_every_sense_rule_has_a_case() -> None:
    ruled = {t.name for t in VOCAB.terms if t.not_before or t.not_after or t.guarded}
    assert ruled <= set(SENSES), sorted(ruled - set(SENSES))


@pytest.mark.parametrize(("name", "texts"), sorted(APART.items()))
def test_a_spelling_in_two_parts(name: str, texts: tuple[str, str]) -> None:
    apart_text, too_far = texts
    assert name in found(apart_text)
    assert name not in found(too_far)


def test_every_spelling_in_two_parts_has_a_case() -> None:
    ruled = {t.name for t in VOCAB.terms if t.apart}
    assert ruled <= set(APART), sorted(ruled - set(APART))


def test_a_clinical_abbreviation_needs_a_clinical_posting() -> None:
    """BLS, ACLS and PALS are read only beside clinical words: a network's ACLs, the
    Bureau of Labor Statistics and pen pals are not the certifications."""
    assert {"BLS certification", "ACLS", "PALS"} <= found("BLS, ACLS and PALS for our nurses.")
    assert "ACLS" not in found("Configure VLANs and ACLs on Cisco switches.")
    assert "BLS certification" not in found("Forecast demand from BLS and Census trends.")
    assert "PALS" not in found("Bring your pals to our open office days.")


def test_a_nurses_words_need_a_clinical_posting() -> None:
    """Words a clinic's posting shares with others: a sales desk enters orders, a network
    has NextGen firewalls, a web app SQL injections, a medical clinic 504 plans never."""
    clinic = "Enter orders in NextGen and handle refill requests for the clinic's patients."
    assert {"Physician order entry", "NextGen Healthcare", "Prescription refills"} <= found(clinic)
    assert "Physician order entry" not in found("Enter orders into SAP for wholesale customers.")
    assert "NextGen Healthcare" not in found("Configure NextGen firewalls and VPNs.")
    assert "Injections" not in found("Harden web forms against injection attacks.")
    assert "504 plans" in found("Work with families and teachers on students' 504 plans.")
    assert "504 plans" not in found("Call extension 504 plans for the billing office.")


def test_a_shared_abbreviation_needs_its_own_fields_words() -> None:
    """CNN and CDN are a dialysis nurse's certifications only beside dialysis words (not
    a data scientist's neural networks, a web team's content delivery network); an API
    gateway is AWS's only beside AWS, and replication a database's beside a database."""
    dialysis = "Certified Nephrology Nurse (CNN) or CDN preferred for our dialysis unit."
    assert {"Certified Nephrology Nurse", "Certified Dialysis Nurse"} <= found(dialysis)
    assert "Certified Nephrology Nurse" not in found("Train CNN and transformer models.")
    assert "Certified Dialysis Nurse" not in found("Serve images from our CDN and S3.")
    assert "Amazon API Gateway" in found("Build services with Lambda and API Gateway.")
    assert "Amazon API Gateway" not in found("Run Kong as our API gateway.")
    assert "Database replication" in found("PostgreSQL under load: replication and failover.")
    assert "Database replication" not in found("Study DNA replication in our lab.")


def test_routing_alone_is_no_network_engineers_skill() -> None:
    """A cloud engineer's "networking: subnets, routing, DNS" asks for networking, not a
    network engineer's routing and switching (the shopping list offered CCNP for it)."""
    assert "Routing and switching" in found("Configure Cisco routers and switches and VLANs.")
    assert "Routing and switching" in found("Routing and switching on our campus network.")
    assert "Routing and switching" not in found("Networking: subnets, routing, DNS.")
    assert "Routing and switching" not in found("Switching networks? Our LAN team trains you.")


def test_a_scanner_is_a_warehouse_skill_only_in_a_warehouse_or_a_store() -> None:
    """RF scanning is a warehouse's (and a till's) barcode scanner; a nurse's barcode
    scanning of medications at the bedside is not it (QA: a med-surg posting was read as
    asking for a warehouse skill)."""
    assert "RF scanning" in found("Pick and pack orders in our warehouse with RF scanners.")
    assert "RF scanning" in found("Receive shipments and cycle count with barcode scanners.")
    assert "RF scanning" in found("Repair POS terminals, receipt printers and barcode scanners.")
    nurse = "Administer medications safely with barcode scanning, including IV push."
    assert "RF scanning" not in found(nurse)
    assert "Medication administration" in found(nurse)
    assert "RF scanning" not in found("Our pharmacy stocks the Pyxis. " + nurse)


@pytest.mark.parametrize(("name", "texts"), sorted(TAKES.items()))
def test_a_term_takes_a_spelling_in_its_context(name: str, texts: tuple[str, str]) -> None:
    taken, left = texts
    other = VOCAB.find(VOCAB.by_name[name].takes[0])
    assert other is not None
    assert name in found(taken) and other.name not in found(taken)
    assert name not in found(left) and other.name in found(left)


def test_every_takes_rule_has_a_case_and_every_asks_rule_an_implies() -> None:
    """A term that takes spellings has a case above; one a posting reads as asking for
    another too (a managed Kubernetes: Kubernetes) shows it as well (`implies`)."""
    assert {t.name for t in VOCAB.terms if t.takes} <= set(TAKES)
    for term in VOCAB.terms:
        assert set(term.asks) <= set(term.implies), term.name


def test_lambda_is_aws_lambda_only_beside_aws_or_serverless() -> None:
    assert "AWS Lambda" in found("Serverless on AWS: Lambda, DynamoDB and Step Functions.")
    assert "AWS Lambda" not in found(
        "Python: list comprehensions, generators and lambda functions."
    )


def test_the_issues_data_analyst_list_is_found() -> None:
    text = "Proficient in Word, Excel, Outlook and Windows; Access databases; BI experience."
    assert {
        "Microsoft Word",
        "Excel",
        "Microsoft Outlook",
        "Microsoft Windows",
        "Microsoft Access",
        "Business intelligence",
    } <= found(text)


def _profile(tmp_path: Path, skill: str) -> str:
    return f"name: Evi Dence\nskills:\n  - {{group: Held, items: [{skill!r}]}}\n"


@pytest.mark.parametrize(("held", "also"), sorted(EVIDENCE.items()))
def test_what_a_term_evidences(tmp_path: Path, held: str, also: str) -> None:
    evidence = profile_evidence(load(tmp_path, _profile(tmp_path, held)), matcher())
    names = {term.name for term in evidence}
    assert also in names
    assert held in names


def test_every_implies_rule_has_a_case() -> None:
    implying = {t.name for t in VOCAB.terms if t.implies}
    assert implying <= set(EVIDENCE), sorted(implying - set(EVIDENCE))
    for name, also in EVIDENCE.items():
        assert also in {t.name for t in VOCAB.implied(VOCAB.by_name[name])}, name


@pytest.mark.parametrize("cls", [t for t in VOCAB.terms if t.any_of], ids=lambda t: t.name)
def test_each_member_of_a_class_evidences_the_class(tmp_path: Path, cls: Term) -> None:
    for member in cls.any_of:
        evidence = profile_evidence(load(tmp_path, _profile(tmp_path, member)), matcher())
        assert cls in evidence, (member, cls.name)
        others = VOCAB.equivalents(VOCAB.by_name[member])
        members = {VOCAB.by_name[n] for n in cls.any_of}
        if cls.equivalent:  # PSM I and CSM: each stands for the others
            assert members <= others
        else:  # a category (HubSpot certification): its members are not interchangeable
            assert not members <= others


def test_a_class_is_not_a_member_of_another_class_it_names() -> None:
    scrum = VOCAB.by_name["Scrum certification"]
    psm = VOCAB.by_name["Professional Scrum Master"]
    assert scrum in VOCAB.classes[psm]
    assert VOCAB.by_name["Certified ScrumMaster"] in VOCAB.equivalents(psm)
    assert VOCAB.by_name["PMP"] not in VOCAB.equivalents(psm)
    hubspot = VOCAB.by_name["HubSpot Inbound Marketing Certification"]
    assert VOCAB.equivalents(hubspot) == {hubspot}  # a class, not interchangeable
