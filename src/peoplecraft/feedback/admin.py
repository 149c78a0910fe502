"""No feedback model is registered in the admin.

Requests, invitations, drafts, responses and releases are private to the anonymity engine:
whoever signs in to the admin (on a laptop, the learner themselves) must not be able to tell
who answered, declined or drafted, nor read a draft (issue 13, attack 3). Learners manage their
requests in the app; ``tests/feedback/adversary/test_adversary_admin.py`` checks the admin.
"""
