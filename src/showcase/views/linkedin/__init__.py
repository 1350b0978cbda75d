"""What goes on LinkedIn: announcement posts (`posts`), the "Licenses & Certifications"
form fields (`certifications`) and a headline (`headline`)."""

from showcase.views.linkedin.announce import is_news, post_drafts
from showcase.views.linkedin.certifications import (
    ADD_TO_PROFILE,
    CertificationEntry,
    add_to_profile_url,
    certification_entries,
)
from showcase.views.linkedin.fit import fit_post
from showcase.views.linkedin.headline import HEADLINE_LIMIT, Headline, headline
from showcase.views.linkedin.posts import (
    FOLD,
    POST_LIMIT,
    Post,
    PostDraft,
)
from showcase.views.linkedin.tags import hashtag, hashtags

__all__ = [
    "ADD_TO_PROFILE",
    "FOLD",
    "HEADLINE_LIMIT",
    "POST_LIMIT",
    "CertificationEntry",
    "Headline",
    "Post",
    "PostDraft",
    "add_to_profile_url",
    "certification_entries",
    "fit_post",
    "hashtag",
    "hashtags",
    "headline",
    "is_news",
    "post_drafts",
]
