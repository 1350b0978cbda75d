"""A posting's title and company, measured on the tops of postings written here the
ways job boards and people save them (labelled by hand; `strategy/header.py`).

A wrong company is worse than none: the letter says "your company" and warns when there
is none, but "at ICU" or "at London" goes out in a letter the person sends. So the
company's precision must be 100% on this set, and its recall is what the reader gets
right beyond that. Printed with `-s`."""

from __future__ import annotations

import pytest

from showcase.strategy.header import text_header

BODY = "\n\nAbout the role\nYou will help our customers every day.\n"

# (the posting's top, the title or "", the company or None): each as a person would read it.
LABELLED: list[tuple[str, str, str | None]] = [
    # The company on the line under the title, with a place or terms.
    ("Data Analyst\nNorthwind · Austin, TX · Full-time", "Data Analyst", "Northwind"),
    (
        "Cloud Engineer\nNorthwind Logistics · Denver, CO (Hybrid)",
        "Cloud Engineer",
        "Northwind Logistics",
    ),
    (
        "Registered Nurse - ICU\nMercy Health - Springfield, IL\n$38 - $52 an hour - Full-time",
        "Registered Nurse - ICU",
        "Mercy Health",
    ),
    ("Registered Nurse – ICU\nMercy Health", "Registered Nurse – ICU", "Mercy Health"),
    (
        "Senior Manager – Digital Marketing\nAcme Outdoor Co.\nAustin, TX",
        "Senior Manager – Digital Marketing",
        "Acme Outdoor Co.",
    ),
    (
        "Help Desk Technician\nRemote · Contract\nBrightline IT — Columbus, OH",
        "Help Desk Technician",
        "Brightline IT",
    ),
    (
        "Payroll Specialist\nOakridge Senior Living\nSalary: $55,000",
        "Payroll Specialist",
        "Oakridge Senior Living",
    ),
    (
        "Dialysis Nurse\n**Prairie Kidney Care** · Wichita, KS · Full-time · "
        "first shift starts 5:00 am",
        "Dialysis Nurse",
        "Prairie Kidney Care",
    ),
    ("Senior Data Analyst\nat Acme Corp\nNew York, NY", "Senior Data Analyst", "Acme Corp"),
    ("Accountant\nContoso GmbH, Berlin", "Accountant", "Contoso GmbH"),
    (
        "Project Coordinator\nTrailhead Home & Garden\nDenver, CO · Full-time",
        "Project Coordinator",
        "Trailhead Home & Garden",
    ),
    # The company in the title line.
    ("Buyer at Corner Shop", "Buyer", "Corner Shop"),
    (
        "# Medical Coder at Valley Orthopedic Partners",
        "Medical Coder",
        "Valley Orthopedic Partners",
    ),
    ("Cloud Engineer - Northwind Logistics (Remote, US)", "Cloud Engineer", "Northwind Logistics"),
    ("Cloud Engineer – Northwind Logistics", "Cloud Engineer", "Northwind Logistics"),
    (
        "Business Intelligence Analyst — Sundial Retail",
        "Business Intelligence Analyst",
        "Sundial Retail",
    ),
    (
        "IT Support Specialist | Mesa Managed Services",
        "IT Support Specialist",
        "Mesa Managed Services",
    ),
    ("Staff Accountant - Globex Inc.", "Staff Accountant", "Globex Inc."),
    ("Scrum Master @ Bluejay Payments", "Scrum Master", "Bluejay Payments"),
    ("Data Engineer - Quarry Labs (Remote)", "Data Engineer", "Quarry Labs"),
    ("Analyst - Bluebird\nEmployer: Bluebird", "Analyst", "Bluebird"),
    (
        "Nurse Educator - Cedar Hollow Unified School District",
        "Nurse Educator",
        "Cedar Hollow Unified School District",
    ),
    # Named again in the body: a company without a word companies are named with.
    (
        "Product Analyst - Cobalt\n\nAbout Cobalt\nCobalt makes fitness trackers.",
        "Product Analyst",
        "Cobalt",
    ),
    ("Recruiter – Aspenly\n\nAt Aspenly we hire for hospitals.", "Recruiter", "Aspenly"),
    # Titles that carry a unit, a field, a shift or a place after a dash: no company.
    ("Registered Nurse - ICU", "Registered Nurse - ICU", None),
    ("Registered Nurse – Medical/Surgical", "Registered Nurse – Medical/Surgical", None),
    ("Senior Manager – Digital Marketing", "Senior Manager – Digital Marketing", None),
    ("Software Engineer - Backend", "Software Engineer - Backend", None),
    ("Travel RN - Telemetry / Step-Down", "Travel RN - Telemetry / Step-Down", None),
    ("Accountant - Accounts Payable", "Accountant - Accounts Payable", None),
    ("Staff Nurse – Nights", "Staff Nurse – Nights", None),
    ("Marketing Coordinator - Acme", "Marketing Coordinator - Acme", None),  # named nowhere else
    # Terms and places after the title go; they are not the company either.
    ("Data Analyst | Remote", "Data Analyst", None),
    ("Cloud Engineer (Remote)", "Cloud Engineer", None),
    ("Sales Associate - Part-time", "Sales Associate", None),
    ("HR Generalist - Austin, TX", "HR Generalist", None),
    ("Warehouse Associate (Contract)", "Warehouse Associate", None),
    ("School Nurse (RN)", "School Nurse (RN)", None),
    ("HR Coordinator\nPosted 3 days ago", "HR Coordinator", None),
    # A city after the title is a place (labelled before the reader knew city names: the 73
    # tops then gave company precision 90.5%, recall 92.7% (38 of 42 given, 41 asked),
    # titles 79.5% (58 of 73); after, all 100%, and the held-out 18 the same. "Data
    # Analyst - London" was labelled as its own title before, the letter then saying "the
    # Data Analyst - London role").
    ("Data Analyst - London", "Data Analyst", None),
    ("Software Engineer - Berlin", "Software Engineer", None),
    ("Registered Nurse - Chicago", "Registered Nurse", None),
    ("Financial Analyst | Toronto", "Financial Analyst", None),
    ("Product Manager – San Francisco", "Product Manager", None),
    ("Analyst - Mumbai", "Analyst", None),
    ("Senior Accountant – Dublin", "Senior Accountant", None),
    ("Marketing Manager (Manchester)", "Marketing Manager", None),
    ("Data Analyst - London\nAcme Corp", "Data Analyst", "Acme Corp"),
    ("Accountant - Sydney\nGlobex Pty Ltd", "Accountant", "Globex Pty Ltd"),
    ("Nurse Manager - Denver\nHarbor Health", "Nurse Manager", "Harbor Health"),
    ("Barista - Seattle\nat Corner Coffee Co.", "Barista", "Corner Coffee Co."),
    # ... and a city on the line under it is no company.
    ("Data Analyst\nLondon", "Data Analyst", None),
    ("Data Analyst\nLondon · Full-time\nAcme Corp", "Data Analyst", "Acme Corp"),
    (
        "Project Manager\nToronto · Hybrid\nNorthwind Logistics",
        "Project Manager",
        "Northwind Logistics",
    ),
    # Working from home is terms, never a title or a company.
    ("Work from home at Acme Corp", "", "Acme Corp"),
    ("Data Entry Clerk\nWork from home at Acme Corp", "Data Entry Clerk", "Acme Corp"),
    ("Customer Service Representative - Work from home", "Customer Service Representative", None),
    (
        "Customer Service Representative - Work From Home at Acme Corp",
        "Customer Service Representative",
        "Acme Corp",
    ),
    # A word after the dash that is also a town's name is the title's: a field, a unit.
    ("Intervention Teacher - Reading", "Intervention Teacher - Reading", None),
    ("iOS Developer - Mobile", "iOS Developer - Mobile", None),
    ("Behavior Technician - ABA", "Behavior Technician - ABA", None),
    ("Delivery Driver - Van", "Delivery Driver - Van", None),
    ("Data Engineer - Platform", "Data Engineer - Platform", None),
    ("Analyst\nSpringfield, IL", "Analyst", None),
    # A job board's page copied: the company above the title, "About the job" on top.
    (
        "Northwind Logistics\nCloud Engineer\nDenver, CO · 2 weeks ago · Over 100 applicants",
        "Cloud Engineer",
        "Northwind Logistics",
    ),
    ("Acme Inc.\nStaff Accountant\nRemote", "Staff Accountant", "Acme Inc."),
    (
        "Tessel\nProduct Designer\nHybrid\n\nTessel makes tools for architects.",
        "Product Designer",
        "Tessel",
    ),
    ("About the job\nCloud Engineer at Northwind", "Cloud Engineer", "Northwind"),
    ("Job description\nPayroll Clerk\nHarbor Foods · Tampa, FL", "Payroll Clerk", "Harbor Foods"),
    # A company alone on top, by a word companies are named with: no title to take.
    ("Harbor Health\nDenver, CO", "", "Harbor Health"),
    # ... but a title the posting repeats is no company: "Cashier" is named again below.
    ("Cashier\nWalmart · Austin, TX\n\nAs a Cashier you help.", "Cashier", "Walmart"),
    # A title broken over two lines is still one title, and its company the next line.
    (
        "Brand and Communications\nManager\n\nOrchard Valley Credit Union",
        "Brand and Communications Manager",
        "Orchard Valley Credit Union",
    ),
    # A heading that starts the body is never the company.
    (
        "# Registered Nurse, Hemodialysis\n\n## Your day\n- Assess patients",
        "Registered Nurse, Hemodialysis",
        None,
    ),
]


# Written after the rule was built on the set above, and run once: all 18 right at the
# first run (company precision 10/10, recall 10/10, titles 18/18), where the reader before
# this rule had 8/11, 8/10 and 13/18. Kept apart, to measure the next change on too.
HELD_OUT: list[tuple[str, str, str | None]] = [
    ("Junior Web Developer – Pixel & Pine Studio", "Junior Web Developer", "Pixel & Pine Studio"),
    (
        "Dental Hygienist\nBright Smiles Dental Group · Tucson, AZ",
        "Dental Hygienist",
        "Bright Smiles Dental Group",
    ),
    ("Operations Manager - Warehouse", "Operations Manager - Warehouse", None),
    ("Financial Analyst II | Harbor Bank", "Financial Analyst II", "Harbor Bank"),
    ("LPN - Long Term Care - Day Shift", "LPN - Long Term Care - Day Shift", None),
    ("Customer Success Manager (Hybrid, Chicago)", "Customer Success Manager", None),
    (
        "Executive Assistant to the CEO\nRedwood Capital Partners\nSan Francisco, CA",
        "Executive Assistant to the CEO",
        "Redwood Capital Partners",
    ),
    ("Graphic Designer @ Fernweh Media", "Graphic Designer", "Fernweh Media"),
    ("Network Engineer – Tier 2", "Network Engineer – Tier 2", None),
    ("Pharmacy Technician\nCVS Health\nPhoenix, AZ", "Pharmacy Technician", "CVS Health"),
    ("Marketing Intern - Summer 2027", "Marketing Intern - Summer 2027", None),
    ("Security Analyst - Ironclad Systems (Remote, US)", "Security Analyst", "Ironclad Systems"),
    (
        "Teacher Assistant\nMaple Grove School District",
        "Teacher Assistant",
        "Maple Grove School District",
    ),
    ("Bookkeeper - Small Business", "Bookkeeper - Small Business", None),
    (
        "Physical Therapist — Outpatient Orthopedics",
        "Physical Therapist — Outpatient Orthopedics",
        None,
    ),
    (
        "Product Designer - Tessellate\n\nTessellate builds tools for architects.",
        "Product Designer",
        "Tessellate",
    ),
    (
        "Site Reliability Engineer\nKestrel Cloud Inc.\nRemote",
        "Site Reliability Engineer",
        "Kestrel Cloud Inc.",
    ),
    ("Medical Assistant - Pediatrics", "Medical Assistant - Pediatrics", None),
]


def _measure(
    labelled: list[tuple[str, str, str | None]],
) -> tuple[float, float, float, list[str]]:
    right = found = asked = titles = 0
    wrong: list[str] = []
    for top, title, company in labelled:
        got, got_company = text_header(top + BODY)
        got_title = got or ""  # "": no title is there to take
        titles += got_title == title
        found += got_company is not None
        asked += company is not None
        right += got_company is not None and got_company == company
        if (got_title, got_company) != (title, company):
            wrong.append(f"{top.splitlines()[0]!r}: {(got_title, got_company)}")
    return right / found, right / asked, titles / len(labelled), wrong


@pytest.mark.parametrize("labelled", [LABELLED, HELD_OUT], ids=["tuning", "held-out"])
def test_the_company_is_never_wrong_and_mostly_found(
    labelled: list[tuple[str, str, str | None]],
) -> None:
    precision, recall, titles, wrong = _measure(labelled)
    print(f"\ncompany precision {precision:.1%}, recall {recall:.1%}; titles {titles:.1%}")
    print("\n".join(wrong))
    assert precision == 1.0, wrong
    assert recall >= 0.95, wrong
    assert titles >= 0.95, wrong
