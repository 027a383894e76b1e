"""reciprocity: keep your close relationships mutual, without a ledger."""

__version__ = "0.1.0"
