"""The ``peoplecraft`` command line. Thin: parse, call services and selectors, print.

Django is set up lazily (``cli.context.owner``) so ``--help`` stays instant.
"""
