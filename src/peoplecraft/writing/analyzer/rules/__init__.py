"""Rules: each module turns a Document into Findings."""
