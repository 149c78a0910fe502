"""Writing drafts are not in the admin: a draft is private to the person who wrote it."""
