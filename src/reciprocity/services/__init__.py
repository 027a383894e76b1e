"""What a person can do, one module per area: the only door the faces go through.

The command line (``reciprocity.cli``), the web pages and the JSON API
(``reciprocity.web``) parse what they are given, call a service here, and print
or render what it returns. Services take typed values, own their transaction
and hold every rule of the product that is not a rule of one entity (those
live in ``reciprocity.model``); the words they return live in
``reciprocity.coach``.
"""
