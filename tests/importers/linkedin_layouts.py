"""LinkedIn data exports written in the layouts the export has had, for the tests.

The column names follow `showcase.importers.linkedin_csv.COLUMNS` (and its sources);
the people, places and jobs are made up.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

# Today's layout (a "Complete" export): every file a profile needs, and some it must not read.
CURRENT: dict[str, str] = {
    "Profile.csv": (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
        "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        'Priya,Verma,,"12 Secret Lane","Mar 4, 1990",Senior Data Scientist at Flipkart,'
        '"I work on ranking, search and ""ML at scale"".\nJEC 2012 alumna.",Software '
        'Development,560001,"Bengaluru, Karnataka, India",priya_v,'
        '"[PORTFOLIO:https://priya.example.com,OTHER:https://github.com/priyav]",\n'
    ),
    "Email Addresses.csv": (
        "Email Address,Confirmed,Primary,Updated On\n"
        "old@example.com,Yes,No,1/1/20\npriya@example.com,Yes,Yes,1/1/21\n"
    ),
    "PhoneNumbers.csv": "Extension,Number,Type\n,+91 80 5550 0147,Mobile\n",
    "Positions.csv": (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'Flipkart,Senior Data Scientist,"Search ranking and recommendations\n'
        '- Led a team of 4\n• Cut p99 latency by 30%","Bengaluru, Karnataka, India",Jan 2021,\n'
        "Infosys,Systems Engineer,,Mysore,Aug 2012,Jun 2018\n"
    ),
    "Education.csv": (
        "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
        'Jabalpur Engineering College,2008,2012,,Bachelor of Engineering (B.E.),"NSS, Robotics"\n'
    ),
    "Skills.csv": "Name\nMachine Learning\nPython\nTableau\nAgile Methodologies\npython\n",
    "Languages.csv": (
        "Name,Proficiency\nHindi,Native or bilingual proficiency\n"
        "English,Full professional proficiency\nKannada,Professional working proficiency\n"
        "Tamil,Limited working proficiency\nGerman,Elementary proficiency\n"
    ),
    "Certifications.csv": (
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Google Data Analytics Professional Certificate,https://coursera.org/verify/X1,"
        "Google,Mar 2023,,X1\n"
        "AWS Certified Cloud Practitioner,,Amazon Web Services,Jan 2024,Jan 2027,\n"
    ),
    "Courses.csv": "Name,Number\nDistributed Systems,CS401\n",
    "Projects.csv": (
        "Title,Description,Url,Started On,Finished On\n"
        'Ranking revamp,"Rebuilt the ranking stack.\n• Shipped 12 A/B tests",'
        "https://example.com/ranking,Jan 2022,Mar 2022\n"
    ),
    "Honors.csv": "Title,Description,Issued On\nHackathon winner,First of 60 teams,Feb 2025\n",
    "Volunteering.csv": (
        "Company Name,Role,Cause,Started On,Finished On,Description\n"
        "Code for India,Mentor,Education,Jun 2020,,Mentored 30 students\n"
    ),
    "Publications.csv": (
        "Name,Published On,Description,Publisher,Url\n"
        "Learning to rank at scale,Sep 2023,How we rank,KDD,https://example.com/paper\n"
    ),
    "Connections.csv": (
        'Notes:\n"When exporting your connection data, you may notice..."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ravi,Kumar,https://www.linkedin.com/in/ravi,ravi@example.com,Acme,CTO,01 Jan 2020\n"
    ),
    "messages.csv": "CONVERSATION ID,FROM,TO,CONTENT\n1,Ravi,Priya,private words\n",
    "Invitations.csv": "From,To,Sent At,Message,Direction\nRavi,Priya,1/1/20,hello,INCOMING\n",
}

# The same person in older and other spellings: Profile.csv with its 2018 columns, a
# "Notes:" preamble before the header (as Connections.csv has), Start Date / End Date
# in Positions.csv and Certifications.csv (Education.csv's spelling, accepted in every
# file), and the Field Of Study column that some exports' Education.csv carries.
OLDER: dict[str, str] = {
    **CURRENT,
    "Profile.csv": (
        "First Name,Last Name,Maiden Name,Created Date,Address,Birth Date,Contact Instructions,"
        "Marital Status,Headline,Summary,Industry,Association,Zip Code,Geo Location,"
        "Twitter Handles,Websites,Instant Messengers\n"
        "Priya,Verma,,01/02/12 10:00,,,,,Senior Data Scientist at Flipkart,"
        '"I work on ranking, search and ""ML at scale"".\nJEC 2012 alumna.",Software '
        'Development,,,"Bengaluru, Karnataka, India",,'
        '"[PORTFOLIO:https://priya.example.com,OTHER:https://github.com/priyav]",\n'
    ),
    "Positions.csv": 'Notes:\n"This file contains your positions"\n\n'
    + CURRENT["Positions.csv"]
    .replace("Started On", "Start Date")
    .replace("Finished On", "End Date"),
    "Education.csv": (
        "School Name,Start Date,End Date,Notes,Degree Name,Field Of Study,Activities\n"
        "Jabalpur Engineering College,2008,2012,,Bachelor of Engineering (B.E.),,"
        '"NSS, Robotics"\n'
    ),
    "Certifications.csv": CURRENT["Certifications.csv"]
    .replace("Started On", "Start Date")
    .replace("Finished On", "End Date"),
}

# A "Basic" export: no jobs, schools or certifications.
BASIC: dict[str, str] = {
    name: CURRENT[name]
    for name in ("Profile.csv", "Email Addresses.csv", "Skills.csv", "Honors.csv")
} | {"Connections.csv": CURRENT["Connections.csv"], "Registration.csv": "Registered At\n1/1/12\n"}


def zip_bytes(files: Mapping[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def write_zip(folder: Path, files: Mapping[str, str | bytes], name: str = "") -> Path:
    path = folder / (name or "Complete_LinkedInDataExport_12-06-2026.zip")
    path.write_bytes(zip_bytes(files))
    return path


def write_folder(folder: Path, files: Mapping[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder
