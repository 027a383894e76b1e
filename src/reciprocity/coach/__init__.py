"""The product's words, kept together so their tone can be read in one sitting.

- ``messages``: every sentence the command line and the services say.
- ``questions``: the guiding questions of the Reciprocity Audit.
- ``phrasing``: the gentle check on blame and debt wording, and its rewrites.
- ``suggestions``: reflection prompts drawn from the practices.
"""
