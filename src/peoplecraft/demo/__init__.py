"""``peoplecraft demo``: a realistic, seeded year of use, created through the app's own services."""
